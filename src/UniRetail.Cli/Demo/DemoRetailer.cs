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

namespace UniRetail.Cli.Demo;

internal sealed record DemoSettings(int Shoppers, int Members, int Products, int Workers);

/// <summary>The demo retailer once set up: who it is, where its stores are, what each store stocks, who its members are.</summary>
internal sealed record DemoSetup(Caller Retailer, string TenantName, IReadOnlyList<(string Id, string Code, double Latitude, double Longitude)> Stores,
    IReadOnlyDictionary<string, string> CodesById, IReadOnlyList<DemoProduct> Products, IReadOnlyDictionary<string, HashSet<string>> Assortments,
    IReadOnlyList<string> Members, string CatalogSource);

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
        return new DemoSetup(retailer, tenant.Name, locations.Skip(1).ToList(), locations.ToDictionary(l => l.Id, l => l.Code), products, assortments,
            registered.Registered.Select(m => m.Id.Value).ToList(), file is null ? "generated (Bogus)" : "UCI Online Retail best sellers");
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
