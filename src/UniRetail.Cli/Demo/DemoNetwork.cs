using System.Globalization;
using Spectre.Console;
using UniRetail.Cli.Shops;
using UniRetail.Identity.Locations;
using UniRetail.Inventory.Receipts;
using UniRetail.Kernel;
using UniRetail.Network.Advice;
using UniRetail.Network.Agreements;
using UniRetail.Network.Replenishment;
using UniRetail.Network.ShopOrders;
using UniRetail.Network.Wholesale;
using UniRetail.Server;

namespace UniRetail.Cli.Demo;

/// <summary>
/// The demo's small-shop network: the retailer's DC as a wholesaler to 20 corner shops a field representative signed up,
/// each with eight weeks of generated sales of part of the Online Retail catalog, ordering its suggested order in one call;
/// then the platform refreshes the shops' profiles and each shop's top advice (add, drop, side by side, eye level) is shown.
/// </summary>
internal static class DemoNetwork
{
    public const int Shops = 20;
    private const int WholesaleSkus = 30;
    private const int SkusPerShop = 12;
    private const int HistoryDays = 56;
    private static readonly string[] DeliveryDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly int[] CasePacks = [6, 12, 24];

    public static async Task RunAsync(ModuleContainer host, DemoSetup setup, TimeProvider clock, CancellationToken ct)
    {
        var platform = setup.Retailer;
        var dc = setup.CodesById.First(l => l.Value.StartsWith("DC", StringComparison.Ordinal)).Key;
        var rep = Must(await host.Get<ManageReps>().CreateAsync(platform, new RepRequest("Amira Shah", 0.02m), ct));
        var items = setup.Products.Take(WholesaleSkus).Select((p, i) => (p.Sku, p.Price, p.UnitsSold, CasePack: CasePacks[i % CasePacks.Length])).ToList();
        foreach (var item in items)
        {
            var unit = decimal.Round(item.Price * 0.6m, 2);
            Must(await host.Get<ManageWholesale>().SetItemAsync(platform, item.Sku, new WholesaleItemRequest(item.CasePack, unit, decimal.Round(unit * item.CasePack * 0.95m, 2), 1,
                [new PriceTierRequest(20, decimal.Round(unit * item.CasePack * 0.9m, 2))]), ct));
        }
        Must(await host.Get<ReceiveGoods>().HandleAsync(platform, new GoodsReceiptRequest(dc, "wholesale-stock", [.. items.Select(i => new ReceiptLine(i.Sku, 240 * i.CasePack))]), ct));

        var random = new Random(600_000);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var maxSold = items.Max(i => i.UnitsSold);
        var pickupShops = new List<DemoPickupShop>();
        var table = new Table().Title($"Small-shop network: {Shops} shops signed up by {rep.Name}, each ordering its suggested order, and its top advice")
            .AddColumns("shop", "delivery", "SKUs", "lines", "cases", "order", "largest line (why)", "top advice");
        var rows = new List<(Caller Shop, string Location, string[] Cells)>();
        foreach (var n in Enumerable.Range(1, Shops))
        {
            var signed = Must(await host.Get<SignUpShop>().SignUpAsync(platform, new SignUpShopRequest(
                $"Corner shop {n}", "GBP", rep.Id, dc, DeliveryDays[n % DeliveryDays.Length], n % 3 == 0, n % 2 == 0), ct));
            var shop = Caller.AdminOf(new TenantId(signed.Agreement.ShopId));
            var (latitude, longitude) = (51.45 + random.NextDouble() * 0.12, -0.25 + random.NextDouble() * 0.3);
            var location = Must(await host.Get<SaveLocation>().CreateAsync(shop, new LocationRequest($"SHOP-{n}", $"Corner shop {n}", "store", "",
                latitude, longitude, "Europe/London", null, false, true, 0, null), ct)).Id;
            if (signed.Agreement.PickupPoint)
                pickupShops.Add(new DemoPickupShop(signed.Agreement.Id, shop.Tenant, $"Corner shop {n}", latitude, longitude));
            var stocked = items.OrderBy(_ => random.Next()).Take(SkusPerShop).ToList();
            var days = new List<ShopSalesLine>();
            foreach (var item in stocked)
            {
                Must(await host.Get<ConfigureShopSku>().HandleAsync(shop, item.Sku, new ShopSkuRequest(location, item.CasePack, 0, 2, 7, 0.95m, 0), ct));
                var rate = 0.3 + (4.0 * item.UnitsSold / maxSold);
                for (var d = HistoryDays; d >= 1; d--)
                {
                    var date = today.AddDays(-d);
                    var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.6 : 1.0;
                    var units = Poisson(random, rate * weekend);
                    if (units > 0)
                        days.Add(new ShopSalesLine(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), item.Sku, units));
                }
            }
            Must(await host.Get<RecordShopSales>().HandleAsync(shop, new ShopSalesRequest(location, days), ct));
            var advice = Must(await host.Get<AdviseReplenishment>().HandleAsync(shop, location, ct));
            var placed = await host.Get<PlaceShopOrder>().HandleAsync(shop, new ShopOrderRequest(location, null, FromSuggestion: true), $"demo-{n}", ct);
            if (!placed.IsSuccess)
            {
                rows.Add((shop, location, [$"Corner shop {n}", signed.Agreement.DeliveryDay, $"{stocked.Count}", "-", "-", Markup.Escape(placed.Error.Code), ""]));
                continue;
            }
            var order = placed.Value.Order;
            var largest = order.Lines.MaxBy(l => l.Cases)!;
            var why = advice.Lines.First(l => l.Sku == largest.Sku).Why;
            rows.Add((shop, location, [$"Corner shop {n}", $"{signed.Agreement.DeliveryDay} {order.DeliveryDate:dd MMM}", $"{stocked.Count}", $"{order.Lines.Count}",
                $"{order.Lines.Sum(l => l.Cases)}", $"{order.Total.Amount:N2} {order.Total.Currency}",
                Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{largest.Sku} {largest.Cases}×{largest.CasePack} ({why.Method}: {why.ForecastUnits:0} over {why.CoverDays} days + safety {why.SafetyStock:0})"))]));
        }
        Must(await host.Get<ShopProfiles>().RefreshAsync(platform, ct));
        foreach (var (shop, location, cells) in rows)
            table.AddRow([.. cells, Markup.Escape(AdviceTables.Summary(Must(await host.Get<ShopAdvice>().ForShopAsync(shop, location, ct))))]);
        AnsiConsole.Write(table);
        var month = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var commission = Must(await host.Get<CommissionReport>().HandleAsync(platform, $"{month:yyyy-MM}-01", $"{month.AddMonths(1):yyyy-MM}-01", ct)).Reps.Single();
        AnsiConsole.MarkupLine($"  {Markup.Escape(commission.Name)}: {commission.ShopsSigned} shops signed, {commission.Orders} orders worth {commission.OrderValue.Amount:N2} {commission.OrderValue.Currency}, " +
            $"commission {commission.Commission.Amount:N2} {commission.Commission.Currency}");
        await DemoPickupPoints.RunAsync(host, platform, pickupShops, [.. items.Select(i => i.Sku)], clock, ct);
    }

    /// <summary>Knuth's Poisson sampler: fine for the small daily rates of a corner shop.</summary>
    private static int Poisson(Random random, double rate)
    {
        var limit = Math.Exp(-rate);
        var (k, p) = (0, random.NextDouble());
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }
        return k;
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"demo network failed: {result.Error.Code}: {result.Error.Message}");
}
