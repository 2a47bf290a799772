using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Check;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Programs;
using UniRetail.Members.Registration;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Managing;
using UniRetail.Server;

namespace UniRetail.Bench;

/// <summary>What the order-benefits benchmark measured on one engine.</summary>
internal sealed record OrderBenefitsReport(string Database, LoadResult Plain, LoadResult PlainPromoted, LoadResult Benefits, bool LoyaltyConsistent, bool StockConsistent)
{
    public bool Passed => Plain.Failures.Count == 0 && PlainPromoted.Failures.Count == 0 && Benefits.Failures.Count == 0 && LoyaltyConsistent && StockConsistent;
}

/// <summary>
/// Placing orders that use a promotion, a coupon and points, beside plain orders, in one run on one database, at
/// <see cref="Callers"/> callers through <see cref="PlaceOrderHandler"/> with Idempotency-Keys (two-line paid ship-to-home
/// orders, as the orders benchmark places). Three phases: plain guest orders while the tenant has no promotion (the hot
/// path, no pricing engine), then with 50 promotions active: plain guest orders again (priced by the engine), and member
/// orders with a coupon and 100 points (priced twice: before and after the coupon's promotion is unlocked; the coupon and
/// points redeemed and pending points earned in the order's transaction). The ratio of the last to the first is the cost of benefits.
/// </summary>
internal static class OrderBenefitsBenchmark
{
    public const int Callers = 8;
    private const int Skus = 200;
    private const int Members = 1_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<OrderBenefitsReport> RunAsync(BenchDatabase database, int orders, Action<string> step, CancellationToken ct)
    {
        await using var host = await ModuleContainer.StartAsync(database.Options, ct);
        step($"{database.Name}: setting up the retailer ({Skus} SKUs, a DC and four stores)");
        var setup = await BenchRetailer.SetUpAsync(host, Skus, 1_000_000, [], ct);
        var handler = host.Get<PlaceOrderHandler>();
        var plainRequests = Shoppers.TwoLineOrders(setup.Skus, orders, 31);

        step($"{database.Name}: warming up, then {orders:N0} plain orders (no promotion in the tenant)");
        await LoadRun.RunAsync(Math.Clamp(orders / 5, 100, 1_000), Callers, i => handler.HandleAsync(setup.WebShop, plainRequests[i], $"warm-{i}", ct));
        var plain = await LoadRun.RunAsync(orders, Callers, i => handler.HandleAsync(setup.WebShop, plainRequests[i], $"plain-{i}", ct));

        step($"{database.Name}: a loyalty program, 50 promotions, a coupon and {Members:N0} members with points");
        var admin = setup.Admin;
        Must(await host.Get<ManageProgram>().SetAsync(admin, JsonSerializer.Deserialize<ProgramDocument>("""
            {"currency":"GBP","earn":{"pointsPerUnit":1},"pendingDays":14,"expiryMonths":12,"redemption":{"points":100,"value":1.00,"minimumPoints":100,"maxShareOfBasket":50}}
            """, Json), ct));
        for (var i = 0; i < 49; i++)
        {
            var sku = setup.Skus[i * 4 % setup.Skus.Count];
            Must(await host.Get<SavePromotion>().CreateAsync(admin, JsonSerializer.Deserialize<PromotionRequest>(
                $$$"""{"code":"P{{{i}}}","name":"10% off {{{sku}}}","rule":{"kind":"percent_off","skus":["{{{sku}}}"],"percent":10}}""", Json)!, ct));
        }
        var couponPromotion = Must(await host.Get<SavePromotion>().CreateAsync(admin, JsonSerializer.Deserialize<PromotionRequest>(
            """{"code":"COUPON1","name":"£1 off with the coupon","rule":{"kind":"amount_off","basket":true,"amount":1},"conditions":{"couponRequired":true}}""", Json)!, ct)).Id;
        Must(await host.Get<ManageCoupons>().CreateAsync(admin, JsonSerializer.Deserialize<CampaignRequest>($$"""
            {"name":"Bench","promotionId":"{{couponPromotion}}","kind":"shared","startsAt":"2020-01-01T00:00:00Z","endsAt":"2099-01-01T00:00:00Z","codes":["BENCH1"]}
            """, Json)!, null, ct));
        var registered = await host.Get<RegisterMembers>().HandleAsync(admin, Enumerable.Range(0, Members).Select(_ => new RegisterMemberRequest(null, [])).ToList(), ct);
        var members = registered.Value.Registered.Select(r => r.Id.Value).ToList();
        var accounts = host.Get<ManageAccount>();
        await LoadRun.RunAsync(members.Count, Callers, i => accounts.AdjustAsync(admin, new MemberId(members[i]), new AdjustmentRequest(1_000_000, "bench", null), ct));

        // The same two-line orders for members: each takes the coupon and pays 100 points (£1).
        var benefitRequests = Shoppers.TwoLineOrders(setup.Skus, orders, 37)
            .Select((r, i) => r with { MemberId = members[i % members.Count], Coupons = ["BENCH1"], Points = 100 }).ToArray();
        var promotedPlain = Shoppers.TwoLineOrders(setup.Skus, orders, 41);
        step($"{database.Name}: warming up, then {orders:N0} plain orders priced by the engine and {orders:N0} orders with a coupon and points");
        await LoadRun.RunAsync(Math.Clamp(orders / 5, 100, 1_000), Callers, i => handler.HandleAsync(setup.WebShop, benefitRequests[^(i + 1)] with { MemberId = members[(i + 7) % members.Count] }, $"warm-b-{i}", ct));
        var plainPromoted = await LoadRun.RunAsync(orders, Callers, i => handler.HandleAsync(setup.WebShop, promotedPlain[i], $"plain-promoted-{i}", ct));
        var benefits = await LoadRun.RunAsync(orders, Callers, i => handler.HandleAsync(setup.WebShop, benefitRequests[i], $"benefits-{i}", ct));

        var loyalty = await host.Get<LoyaltyCheck>().VerifyAsync(admin, ct);
        var stock = await host.Get<Inventory.Queries.StockQueries>().VerifyAsync(admin, ct);
        return new OrderBenefitsReport(database.Name, plain, plainPromoted, benefits, loyalty.Consistent, stock.Consistent);
    }

    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (a fresh schema, dropped afterwards)" };
        var count = new Option<int>("--orders") { Description = "Orders per phase", DefaultValueFactory = _ => 2_000 };
        var command = new Command("orders-benefits", "Orders with a promotion, a coupon and points beside plain orders, at 8 callers, in one run") { postgres, count };
        command.SetAction(async (result, ct) =>
        {
            var reports = await BenchDatabase.OnEachAsync(result.GetValue(postgres), db => RunAsync(db, result.GetValue(count), Console.WriteLine, ct), ct);
            foreach (var r in reports)
            {
                static string Of(LoadResult l) => string.Create(CultureInfo.InvariantCulture,
                    $"{l.PerSecond:N0}/s (p50 {l.P50Ms:F1} ms, p99 {l.P99Ms:F1} ms, {l.CpuCores:F2} cores{(l.Failures.Count == 0 ? "" : ", failed " + string.Join(", ", l.Failures.Select(f => $"{f.Value} {f.Key}")))})");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Database}: plain {Of(r.Plain)}; plain with 50 promotions {Of(r.PlainPromoted)}; promotion + coupon + points {Of(r.Benefits)}; "
                    + $"ratio benefits/plain {r.Benefits.PerSecond / r.Plain.PerSecond:F2}, plain-promoted/plain {r.PlainPromoted.PerSecond / r.Plain.PerSecond:F2}; "
                    + $"loyalty ledger {(r.LoyaltyConsistent ? "consistent" : "MISMATCH")}, stock ledger {(r.StockConsistent ? "consistent" : "MISMATCH")}; {(r.Passed ? "pass" : "FAIL")}"));
            }
            Report.Command("orders-benefits", result.GetValue(postgres), "--orders", result.GetValue(count).ToString(CultureInfo.InvariantCulture));
            return reports.All(r => r.Passed) ? 0 : 1;
        });
        return command;
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Setting up the order-benefits benchmark failed: {result.Error.Code} {result.Error.Message}");
}
