using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Catalog.Domain;
using UniRetail.Identity.ApiKeys;
using UniRetail.Inventory.Receipts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Programs;
using UniRetail.Members.Registration;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Managing;
using UniRetail.Server;

namespace UniRetail.Bench;

/// <summary>One level of the till benchmark: checkouts and plain orders at the same number of callers.</summary>
internal sealed record TillLevel(int Tills, LoadResult Checkouts, LoadResult PlainOrders);

internal sealed record TillReport(string Database, IReadOnlyList<TillLevel> Levels)
{
    public bool Passed => Levels.All(l => l.Checkouts.Failures.Count == 0 && l.PlainOrders.Failures.Count == 0);
}

/// <summary>
/// The till checkout over HTTP: the real server on a loopback port in this process, and 1, 8 and 64 tills (one open session
/// each, spread over four stores) each checking out sales one after the other: a member code issued by the app just
/// before, two scanned GTINs priced by two promotions (10% off half the range, spend £20 save £2), the coupon's £1 off, 100
/// points, cash with change. Beside each level, in the same run, plain two-line paid web orders through POST /api/orders
/// at as many callers: the ceiling the checkout is measured against (the till does an order's work and more).
/// </summary>
internal static class TillCheckoutBenchmark
{
    public static readonly int[] Tills = [1, 8, 64];
    private const int Skus = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Coupons = ["BENCH1"];

