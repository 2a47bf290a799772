using System.Globalization;
using Spectre.Console;
using UniRetail.Kernel;
using UniRetail.Network.PickupPoints;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Server;

namespace UniRetail.Cli.Demo;

/// <summary>A corner shop of the demo network that agreed to serve as a pickup point, at its shop's position.</summary>
internal sealed record DemoPickupShop(string AgreementId, TenantId Shop, string Name, double Latitude, double Longitude);

/// <summary>
/// The shops that agreed become pickup points of the retailer (open 07:00-22:00, 09:00-18:00 on Sundays; 0.35 a parcel);
/// a few online customers pick the point nearest them, and each parcel arrives and is handed over on the customer's code.
/// Prints the parcels and fees per shop from the platform's fee report.
/// </summary>
internal static class DemoPickupPoints
{
    private const int Orders = 8;

    public static async Task RunAsync(ModuleContainer host, Caller platform, IReadOnlyList<DemoPickupShop> shops, IReadOnlyList<string> skus, TimeProvider clock, CancellationToken ct)
    {
        if (shops.Count == 0 || skus.Count == 0)
            return;
        var hours = new Dictionary<string, string>
        {
            ["monday"] = "07:00-22:00", ["tuesday"] = "07:00-22:00", ["wednesday"] = "07:00-22:00", ["thursday"] = "07:00-22:00",
            ["friday"] = "07:00-22:00", ["saturday"] = "07:00-22:00", ["sunday"] = "09:00-18:00",
        };
        foreach (var (shop, i) in shops.Select((s, i) => (s, i)))
            Must(await host.Get<ManagePickupPoints>().SetAsync(platform, shop.AgreementId, new PickupPointRequest(
                $"{shop.Name}, London", shop.Latitude, shop.Longitude, "Europe/London", hours, 20 + (5 * (i % 3)), 0.35m, 7), ct));

        var random = new Random(4_711);
        var handedOver = 0;
        foreach (var n in Enumerable.Range(1, Orders))
        {
            var shop = shops[random.Next(shops.Count)];
            var (lat, lon) = (shop.Latitude + ((random.NextDouble() - 0.5) * 0.01), shop.Longitude + ((random.NextDouble() - 0.5) * 0.01));
            var nearest = Must(await host.Get<FindPickupPoints>().NearAsync(platform, lat, lon, 1, ct)).Points.Single();
            var request = new PlaceOrderRequest("web", "pickup_in_store", nearest.LocationId, null, null, "GBP", true,
                [new OrderLineRequest(skus[random.Next(skus.Count)], 1 + random.Next(2))]);
            var placed = await host.Get<PlaceOrderHandler>().HandleAsync(platform, request, $"demo-pickup-{n}", ct);
            if (!placed.IsSuccess)
            {
                AnsiConsole.MarkupLine($"  pickup order {n}: [yellow]{Markup.Escape(placed.Error.Code)}[/]");
                continue;
            }
            var point = shops.Single(s => s.Name == nearest.ShopName);
            var counter = Caller.AdminOf(point.Shop);
            var parcel = Must(await host.Get<ParcelCounter>().ListAsync(counter, "expected", ct)).Parcels
                .Single(p => p.Label == ParcelCounter.Label(placed.Value.Order.Id));
            Must(await host.Get<ParcelCounter>().ArriveAsync(counter, parcel.Id, ct));
            Must(await host.Get<ParcelCounter>().HandOverAsync(counter, parcel.Id, new HandoverRequest(placed.Value.Order.HandoverCode), ct));
            handedOver++;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var fees = Must(await host.Get<PickupFees>().OfPlatformAsync(platform, $"{today.AddDays(-1):yyyy-MM-dd}", $"{today.AddDays(2):yyyy-MM-dd}", ct));
        var table = new Table().Title($"Pickup points: {shops.Count} shops, {handedOver} online orders collected with the customer's code")
            .AddColumns("shop", "parcels handed over", "fees");
        foreach (var row in fees.Shops)
            table.AddRow(Markup.Escape(row.ShopName), row.Parcels.ToString(CultureInfo.InvariantCulture), $"{row.Fees.Amount:N2} {row.Fees.Currency}");
        table.AddRow("[bold]all shops[/]", fees.Parcels.ToString(CultureInfo.InvariantCulture), $"{fees.Fees.Amount:N2} {fees.Fees.Currency}");
        AnsiConsole.Write(table);
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"demo pickup points failed: {result.Error.Code}: {result.Error.Message}");
}
