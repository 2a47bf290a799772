using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Playwright;
using Spectre.Console;
using UniRetail.Identity.Users;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Server;

namespace UniRetail.Bench;

/// <summary>One console page's load times: from navigation until the page is live (its Blazor circuit connected).</summary>
internal sealed record PageTiming(string Page, string Path, double MedianMs, double WorstMs);

/// <summary>What the console benchmark measured on one engine.</summary>
internal sealed record ConsoleScaleReport(string Database, long Orders, int Skus, double SeedSeconds, PageTiming Floor, IReadOnlyList<PageTiming> Pages);

/// <summary>
/// The console on a large tenant, in a real browser: a catalog of <c>--skus</c> SKUs stocked at the DC (imported and
/// received through the handlers), <see cref="PlacedOrders"/> orders placed through the order handler and then copied
/// (<see cref="OrderCopies"/>) to <c>--orders</c> over the past year; then the real host (Kestrel) on that database and
/// Debian's chromium through Playwright, signed in as the tenant's admin, opening each page <c>--visits</c> times. A page
/// counts from <c>GotoAsync</c> until the layout's <c>interactive</c> marker is attached — its server render (which reads
/// the page's data) and the circuit's start. The floor in the same run is the static sign-in page in a fresh context.
/// </summary>
internal static class ConsoleScaleBenchmark
{
    public const string Chromium = "/usr/bin/chromium";
    private const int PlacedOrders = 2_000;
    private const string Email = "bench-admin@bench.test";
    private const string Password = "correct horse battery staple";

    public static async Task<ConsoleScaleReport> RunAsync(BenchDatabase database, int orders, int skus, int visits, Action<string> step, CancellationToken ct)
    {
        var seeding = Stopwatch.StartNew();
        BenchSetup setup;
        await using (var host = await ModuleContainer.StartAsync(database.Options, ct))
        {
            step($"{database.Name}: the retailer ({skus:N0} SKUs imported and received at the DC, four stores)");
            setup = await BenchRetailer.SetUpAsync(host, skus, 1_000, [], ct);
            step($"{database.Name}: {PlacedOrders:N0} orders placed through the order handler");
            var requests = Shoppers.TwoLineOrders(setup.Skus, PlacedOrders, 41);
            var handler = host.Get<PlaceOrderHandler>();
            var placed = await LoadRun.RunAsync(PlacedOrders, 8, i => handler.HandleAsync(setup.WebShop, requests[i], $"console-{i}", ct));
            if (placed.Succeeded != PlacedOrders)
                throw new InvalidOperationException($"benchmark set-up failed: {PlacedOrders - placed.Succeeded} orders refused");
            var user = await host.Get<ManageUsers>().CreateAsync(setup.Admin, new CreateUserRequest(Email, "admin", null, Password), ct);
            if (!user.IsSuccess)
                throw new InvalidOperationException($"benchmark set-up failed: {user.Error.Code}");
        }
        var tenant = setup.Admin.Tenant.Value;
        var reached = await OrderCopies.GrowAsync(database, tenant, orders, step, ct);
        string oldOrder;
        await using (var connection = await database.OpenRawAsync(ct))
            oldOrder = await connection.ExecuteScalarAsync<string>(
                "SELECT order_id FROM orders_order WHERE tenant_id = @Tenant ORDER BY placed_at_ms LIMIT 1", new { Tenant = tenant }) ?? "";
        seeding.Stop();

        var keys = Path.Combine(Path.GetTempPath(), $"uniretail-bench-{Guid.NewGuid():N}.keys");
        var (server, address) = await BenchServer.StartAsync(database, [$"--UniRetail:KeysFile={keys}", "--UniRetail:RateLimits:Enabled=false"], ct);
        await using var _ = server;
        try
        {
            step($"{database.Name}: chromium on the console at {address}, {visits} visits per page");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
            var floor = await FloorAsync(browser, address, visits);
            var context = await browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
            context.SetDefaultTimeout(120_000);
            context.SetDefaultNavigationTimeout(120_000);
            var page = await context.NewPageAsync();
            await SignInAsync(page, tenant);
            var pages = new List<PageTiming>();
            foreach (var (name, path) in Pages(oldOrder))
                pages.Add(await TimeAsync(page, name, path, visits));
            await context.CloseAsync();
            return new ConsoleScaleReport(database.Name, reached, skus, seeding.Elapsed.TotalSeconds, floor, pages);
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
            File.Delete(keys);
        }
    }

