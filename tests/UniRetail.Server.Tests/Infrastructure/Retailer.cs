using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Identity.Tenants;
using Xunit;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>
/// A new tenant on a running server and its admin key, with the calls the tests repeat. The tenant is created by the
/// CLI's own handler; everything else goes over HTTP.
/// </summary>
public sealed class Retailer
{
    private readonly WebApplicationFactory<Program> _factory;

    private Retailer(WebApplicationFactory<Program> factory, string adminToken)
    {
        _factory = factory;
        AdminToken = adminToken;
        Admin = ClientWithKey(adminToken);
    }

    public string AdminToken { get; }

    public HttpClient Admin { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Retailer> CreateAsync(WebApplicationFactory<Program> factory, string name = "Camden Goods")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var created = await factory.Services.GetRequiredService<CreateTenant>().HandleAsync(name, "GBP", Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return new Retailer(factory, created.Value.AdminKey);
    }

    /// <summary>A tenant made elsewhere (a shop a platform signed up) by its first admin key.</summary>
    public static Retailer WithAdminKey(WebApplicationFactory<Program> factory, string adminToken) => new(factory, adminToken);

    /// <summary>The same tenant and admin key on another server over the same database.</summary>
    public Retailer On(WebApplicationFactory<Program> factory) => new(factory, AdminToken);

    public HttpClient ClientWithKey(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<Location> AddWarehouseAsync(Place place) =>
        AddLocationAsync(new { code = place.Code, name = place.Name, kind = "warehouse", latitude = place.Latitude, longitude = place.Longitude, timeZone = "Europe/London" });

    public Task<Location> AddStoreAsync(Place place, double deliveryRadiusKm = 0, int? dailyCapacity = null) =>
        AddLocationAsync(new
        {
            code = place.Code, name = place.Name, kind = "store", address = $"{place.Name}, London", latitude = place.Latitude, longitude = place.Longitude,
            timeZone = "Europe/London", deliveryRadiusKm, dailyCapacity,
        });

    private async Task<Location> AddLocationAsync(object body) =>
        await (await Admin.PostAsJsonAsync("/api/locations", body, Ct)).ShouldBeAsync<Location>(HttpStatusCode.Created);

    /// <summary>A product with one SKU at a price in pounds.</summary>
    public async Task<string> AddProductAsync(string sku, decimal price = 12.50m)
    {
        var body = new { code = $"P-{sku}", name = $"Product {sku}", category = "Home/Kitchen", skus = new[] { new { sku, price = new { amount = price, currency = "GBP" } } } };
        await (await Admin.PostAsJsonAsync("/api/catalog/products", body, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        return sku;
    }

    public async Task ReceiveAsync(Location at, string sku, int quantity)
    {
        var body = new { locationId = at.Id, reference = $"GRN-{sku}-{at.Code}", lines = new[] { new { sku, quantity } } };
        await (await Admin.PostAsJsonAsync("/api/inventory/receipts", body, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> PlaceOrderAsync(OrderBuilder order, string? idempotencyKey = null, HttpClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(order.ToJson()) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return (client ?? Admin).SendAsync(request, Ct);
    }

    public async Task<Order> PlaceOrderOkAsync(OrderBuilder order) =>
        await (await PlaceOrderAsync(order)).ShouldBeAsync<Order>(HttpStatusCode.Created);

    public async Task<Order> GetOrderAsync(string id) =>
        await (await Admin.GetAsync($"/api/orders/{id}", Ct)).ShouldBeAsync<Order>(HttpStatusCode.OK);

    public async Task<IReadOnlyList<OrderSummary>> ListOrdersAsync(string query = "") =>
        (await (await Admin.GetAsync($"/api/orders{query}", Ct)).ShouldBeAsync<Page<OrderSummary>>(HttpStatusCode.OK)).Items;

    /// <summary>A lifecycle verb (<c>confirm-payment</c>, <c>start-picking</c>, <c>ship</c>, ...) that must succeed.</summary>
    public async Task<Order> MoveAsync(Order order, string verb)
    {
        ArgumentNullException.ThrowIfNull(order);
        return await (await Admin.PostAsync($"/api/orders/{order.Id}/{verb}", null, Ct)).ShouldBeAsync<Order>(HttpStatusCode.OK);
    }

    public async Task<Atp> AtpAsync(string sku) =>
        await (await Admin.GetAsync($"/api/inventory/atp/{sku}", Ct)).ShouldBeAsync<Atp>(HttpStatusCode.OK);

    /// <summary>The SKU's level at a location; all zeros when it never had stock there.</summary>
    public async Task<StockLevel> LevelAsync(string sku, Location at)
    {
        ArgumentNullException.ThrowIfNull(at);
        var levels = await (await Admin.GetAsync($"/api/inventory/levels?sku={sku}&locationId={at.Id}", Ct)).ShouldBeAsync<Page<StockLevel>>(HttpStatusCode.OK);
        return levels.Items.SingleOrDefault() ?? new StockLevel(sku, at.Id, 0, 0, 0, 0, 0);
    }

    public async Task<LedgerCheck> CheckLedgerAsync() =>
        await (await Admin.GetAsync("/api/inventory/ledger/check", Ct)).ShouldBeAsync<LedgerCheck>(HttpStatusCode.OK);

    public async Task<ApiKey> CreateKeyAsync(string role, Location? store = null) =>
        await (await Admin.PostAsJsonAsync("/api/keys", new { name = $"{role} key", role, storeId = store?.Id }, Ct)).ShouldBeAsync<ApiKey>(HttpStatusCode.Created);

    /// <summary>A client holding a store_staff key bound to <paramref name="store"/>.</summary>
    public async Task<HttpClient> KeyForStoreAsync(Location store) => ClientWithKey((await CreateKeyAsync("store_staff", store)).Token);

    public async Task<Member> AddMemberAsync(string displayName, string email) =>
        await (await Admin.PostAsJsonAsync("/api/members", new { displayName, identifiers = new[] { new { kind = "email", value = email } } }, Ct))
            .ShouldBeAsync<Member>(HttpStatusCode.Created);
}
