using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Spectre.Console;
using UniRetail.Data;
using UniRetail.Identity.Users;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Server;

namespace UniRetail.Bench;

/// <summary>
/// One console page's times in the page's own clock, medians in ms unless named worst: <see cref="AnsweredMs"/> until the
/// server's answer (its render, which reads the page's data) had arrived, <see cref="PaintedMs"/> until the browser first
/// painted it, <see cref="LiveMs"/> until it was live and had read its data over its Blazor circuit (a new load: the
/// circuit starts), and <see cref="NavigatedMs"/> from <c>Blazor.navigateTo</c> until the same, reached from another page
/// of the console over the running circuit (as the menu's links do). <see cref="DriverLiveMs"/> is the fresh load as the
/// driver saw it (from <c>GotoAsync</c> until Playwright found the marker), which adds the driver's round trips. The static
/// floor has no circuit: its live time is its load event, and it is not navigated to. Where a fresh
/// load's time goes: <see cref="ScriptsMs"/> until the page's scripts had run (DOMContentLoaded) and
/// <see cref="ConnectedMs"/> until the circuit's WebSocket was open; the rest of <see cref="LiveMs"/> is the circuit's start
/// on the server, its render and the browser applying it.
/// </summary>
internal sealed record PageTiming(string Page, string Path, double AnsweredMs, double PaintedMs, double ScriptsMs, double ConnectedMs,
    double LiveMs, double LiveWorstMs, double DriverLiveMs, double NavigatedMs, double NavigatedWorstMs);

/// <summary>What the console benchmark measured on one engine.</summary>
internal sealed record ConsoleScaleReport(string Database, long Orders, int Skus, double SeedSeconds, PageTiming Floor, IReadOnlyList<PageTiming> Pages);

/// <summary>
/// The console on a large tenant, in a real browser: a catalog of <c>--skus</c> SKUs stocked at the DC (imported and
/// received through the handlers), <see cref="PlacedOrders"/> orders placed through the order handler and then copied
/// (<see cref="OrderCopies"/>) to <c>--orders</c> over the past year; then the real host (Kestrel) on that database and
/// Debian's chromium through Playwright, signed in as the tenant's admin, opening each page <c>--visits</c> times. A page
/// counts from its navigation's start until its <c>page-loaded</c> marker is attached, in the page's clock
/// (<see cref="PageClock"/>) — its server render (which reads the page's data), the circuit's start and the circuit's own
/// read and render; beside it, when the server's answer had arrived and when the browser first painted the page; then each
/// page reached over the running circuit from the one before it, as the menu does (<see cref="PageTiming"/>). The floor in
/// the same run is the static sign-in page in a fresh context.
/// </summary>
internal static class ConsoleScaleBenchmark
{
    public const string Chromium = "/usr/bin/chromium";
    private const int PlacedOrders = 2_000;
    private const string Email = "bench-admin@bench.test";
    private const string Password = "correct horse battery staple";

    /// <summary>
    /// Notes, in the page's own clock (ms from the navigation's start), when its first WebSocket (the circuit's) opened and
    /// when each <c>page-loaded</c> marker was attached (by its <c>data-page</c> id): the times the table shows, free of the
    /// driver's round trips (Playwright's wait for a selector answers 30–90 ms after the marker is there on this box).
    /// </summary>
    private const string PageClock = """
        (() => {
          const Socket = window.WebSocket;
          window.WebSocket = class extends Socket {
            constructor(...args) {
              super(...args);
              this.addEventListener('open', () => { window.__circuitConnectedAt ??= performance.now(); });
            }
          };
          window.__pageLoadedAt = {};
          new MutationObserver(() => {
            for (const marker of document.querySelectorAll('[data-testid=page-loaded]'))
              window.__pageLoadedAt[marker.dataset.page] ??= performance.now();
          }).observe(document, { subtree: true, childList: true });
        })();
        """;

