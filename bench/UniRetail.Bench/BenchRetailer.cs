using UniRetail.Server;
using System.Globalization;
using System.Text;
using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Import;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Receipts;
using UniRetail.Kernel;

namespace UniRetail.Bench;

/// <summary>The retailer a benchmark sells for: its tenant, its DC and stores, and the SKUs it stocks at the DC.</summary>
internal sealed record BenchSetup(Caller Admin, Caller WebShop, string WarehouseId, IReadOnlyList<string> StoreIds, IReadOnlyList<string> Skus);

/// <summary>
/// Sets a London retailer up through the same handlers the API uses: the tenant, a distribution centre and four stores,
/// a catalog import, and a goods receipt at the DC. Online stock lives at the DC only, so every benchmark order routes
/// the same way (stores are still considered, and their daily capacity read, on every order).
/// </summary>
internal static class BenchRetailer
{
    private static readonly Dictionary<string, string> StoreHours = new()
    {
        ["monday"] = "08:00-22:00", ["tuesday"] = "08:00-22:00", ["wednesday"] = "08:00-22:00", ["thursday"] = "08:00-22:00",
        ["friday"] = "08:00-22:00", ["saturday"] = "09:00-21:00", ["sunday"] = "10:00-18:00",
    };

    private static readonly LocationRequest[] Locations =
    [
        new("DC-DARTFORD", "Dartford Distribution Centre", "warehouse", "Crossways Business Park, Dartford DA2 6QQ", 51.4578, 0.2545, "Europe/London", null, true, false, 0, null),
        Store("ST-COVENT", "Covent Garden", "12 Long Acre, London WC2E 9LH", 51.5129, -0.1243),
        Store("ST-OXFORD", "Oxford Circus", "260 Oxford St, London W1C 1DD", 51.5152, -0.1419),
        Store("ST-CANARY", "Canary Wharf", "Cabot Place, London E14 4QT", 51.5054, -0.0235),
        Store("ST-CLAPHAM", "Clapham Junction", "St John's Rd, London SW11 1PW", 51.4642, -0.1676),
    ];

    /// <summary>
    /// Lists <paramref name="skus"/> SKUs with <paramref name="unitsPerSku"/> units each at the DC, and the
    /// <paramref name="extra"/> SKUs (a flash-sale item) with their own units.
    /// </summary>
    public static async Task<BenchSetup> SetUpAsync(ModuleContainer host, int skus, int unitsPerSku, IReadOnlyList<(string Sku, int Units)> extra, CancellationToken ct)
    {
        var tenant = Must(await host.Get<CreateTenant>().HandleAsync("Bench Gifts & Home", "GBP", ct));
        var admin = Caller.AdminOf(tenant.TenantId);
        var ids = new List<string>();
        foreach (var location in Locations)
            ids.Add(Must(await host.Get<SaveLocation>().CreateAsync(admin, location, ct)).Id);

        var listed = Enumerable.Range(0, skus).Select(i => $"BN-{10_000 + i}").ToList();
        var csv = new StringBuilder("product_code,product_name,category,sku,gtin,sku_name,price,currency\n");
        foreach (var (sku, i) in listed.Concat(extra.Select(e => e.Sku)).Select((s, i) => (s, i)))
        {
            // 50 = GS1 UK prefix range; twelve digits, then the check digit.
            var gtin = Gtin.Complete($"5012345{i:D5}").Value;
            var price = (1.5m + i % 37).ToString("0.00", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"P{sku},Bench product {i},Home/Decor,{sku},{gtin},Bench product {i},{price},GBP\n");
        }
        await using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())))
            Must(await host.Get<ImportCatalog>().HandleAsync(admin, stream, ct));

        // A receipt line carries at most Quantity.Max units and a receipt at most StockLimits.MaxReceiptLines lines.
        var lines = listed.Select(s => (Sku: s, Units: unitsPerSku)).Concat(extra)
            .SelectMany(s => Enumerable.Range(0, (s.Units + Quantity.Max - 1) / Quantity.Max)
                .Select(i => new ReceiptLine(s.Sku, Math.Min(Quantity.Max, s.Units - i * Quantity.Max))));
        foreach (var receipt in lines.Chunk(StockLimits.MaxReceiptLines))
            Must(await host.Get<ReceiveGoods>().HandleAsync(admin, new GoodsReceiptRequest(ids[0], "bench-opening-stock", receipt), ct));
        return new BenchSetup(admin, new Caller(tenant.TenantId, Role.Integration), ids[0], ids[1..], listed);
    }

    private static LocationRequest Store(string code, string name, string address, double latitude, double longitude) =>
        new(code, name, "store", address, latitude, longitude, "Europe/London", StoreHours, true, true, 3.0, 600);

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"benchmark set-up failed: {result.Error.Code}: {result.Error.Message}");
}
