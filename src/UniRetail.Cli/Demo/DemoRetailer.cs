using UniRetail.Server;
using System.Text;
using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Import;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Movements;
using UniRetail.Inventory.Receipts;
using UniRetail.Kernel;
using UniRetail.Members.Registration;
using UniRetail.Cli.OnlineRetail;
using System.Text.Json;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Programs;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Managing;

namespace UniRetail.Cli.Demo;

internal sealed record DemoSettings(int Shoppers, int Members, int Products, int Workers);

/// <summary>The demo retailer once set up: who it is, where its stores are, what each store stocks, who its members are.</summary>
internal sealed record DemoSetup(Caller Retailer, string TenantName, IReadOnlyList<(string Id, string Code, double Latitude, double Longitude)> Stores,
    IReadOnlyDictionary<string, string> CodesById, IReadOnlyList<DemoProduct> Products, IReadOnlyDictionary<string, HashSet<string>> Assortments,
    IReadOnlyList<string> Members, string CatalogSource, int MembersWithPoints);

/// <summary>Sets the demo retailer up through the same handlers the API uses.</summary>
internal static class DemoRetailer
{
    /// <summary>Friday 20 November 2026, 08:00 in London: the stores open.</summary>
    public static readonly DateTimeOffset Opening = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Closing = Opening.AddHours(14);