    private static IEnumerable<(string Name, string Path)> Pages(string order) =>
    [
        ("Today", "/"), ("Orders", "/orders"), ($"the oldest order", $"/orders/{order}"), ("Store desk", "/store"), ("Stock", "/stock"),
        ("Catalog", "/catalog"), ("Customers", "/customers"), ("Data bank", "/databank"), ("Settings", "/settings"),
        ("Promotions", "/promotions"), ("AIPL", "/aipl"), ("Till", "/till"),
    ];

    private static async Task SignInAsync(IPage page, string tenant)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("Tenant (id or name)").FillAsync(tenant);
        await page.GetByLabel("E-mail").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>The page opened <paramref name="visits"/> times after one unmeasured visit (which pays the page's first JIT and query plans).</summary>
    private static async Task<PageTiming> TimeAsync(IPage page, string name, string path, int visits)
    {
        var times = new List<double>();
        for (var visit = 0; visit <= visits; visit++)
        {
            var clock = Stopwatch.StartNew();
            var response = await page.GotoAsync(path);
            if (response is not { Ok: true })
                throw new InvalidOperationException($"{path} answered {response?.Status}");
            await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            if (visit > 0)
                times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new PageTiming(name, path, times[times.Count / 2], times[^1]);
    }

    /// <summary>The static sign-in page in a context with no cookie: no circuit, no database read — what any page pays here.</summary>
    private static async Task<PageTiming> FloorAsync(IBrowser browser, Uri address, int visits)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = address.ToString() });
        var page = await context.NewPageAsync();
        var times = new List<double>();
        for (var visit = 0; visit <= visits; visit++)
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("/signin");
            if (visit > 0)
                times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new PageTiming("sign-in (static; the floor)", "/signin", times[times.Count / 2], times[^1]);
    }

    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (a fresh schema, dropped afterwards)" };
        var orders = new Option<int>("--orders") { Description = "Orders in the tenant (2,000 placed, the rest copies over the past year)", DefaultValueFactory = _ => 1_000_000 };
        var skus = new Option<int>("--skus") { Description = "SKUs in the catalog, each stocked at the DC (at most 100,000: one catalog import)", DefaultValueFactory = _ => 100_000 };
        var visits = new Option<int>("--visits") { Description = "Measured visits per page", DefaultValueFactory = _ => 5 };
        var command = new Command("console", "Console pages in chromium on a tenant of 1 M orders and 100 k SKUs: time until each page is live, beside the static sign-in page")
        {
            postgres, orders, skus, visits,
        };
        command.SetAction(async (result, ct) =>
        {
            var (o, s, v) = (result.GetValue(orders), result.GetValue(skus), result.GetValue(visits));
            if (o < PlacedOrders || s is < 10 or > 100_000 || v < 1)
                return BenchCommands.Fail($"--orders must be at least {PlacedOrders:N0}, --skus between 10 and 100,000 and --visits at least 1");
            if (!File.Exists(Chromium))
                return BenchCommands.Fail($"the console benchmark needs Debian's chromium at {Chromium} (apt-get install chromium)");
            var reports = await BenchDatabase.OnEachAsync(result.GetValue(postgres), db => RunAsync(db, o, s, v, BenchCommands.Step, ct), ct);
            Print(reports);
            Report.Command("console", result.GetValue(postgres),
                "--orders", o.ToString(CultureInfo.InvariantCulture), "--skus", s.ToString(CultureInfo.InvariantCulture), "--visits", v.ToString(CultureInfo.InvariantCulture));
            return 0;
        });
        return command;
    }

    private static void Print(IReadOnlyList<ConsoleScaleReport> reports)
    {
        foreach (var report in reports)
        {
            var table = new Table().Title($"Console pages, {report.Database}: {report.Orders:N0} orders, {report.Skus:N0} SKUs (seeded in {report.SeedSeconds:N0} s)");
            table.AddColumns("page", "path", "median ms", "worst ms", "median / floor");
            foreach (var page in report.Pages.Prepend(report.Floor))
                table.AddRow(page.Page, Markup.Escape(page.Path.Length > 40 ? page.Path[..40] + "…" : page.Path),
                    page.MedianMs.ToString("N0", CultureInfo.InvariantCulture), page.WorstMs.ToString("N0", CultureInfo.InvariantCulture),
                    (page.MedianMs / report.Floor.MedianMs).ToString("0.0", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
        }
    }
}