    public static async Task<TillReport> RunAsync(BenchDatabase database, int sales, Action<string> step, CancellationToken ct)
    {
        step($"{database.Name}: setting up the retailer, 2 promotions, a coupon, members with points and {Tills.Max()} open tills");
        var (adminKey, stores, members) = await SetUpAsync(database, ct);
        var (server, address) = await BenchServer.StartAsync(database, ["--UniRetail:RateLimits:Enabled=false", "--UniRetail:Store:MemberCodeSeconds=600"], ct);
        await using var _ = server;
        try
        {
            using var client = BenchServer.Client(address);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
            var sessions = new List<(string Store, string Session)>();
            for (var t = 0; t < Tills.Max(); t++)
            {
                var store = stores[t % stores.Count];
                var opened = await client.PostAsJsonAsync($"/api/pos/{store}/tills/T{t}/sessions", new { @float = new { amount = 100.00m } }, ct);
                opened.EnsureSuccessStatusCode();
                sessions.Add((store, (await opened.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!));
            }
            var plain = Shoppers.TwoLineOrders(Enumerable.Range(0, Skus).Select(i => $"BN-{10_000 + i}").ToList(), sales * Tills.Length + Math.Max(20, sales / 5), 53);
            var warm = Math.Max(20, sales / 5);

            step($"{database.Name}: warming up");
            await LoadRun.RunAsync(warm, 8, i => CheckoutAsync(client, sessions[i % 8], members[i % members.Count], new Random(i), $"warm-{i}", ct));
            await LoadRun.RunAsync(warm, 8, i => PlaceAsync(client, plain[i % plain.Length], ct));
            var offset = warm;

            var levels = new List<TillLevel>();
            foreach (var tills in Tills)
            {
                step($"{database.Name}: {sales} checkouts at {tills} tills, then {sales} plain orders at {tills} callers");
                var checkouts = await LoadRun.RunAsync(sales, tills, i =>
                    CheckoutAsync(client, sessions[i % tills], members[(i * 7 + tills) % members.Count], new Random(i + tills * 100_000), $"{tills}-{i}", ct));
                var from = offset;
                var orders = await LoadRun.RunAsync(sales, tills, i => PlaceAsync(client, plain[(from + i) % plain.Length], ct));
                offset += sales;
                levels.Add(new TillLevel(tills, checkouts, orders));
            }
            return new TillReport(database.Name, levels);
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The app's member code, then the sale at the till: two GTINs, the coupon, 100 points, £200 cash.</summary>
    private static async Task<Result<int>> CheckoutAsync(HttpClient client, (string Store, string Session) till, string member, Random random, string saleId, CancellationToken ct)
    {
        using var issued = await client.PostAsJsonAsync($"/api/members/{member}/member-code", new { wallet = false }, ct);
        if (issued.StatusCode != HttpStatusCode.Created)
            return Error.Validation($"member code HTTP {(int)issued.StatusCode}", await issued.Content.ReadAsStringAsync(ct));
        var code = (await issued.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString();
        // Two SKUs of £5.50 or more (BenchRetailer prices SKU i at £1.50 + i mod 37), so 100 points stay within half the basket.
        int Pick()
        {
            int i;
            do
                i = random.Next(Skus);
            while (i % 37 < 4);
            return i;
        }
        var first = Pick();
        var second = Pick();
        while (second == first)
            second = Pick();
        using var sold = await client.PostAsJsonAsync($"/api/pos/{till.Store}/checkout", new
        {
            sessionId = till.Session, saleId, memberCode = code, coupons = Coupons, points = 100,
            lines = new[] { new { gtin = GtinOf(first), quantity = 1 }, new { gtin = GtinOf(second), quantity = 1 } },
            payments = new[] { new { type = "cash", amount = new { amount = 200.00m } } },
        }, ct);
        return sold.StatusCode == HttpStatusCode.Created ? 1 : Error.Validation($"checkout HTTP {(int)sold.StatusCode} {await ProblemCodeAsync(sold, ct)}", "refused");
    }

    private static async Task<Result<int>> PlaceAsync(HttpClient client, PlaceOrderRequest order, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/orders", UriKind.Relative)) { Content = JsonContent.Create(order, options: Json) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var placed = await client.SendAsync(request, ct);
        return placed.StatusCode == HttpStatusCode.Created ? 1 : Error.Validation($"order HTTP {(int)placed.StatusCode}", await placed.Content.ReadAsStringAsync(ct));
    }

    /// <summary>The <c>code</c> of a problem answer, so refusals count by their reason.</summary>
    private static async Task<string> ProblemCodeAsync(HttpResponseMessage answer, CancellationToken ct)
    {
        var body = await answer.Content.ReadAsStringAsync(ct);
        try
        {
            return JsonDocument.Parse(body).RootElement.GetProperty("code").GetString() ?? body;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return body;
        }
    }

    /// <summary>The GTIN <see cref="BenchRetailer"/> gives the SKU at <paramref name="index"/>.</summary>
    private static string GtinOf(int index) => Gtin.Complete($"5012345{index:D5}").Value;

    /// <summary>The retailer through the handlers (before the server starts): stock in the stores, the program, the promotions, the coupon, members with points, an admin key.</summary>
    private static async Task<(string AdminKey, IReadOnlyList<string> Stores, IReadOnlyList<string> Members)> SetUpAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var host = await ModuleContainer.StartAsync(database.Options, ct);
        var setup = await BenchRetailer.SetUpAsync(host, Skus, 1_000_000, [], ct);
        var admin = setup.Admin;
        foreach (var store in setup.StoreIds)
        {
            var lines = Enumerable.Range(0, Skus).Select(i => new ReceiptLine($"BN-{10_000 + i}", 100_000)).ToList();
            Must(await host.Get<ReceiveGoods>().HandleAsync(admin, new GoodsReceiptRequest(store, $"till-stock-{store}", lines), ct));
        }
        Must(await host.Get<ManageProgram>().SetAsync(admin, JsonSerializer.Deserialize<ProgramDocument>("""
            {"currency":"GBP","earn":{"pointsPerUnit":1,"storeVisitBonus":5},"pendingDays":0,"expiryMonths":12,"redemption":{"points":100,"value":1.00,"minimumPoints":100,"maxShareOfBasket":50}}
            """, Json), ct));
        var half = JsonSerializer.Serialize(Enumerable.Range(0, Skus / 2).Select(i => $"BN-{10_000 + i * 2}"));
        foreach (var promotion in new[]
        {
            $$$"""{"code":"HALF10","name":"10% off half the range","rule":{"kind":"percent_off","skus":{{{half}}},"percent":10}}""",
            """{"code":"SPEND20","name":"Spend £20, save £2","rule":{"kind":"spend_threshold","threshold":20,"amount":2}}""",
        })
            Must(await host.Get<SavePromotion>().CreateAsync(admin, JsonSerializer.Deserialize<PromotionRequest>(promotion, Json)!, ct));
        var couponPromotion = Must(await host.Get<SavePromotion>().CreateAsync(admin, JsonSerializer.Deserialize<PromotionRequest>(
            """{"code":"COUPON1","name":"£1 off with the coupon","rule":{"kind":"amount_off","basket":true,"amount":1},"conditions":{"couponRequired":true}}""", Json)!, ct)).Id;
        Must(await host.Get<ManageCoupons>().CreateAsync(admin, JsonSerializer.Deserialize<CampaignRequest>($$"""
            {"name":"Bench","promotionId":"{{couponPromotion}}","kind":"shared","startsAt":"2020-01-01T00:00:00Z","endsAt":"2099-01-01T00:00:00Z","codes":["BENCH1"]}
            """, Json)!, null, ct));
        var registered = await host.Get<RegisterMembers>().HandleAsync(admin, Enumerable.Range(0, 1_000).Select(_ => new RegisterMemberRequest(null, [])).ToList(), ct);
        var members = registered.Value.Registered.Select(r => r.Id.Value).ToList();
        var accounts = host.Get<ManageAccount>();
        await LoadRun.RunAsync(members.Count, 8, i => accounts.AdjustAsync(admin, new MemberId(members[i]), new AdjustmentRequest(1_000_000, "bench", null), ct));
        var key = Must(await host.Get<ManageApiKeys>().CreateAsync(admin, new CreateApiKeyRequest("bench till", "admin", null), ct));
        return (key.Token, setup.StoreIds, members);
    }

    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (a fresh schema, dropped afterwards)" };
        var count = new Option<int>("--sales") { Description = "Checkouts (and plain orders) per level", DefaultValueFactory = _ => 300 };
        var command = new Command("till", "Till checkouts over HTTP with a member code, two promotions, a coupon and points at 1/8/64 tills, beside plain orders") { postgres, count };
        command.SetAction(async (result, ct) =>
        {
            var reports = await BenchDatabase.OnEachAsync(result.GetValue(postgres), db => RunAsync(db, result.GetValue(count), Console.WriteLine, ct), ct);
            foreach (var r in reports)
            {
                foreach (var l in r.Levels)
                {
                    static string Of(LoadResult x) => string.Create(CultureInfo.InvariantCulture,
                        $"{x.PerSecond:N0}/s (p50 {x.P50Ms:F1} ms, p99 {x.P99Ms:F1} ms{(x.Failures.Count == 0 ? "" : ", failed " + string.Join(", ", x.Failures.Select(f => $"{f.Value} {f.Key}")))})");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{r.Database} {l.Tills,2} tills: checkout {Of(l.Checkouts)}; plain order {Of(l.PlainOrders)}; ratio checkout/plain {l.Checkouts.PerSecond / l.PlainOrders.PerSecond:F2}"));
                }
            }
            Report.Command("till", result.GetValue(postgres), "--sales", result.GetValue(count).ToString(CultureInfo.InvariantCulture));
            return reports.All(r => r.Passed) ? 0 : 1;
        });
        return command;
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Setting up the till benchmark failed: {result.Error.Code} {result.Error.Message}");
}
