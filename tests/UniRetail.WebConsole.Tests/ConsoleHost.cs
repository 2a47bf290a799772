using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UniRetail.Data;
using UniRetail.Identity.Tenants;
using UniRetail.Identity.Users;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.WebConsole.Tests;

/// <summary>A console user the fixture made, and the password it was given.</summary>
public sealed record ConsoleLogin(string Email, string Password);

/// <summary>
/// The real host (Kestrel on a free port) on a fresh database, a tenant seeded through its HTTP API (a warehouse, two
/// stores, a SKU with stock, a click &amp; collect order at store A), a user per role, and one headless Debian chromium
/// for the whole class. Skips with the reason when chromium or (for PostgreSQL) the test database is missing.
/// </summary>
public abstract class ConsoleHost(DatabaseProvider provider) : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Password = "correct horse battery staple";

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private string? _skip;

    public DatabaseProvider Provider { get; } = provider;
    public Uri Address { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public HttpClient Api { get; private set; } = default!;
    public string TenantId { get; private set; } = "";
    /// <summary>The tenant's warehouse (Park Royal), where a network's wholesale stock is.</summary>
    public string Warehouse { get; private set; } = "";

    public string StoreA { get; private set; } = "";
    public string StoreB { get; private set; } = "";
    public string Sku { get; } = "MUG-BLUE";
    public string PickupOrderAtA { get; private set; } = "";
    public ConsoleLogin Admin { get; } = new("admin@camden.test", Password);
    public ConsoleLogin StaffA { get; } = new("ana@camden.test", Password);
    public ConsoleLogin StaffB { get; } = new("ben@camden.test", Password);
    public ConsoleLogin Marketer { get; } = new("mia@camden.test", Password);
    public ConsoleLogin LockMe { get; } = new("lee@camden.test", Password);

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    public void SkipIfUnavailable()
    {
        if (_skip is not null)
            Assert.Skip(_skip);
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            _skip = $"The browser tests need Debian's chromium at {Chromium} (apt-get install chromium; ./test.sh installs it as root).";
            return;
        }
        if (Provider == DatabaseProvider.Postgres && TestDatabases.PostgresConnectionString is null)
        {
            _skip = $"PostgreSQL tests need {TestDatabases.PostgresVariable} (a connection string); .ci/run sets it.";
            return;
        }
        var database = TestDatabases.New(Provider);
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        var storage = database.Provider == DatabaseProvider.Sqlite
            ? $"--UniRetail:Sqlite={new SqliteConnectionStringBuilder(database.ConnectionString).DataSource}"
            : $"--UniRetail:Postgres={database.ConnectionString}";
        var keys = Path.Combine(Path.GetTempPath(), "uniretail-tests", $"{Guid.NewGuid():N}.keys");
        _app = UniRetail.Server.ServerHost.Build([$"--urls={Address}", storage, $"--UniRetail:KeysFile={keys}", "--UniRetail:RateLimits:Enabled=false",
            "--Logging:LogLevel:Default=Warning", "--environment=Production"]);
        await _app.StartAsync();
        await SeedAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    private async Task SeedAsync()
    {
        var ct = CancellationToken.None;
        var tenant = await _app!.Services.GetRequiredService<CreateTenant>().HandleAsync("Camden Goods", "GBP", ct);
        TenantId = tenant.Value.TenantId.ToString()!;
        Api = new HttpClient { BaseAddress = Address };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Value.AdminKey);
        Warehouse = await PostAsync("/api/locations", new { code = "PR01", name = "Park Royal warehouse", kind = "warehouse", latitude = 51.5270, longitude = -0.2750, timeZone = "Europe/London" });
        StoreA = await PostAsync("/api/locations", new { code = "CG01", name = "Covent Garden", kind = "store", address = "Covent Garden, London", latitude = 51.5129, longitude = -0.1243, timeZone = "Europe/London" });
        StoreB = await PostAsync("/api/locations", new { code = "CM01", name = "Camden Town", kind = "store", address = "Camden, London", latitude = 51.5390, longitude = -0.1426, timeZone = "Europe/London" });
        await PostAsync("/api/catalog/products", new { code = "P-MUG", name = "Blue mug", category = "Home/Kitchen", skus = new[] { new { sku = Sku, price = new { amount = 12.50m, currency = "GBP" } } } }, idOf: null);
        foreach (var at in new[] { Warehouse, StoreA, StoreB })
            await PostAsync("/api/inventory/receipts", new { locationId = at, reference = $"GRN-{at}", lines = new[] { new { sku = Sku, quantity = 20 } } }, idOf: null);
        PickupOrderAtA = await PlacePickupOrderAsync(StoreA);
        var users = _app.Services.GetRequiredService<ManageUsers>();
        var admin = Caller.AdminOf(new TenantId(TenantId));
        foreach (var (login, role, store) in new[] { (Admin, "admin", (string?)null), (StaffA, "store_staff", StoreA), (StaffB, "store_staff", StoreB), (Marketer, "marketer", null), (LockMe, "marketer", null) })
        {
            var created = await users.CreateAsync(admin, new CreateUserRequest(login.Email, role, store, login.Password), ct);
            Assert.True(created.IsSuccess, created.Error?.Message);
        }
    }

    /// <summary>A console user of another tenant (a shop the tests signed up), made as the CLI makes one.</summary>
    public async Task CreateUserAsync(string tenantId, ConsoleLogin login, string role, string? store = null)
    {
        ArgumentNullException.ThrowIfNull(login);
        var created = await _app!.Services.GetRequiredService<ManageUsers>()
            .CreateAsync(Caller.AdminOf(new TenantId(tenantId)), new CreateUserRequest(login.Email, role, store, login.Password), CancellationToken.None);
        Assert.True(created.IsSuccess, created.Error?.Message);
    }

    /// <summary>A paid click &amp; collect order of one mug at <paramref name="store"/>, placed through the API; its id.</summary>
    public async Task<string> PlacePickupOrderAsync(string store) =>
        await PostAsync("/api/orders", new { channel = "web", fulfilment = "pickup_in_store", storeId = store, currency = "GBP", paymentCaptured = true, lines = new[] { new { sku = Sku, quantity = 1 } } });

    /// <summary>
    /// A customer seen on the web (a page view and a sign-in carrying their member id and phone, through a web source's write
    /// key) and at the till of store A (an in-store order for their member id); waits until the profile holds all four events
    /// (the registration, the page, the sign-in, the order). Returns the phone they are found by and the order id.
    /// </summary>
    public async Task<(string Phone, string OrderId)> SeedCustomerSeenOnTheWebAndInStoreAsync(string tag)
    {
        var phone = $"+44 7700 9{tag}";
        var member = await PostAsync("/api/members", new { displayName = $"Rita {tag}", identifiers = new[] { new { kind = "email", value = $"rita.{tag}@example.com" } } });
        var source = await PostAsync("/api/marketing/sources", new { kind = "web", name = $"Web shop {tag}" }, idOf: "writeKey");
        using (var web = new HttpClient { BaseAddress = Address })
        {
            web.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(source + ":")));
            var batch = new
            {
                batch = new object[]
                {
                    new { type = "page", anonymousId = $"cookie-{tag}", name = "Mugs" },
                    new { type = "identify", anonymousId = $"cookie-{tag}", userId = $"web-{tag}", traits = new { name = $"Rita {tag}", phone, member_id = member } },
                },
            };
            var sent = await web.PostAsJsonAsync(new Uri("/v1/batch", UriKind.Relative), batch);
            Assert.True(sent.IsSuccessStatusCode, $"POST /v1/batch: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        }
        var order = await PostAsync("/api/orders", new { channel = "pos", fulfilment = "in_store_purchase", storeId = StoreA, currency = "GBP", paymentCaptured = true, memberId = member, lines = new[] { new { sku = Sku, quantity = 1 } } });
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var response = await Api.GetAsync(new Uri($"/api/marketing/profiles?type=member_id&value={member}", UriKind.Relative));
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("aggregates").GetProperty("events").GetInt64() >= 4)
                return (phone, order);
            Assert.True(DateTime.UtcNow < deadline, $"The profile of member {member} did not reach four events within 120 s: {(int)response.StatusCode}.");
            await Task.Delay(200);
        }
    }

    /// <summary>A new SKU of its own product, with <paramref name="quantity"/> received at <paramref name="location"/>.</summary>
    public async Task AddSkuWithStockAsync(string sku, string location, int quantity, string? gtin = null)
    {
        await PostAsync("/api/catalog/products", new { code = $"P-{sku}", name = $"Product {sku}", category = "Home/Kitchen", skus = new[] { new { sku, gtin, price = new { amount = 5.00m, currency = "GBP" } } } }, idOf: null);
        await PostAsync("/api/inventory/receipts", new { locationId = location, reference = $"GRN-{sku}", lines = new[] { new { sku, quantity } } }, idOf: null);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Waits until a web basket of two <paramref name="sku"/> prices with promotion <paramref name="code"/>: a saved promotion
    /// reaches the servers' pricing cache through the invalidation poller, a moment after the save answers.
    /// </summary>
    public async Task WaitUntilPromotionAppliesAsync(string sku, string code)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var priced = await PostJsonAsync("/api/baskets/price", new { channel = "web", lines = new[] { new { sku, quantity = 2 } } });
            if (priced.GetProperty("lines")[0].GetProperty("applied").EnumerateArray().Any(a => a.GetProperty("code").GetString() == code))
                return;
            Assert.True(DateTime.UtcNow < deadline, $"Promotion {code} did not price {sku} within 60 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>POST with the admin key; the answer's body (the call must succeed).</summary>
    public async Task<JsonElement> PostJsonAsync(string path, object body)
    {
        var response = await Api.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> PostAsync(string path, object body, string? idOf = "id")
    {
        var response = await Api.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return idOf is null ? "" : JsonDocument.Parse(text).RootElement.GetProperty(idOf).GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteConsole() : ConsoleHost(DatabaseProvider.Sqlite);

public sealed class PostgresConsole() : ConsoleHost(DatabaseProvider.Postgres);