    public static async Task<DemoSetup> SetUpAsync(ModuleContainer host, DemoSettings settings, Action<string> step, CancellationToken ct)
    {
        step("Creating the retailer and its locations");
        var tenant = Must(await host.Get<CreateTenant>().HandleAsync($"London Gifts & Home {DateTime.UtcNow:HHmmss}", "GBP", ct));
        var retailer = Caller.AdminOf(tenant.TenantId);
        var locations = new List<(string Id, string Code, double Latitude, double Longitude)>();
        foreach (var request in DemoCity.Locations)
        {
            var location = Must(await host.Get<SaveLocation>().CreateAsync(retailer, request, ct));
            locations.Add((location.Id, location.Code, location.Latitude, location.Longitude));
        }

        var file = OnlineRetailFile.Locate();
        step(file is null ? "Generating a catalog (online-retail data not found)" : "Reading the Online Retail catalog");
        var products = file is null ? DemoCatalog.Generated(settings.Products) : DemoCatalog.FromOnlineRetail(file, settings.Products);
        var csv = DemoCatalog.ToCsv(products, payload => Gtin.Complete(payload).Value);
        step($"Importing {products.Count} products");
        await using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv)))
            Must(await host.Get<ImportCatalog>().HandleAsync(retailer, stream, ct));

        step("Receiving stock into the DC and the stores");
        var assortments = await StockAsync(host, retailer, locations, products, ct);

        step($"Registering {settings.Members} members");
        var registered = Must(await host.Get<RegisterMembers>().HandleAsync(retailer, DemoPeople.Members(settings.Members), ct));
        var members = registered.Registered.Select(m => m.Id.Value).ToList();

        step("Setting up the loyalty program, promotions and the Friday coupon");
        var withPoints = await BenefitsAsync(host, retailer, products, members, ct);
        return new DemoSetup(retailer, tenant.Name, locations.Skip(1).ToList(), locations.ToDictionary(l => l.Id, l => l.Code), products, assortments,
            members, file is null ? "generated (Bogus)" : "UCI Online Retail best sellers", withPoints);
    }

    /// <summary>The Friday coupon every channel takes: £3 off a basket of £20 or more, once per member, 400 in all.</summary>
    public const string FridayCoupon = "FRIDAY3";

    /// <summary>Points one earns a pound, spent 100 to the pound; what the old card scheme carried over.</summary>
    public const long CarriedOverPoints = 1500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The loyalty program (1 point a pound, pending for the 14-day return window; 100 points = £1, at most half a basket; silver
    /// from £40 and gold from £150 of rolling spend), four promotions (20% off the ten best sellers, 3 for 2 on the best
    /// seller, 15% off the next ten in the app, spend £40 save £5), the coupon-gated £3 off and its shared code, and the first
    /// tenth of the members' balances carried over from the old card scheme. Returns how many members hold points.
    /// </summary>
    private static async Task<int> BenefitsAsync(ModuleContainer host, Caller retailer, IReadOnlyList<DemoProduct> products, List<string> members, CancellationToken ct)
    {
        Must(await host.Get<ManageProgram>().SetAsync(retailer, JsonSerializer.Deserialize<ProgramDocument>("""
            {"currency":"GBP","earn":{"pointsPerUnit":1,"firstPurchaseBonus":0},"pendingDays":14,"expiryMonths":12,
             "redemption":{"points":100,"value":1.00,"minimumPoints":100,"maxShareOfBasket":50},
             "tiers":{"basis":"spend","periodMonths":12,"levels":[{"name":"member","threshold":0,"earnMultiplier":1},
               {"name":"silver","threshold":40,"earnMultiplier":1.5},{"name":"gold","threshold":150,"earnMultiplier":2}]}}
            """, Json), ct));
        string Skus(int from, int count) => JsonSerializer.Serialize(products.Skip(from).Take(count).Select(p => p.Sku));
        var promotions = new[]
        {
            $$$"""{"code":"TOP20","name":"20% off the ten best sellers","rule":{"kind":"percent_off","skus":{{{Skus(1, 10)}}},"percent":20}}""",
            $$$"""{"code":"3FOR2","name":"3 for 2 on the best seller","rule":{"kind":"multi_buy","skus":{{{Skus(0, 1)}}},"quantity":3,"pay":2}}""",
            $$$"""{"code":"APP15","name":"App: 15% off","rule":{"kind":"percent_off","skus":{{{Skus(11, 10)}}},"percent":15},"conditions":{"channels":["app"]}}""",
            """{"code":"SPEND40","name":"Spend £40, save £5","rule":{"kind":"spend_threshold","threshold":40,"amount":5}}""",
            """{"code":"FRIDAY3","name":"£3 off with the Friday coupon","rule":{"kind":"amount_off","basket":true,"amount":3},"conditions":{"couponRequired":true}}""",
        };
        string? couponPromotion = null;
        foreach (var promotion in promotions)
            couponPromotion = Must(await host.Get<SavePromotion>().CreateAsync(retailer, JsonSerializer.Deserialize<PromotionRequest>(promotion, Json)!, ct)).Id;
        Must(await host.Get<ManageCoupons>().CreateAsync(retailer, JsonSerializer.Deserialize<CampaignRequest>($$"""
            {"name":"Friday coupon","promotionId":"{{couponPromotion}}","kind":"shared","startsAt":"{{Opening.AddDays(-1):O}}","endsAt":"{{Opening.AddDays(2):O}}",
             "minimumSpend":{"amount":5},"totalLimit":400,"perMemberLimit":1,"codes":["{{FridayCoupon}}"]}
            """, Json)!, null, ct));
        var withPoints = members.Count / 10;
        foreach (var member in members.Take(withPoints))
            Must(await host.Get<ManageAccount>().AdjustAsync(retailer, new MemberId(member), new AdjustmentRequest(CarriedOverPoints, "carried over from the old card scheme", null), ct));
        return withPoints;
    }

    /// <summary>Opening stock: the DC carries everything, each store most of the range; returns what each location carries.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> StockAsync(ModuleContainer host, Caller retailer, List<(string Id, string Code, double Latitude, double Longitude)> locations,
        IReadOnlyList<DemoProduct> products, CancellationToken ct)
    {
        var random = new Random(541909);
        var movements = host.Get<RecordMovement>();
        var maxSold = products.Max(p => p.UnitsSold);
        var assortments = new Dictionary<string, HashSet<string>>();
        foreach (var (id, code, _, _) in locations)
        {
            var isWarehouse = code.StartsWith("DC", StringComparison.Ordinal);
            var lines = products
                .Where(_ => isWarehouse || random.NextDouble() < 0.85)
                .Select(p => new ReceiptLine(p.Sku, isWarehouse
                    ? 60 + (int)(1200 * p.UnitsSold / maxSold) + random.Next(0, 60)
                    : random.Next(4, 12 + (int)(40 * p.UnitsSold / maxSold))))
                .ToList();
            foreach (var receipt in lines.Chunk(StockLimits.MaxReceiptLines))
                Must(await host.Get<ReceiveGoods>().HandleAsync(retailer, new GoodsReceiptRequest(id, $"opening-stock-{code}", receipt), ct));
            assortments[id] = lines.Select(l => l.Sku!).ToHashSet();
            if (isWarehouse)
                continue;
            await Task.WhenAll(lines.Where((_, i) => i % 3 == 0).Select(l =>
                movements.SetSafetyStockAsync(retailer, new SafetyStockRequest(l.Sku, id, 1), ct)));
        }
        return assortments;
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"demo set-up failed: {result.Error.Code}: {result.Error.Message}");
}