    public static async Task<ConsoleScaleReport> RunAsync(BenchDatabase database, int orders, int skus, int visits, Action<string> step, CancellationToken ct)
    {
        var seeding = Stopwatch.StartNew();
        var (tenant, reached) = await SeededAsync(database, ct) ?? await SeedAsync(database, orders, skus, step, ct);
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
            await context.AddInitScriptAsync(PageClock);
            context.SetDefaultTimeout(120_000);
            context.SetDefaultNavigationTimeout(120_000);
            var page = await context.NewPageAsync();
            await SignInAsync(page, tenant);
            var pages = await TimeAsync(page, Pages(oldOrder).ToList(), visits);
            await context.CloseAsync();
            return new ConsoleScaleReport(database.Name, reached, skus, seeding.Elapsed.TotalSeconds, floor, pages);
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
            File.Delete(keys);
        }
    }

    /// <summary>The tenant an earlier run seeded into a kept database (<c>--keep-sqlite</c>) and its order count; null when there is none.</summary>
    private static async Task<(string Tenant, long Orders)?> SeededAsync(BenchDatabase database, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Sqlite || !File.Exists(new SqliteConnectionStringBuilder(database.Options.ConnectionString).DataSource))
            return null;
        await using var connection = await database.OpenRawAsync(ct);
        var hasUsers = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'identity_user'") > 0;
        var tenant = hasUsers ? await connection.ExecuteScalarAsync<string>("SELECT tenant_id FROM identity_user WHERE email = @Email", new { Email }) : null;
        if (tenant is null)
            return null;
        return (tenant, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders_order WHERE tenant_id = @Tenant", new { Tenant = tenant }));
    }

    private static async Task<(string Tenant, long Orders)> SeedAsync(BenchDatabase database, int orders, int skus, Action<string> step, CancellationToken ct)
    {
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
        return (tenant, await OrderCopies.GrowAsync(database, tenant, orders, step, ct));
    }

    private static IEnumerable<(string Name, string Path)> Pages(string order) =>
    [
        ("Today", "/"), ("Orders", "/orders"), ($"the oldest order", $"/orders/{order}"), ("Store desk", "/store"), ("Stock", "/stock"),
        ("Catalog", "/catalog"), ("Customers", "/customers"), ("Data bank", "/databank"), ("Settings", "/settings"),
        ("Promotions", "/promotions"), ("AIPL", "/aipl"), ("Till", "/till"), ("Network", "/network"), ("Shop", "/shop"), ("Bags", "/bags"),
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

    /// <summary>
    /// Each page loaded <paramref name="visits"/> times after one unmeasured load (which pays the page's first JIT and query
    /// plans), then reached <paramref name="visits"/> times over the running circuit, going round the pages in turn.
    /// </summary>
    private static async Task<List<PageTiming>> TimeAsync(IPage page, List<(string Name, string Path)> pages, int visits)
    {
        var loads = new List<(List<double> Answered, List<double> Painted, List<double> Scripts, List<double> Connected, List<double> Live, List<double> Driver)>();
        foreach (var (_, path) in pages)
        {
            var (answered, painted, scripts, connected, live, driver) =
                (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
            for (var visit = 0; visit <= visits; visit++)
            {
                var clock = Stopwatch.StartNew();
                var response = await page.GotoAsync(path);
                if (response is not { Ok: true })
                    throw new InvalidOperationException($"{path} answered {response?.Status}");
                var marker = page.GetByTestId("page-loaded");
                await marker.WaitForAsync(new() { State = WaitForSelectorState.Attached });
                if (visit == 0)
                    continue;
                driver.Add(clock.Elapsed.TotalMilliseconds);
                live.Add(await LoadedAtAsync(page, await marker.GetAttributeAsync("data-page")));
                answered.Add(response.Request.Timing.ResponseEnd);
                painted.Add(await PaintedAsync(page));
                var phases = await page.EvaluateAsync<double[]>(
                    "() => [performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, window.__circuitConnectedAt ?? -1]");
                scripts.Add(phases[0]);
                connected.Add(phases[1] >= 0 ? phases[1] : throw new InvalidOperationException($"{path}: live without its circuit's WebSocket"));
            }
            loads.Add((answered, painted, scripts, connected, live, driver));
        }
        var navigated = pages.Select(_ => new List<double>()).ToList();
        for (var round = 0; round <= visits; round++)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var before = await page.GetByTestId("page-loaded").GetAttributeAsync("data-page");
                var started = await page.EvaluateAsync<double>("path => { const at = performance.now(); Blazor.navigateTo(path); return at; }", pages[i].Path);
                var next = page.Locator($"[data-testid=page-loaded]:not([data-page='{before}'])");
                await next.WaitForAsync(new() { State = WaitForSelectorState.Attached });
                if (round > 0)
                    navigated[i].Add(await LoadedAtAsync(page, await next.GetAttributeAsync("data-page")) - started);
            }
        }
        return pages.Select((p, i) => new PageTiming(p.Name, p.Path, Median(loads[i].Answered), Median(loads[i].Painted),
            Median(loads[i].Scripts), Median(loads[i].Connected), Median(loads[i].Live), loads[i].Live.Max(), Median(loads[i].Driver),
            Median(navigated[i]), navigated[i].Max())).ToList();
    }

    /// <summary>When the page's <c>page-loaded</c> marker <paramref name="id"/> was attached, in the page's own clock (<see cref="PageClock"/>).</summary>
    private static async Task<double> LoadedAtAsync(IPage page, string? id) =>
        await page.EvaluateAsync<double?>("id => window.__pageLoadedAt[id] ?? null", id)
        ?? throw new InvalidOperationException($"{page.Url}: the page clock missed marker {id}");

    /// <summary>When the browser first painted the loaded page (ms from the navigation's start), waiting for the paint if it is still to come.</summary>
    private static async Task<double> PaintedAsync(IPage page)
    {
        const string paint = "performance.getEntriesByName('first-contentful-paint')";
        await page.WaitForFunctionAsync($"() => {paint}.length > 0");
        return await page.EvaluateAsync<double>($"() => {paint}[0].startTime");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The static sign-in page in a context with no cookie: no circuit, no database read — what any page pays here.</summary>
    private static async Task<PageTiming> FloorAsync(IBrowser browser, Uri address, int visits)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = address.ToString() });
        var page = await context.NewPageAsync();
        var (answered, painted, scripts, live, driver) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var visit = 0; visit <= visits; visit++)
        {
            var clock = Stopwatch.StartNew();
            var response = await page.GotoAsync("/signin");
            if (visit == 0 || response is null)
                continue;
            driver.Add(clock.Elapsed.TotalMilliseconds);
            answered.Add(response.Request.Timing.ResponseEnd);
            painted.Add(await PaintedAsync(page));
            var loaded = await page.EvaluateAsync<double[]>(
                "() => { const n = performance.getEntriesByType('navigation')[0]; return [n.domContentLoadedEventEnd, n.loadEventEnd]; }");
            scripts.Add(loaded[0]);
            live.Add(loaded[1]);
        }
        return new PageTiming("sign-in (static; the floor)", "/signin", Median(answered), Median(painted), Median(scripts), double.NaN,
            Median(live), live.Max(), Median(driver), double.NaN, double.NaN);
    }

    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (a fresh schema, dropped afterwards)" };
        var orders = new Option<int>("--orders") { Description = "Orders in the tenant (2,000 placed, the rest copies over the past year)", DefaultValueFactory = _ => 1_000_000 };
        var skus = new Option<int>("--skus") { Description = "SKUs in the catalog, each stocked at the DC (at most 100,000: one catalog import)", DefaultValueFactory = _ => 100_000 };
        var visits = new Option<int>("--visits") { Description = "Measured visits per page", DefaultValueFactory = _ => 5 };
        var keep = new Option<string?>("--keep-sqlite") { Description = "SQLite file to seed and keep (a later run with the same file skips seeding); the default is a fresh file, deleted afterwards" };
        var command = new Command("console", "Console pages in chromium on a tenant of 1 M orders and 100 k SKUs: time until each page is live, beside the static sign-in page")
        {
            postgres, orders, skus, visits, keep,
        };
        command.SetAction(async (result, ct) =>
        {
            var (o, s, v) = (result.GetValue(orders), result.GetValue(skus), result.GetValue(visits));
            if (o < PlacedOrders || s is < 10 or > 100_000 || v < 1)
                return BenchCommands.Fail($"--orders must be at least {PlacedOrders:N0}, --skus between 10 and 100,000 and --visits at least 1");
            if (!File.Exists(Chromium))
                return BenchCommands.Fail($"the console benchmark needs Debian's chromium at {Chromium} (apt-get install chromium)");
            var reports = await BenchDatabase.OnEachAsync(result.GetValue(postgres), db => RunAsync(db, o, s, v, BenchCommands.Step, ct), ct, result.GetValue(keep));
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
            var table = new Table().Title($"Console pages, {report.Database}: {report.Orders:N0} orders, {report.Skus:N0} SKUs (seeded in {report.SeedSeconds:N0} s); medians in ms");
            table.AddColumns("page", "path", "answered", "painted", "scripts run", "connected", "live (load)", "worst", "÷ floor", "driver saw", "live (navigated)", "worst", "÷ floor");
            foreach (var page in report.Pages.Prepend(report.Floor))
                table.AddRow(page.Page, Markup.Escape(page.Path.Length > 24 ? page.Path[..24] + "…" : page.Path),
                    Ms(page.AnsweredMs), Ms(page.PaintedMs), Ms(page.ScriptsMs), Ms(page.ConnectedMs), Ms(page.LiveMs), Ms(page.LiveWorstMs), Ratio(page.LiveMs, report.Floor.LiveMs), Ms(page.DriverLiveMs),
                    Ms(page.NavigatedMs), Ms(page.NavigatedWorstMs), Ratio(page.NavigatedMs, report.Floor.LiveMs));
            AnsiConsole.Write(table);
        }
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double ms, double floor) => double.IsNaN(ms) ? "–" : (ms / floor).ToString("0.0", CultureInfo.InvariantCulture);
}
