using UniRetail.Orders.PlaceOrder;

namespace UniRetail.Cli.Demo;

/// <summary>One shopper's visit: what they buy, where, and what happens to the order afterwards.</summary>
internal sealed record ShopperVisit(string Scenario, PlaceOrderRequest Request, bool PaysNow, bool CancelsLater, bool ReturnsLater);

/// <summary>Draws shoppers the way a London trading day mixes them: web and app deliveries, pickups, 30-minute deliveries, tills, endless aisle.</summary>
/// <remarks>At a till the shopper buys what that store carries: they picked it off its shelf.</remarks>
internal sealed class DemoShopper(
    Random random, IReadOnlyList<DemoProduct> products, IReadOnlyList<(string Id, double Latitude, double Longitude)> stores,
    IReadOnlyDictionary<string, HashSet<string>> assortments, IReadOnlyList<string> members, int membersWithPoints)
{
    private static readonly (string Scenario, string Channel, string Fulfilment, double Weight)[] Mix =
    [
        ("web delivery", "web", "ship_to_home", 0.28), ("app delivery", "app", "ship_to_home", 0.10), ("marketplace", "marketplace", "ship_to_home", 0.05),
        ("click & collect", "web", "pickup_in_store", 0.15), ("30-minute delivery", "app", "same_day_delivery", 0.12),
        ("till", "pos", "in_store_purchase", 0.24), ("endless aisle", "pos", "endless_aisle", 0.06),
    ];

    private readonly double[] _cumulative = Cumulative(products);
    private readonly HashSet<string> _withPoints = members.Take(membersWithPoints).ToHashSet();

    public ShopperVisit Next()
    {
        var pick = random.NextDouble();
        var mix = Mix[^1];
        foreach (var candidate in Mix)
        {
            if ((pick -= candidate.Weight) <= 0)
            {
                mix = candidate;
                break;
            }
        }
        var store = stores[random.Next(stores.Count)];
        var atTill = mix.Channel == "pos";
        var destination = mix.Fulfilment switch
        {
            "same_day_delivery" => Around(store.Latitude, store.Longitude, 2.5),
            "ship_to_home" or "endless_aisle" => Around(DemoCity.Centre.Latitude, DemoCity.Centre.Longitude, 14),
            _ => null,
        };
        var request = new PlaceOrderRequest(
            mix.Channel, mix.Fulfilment,
            mix.Fulfilment is "pickup_in_store" or "in_store_purchase" or "endless_aisle" ? store.Id : null,
            random.NextDouble() < 0.65 ? members[random.Next(members.Count)] : null,
            destination, "GBP", mix.Fulfilment == "in_store_purchase" || random.NextDouble() < 0.94,
            Lines(atTill, mix.Fulfilment == "in_store_purchase" ? assortments[store.Id] : null));
        // Members pay with what they hold: a fifth of them try the Friday coupon, and those with points spend some of them.
        if (request.MemberId is { } member)
        {
            var coupon = random.NextDouble() < 0.2 ? new string?[] { DemoRetailer.FridayCoupon } : null;
            var points = _withPoints.Contains(member) && random.NextDouble() < 0.6 ? 100L * random.Next(1, 6) : (long?)null;
            request = request with { Coupons = coupon, Points = points };
        }
        var paid = request.PaymentCaptured == true;
        return new ShopperVisit(mix.Scenario, request, paid, paid && !atTill && random.NextDouble() < 0.05, random.NextDouble() < 0.07);
    }

    private List<OrderLineRequest> Lines(bool atTill, HashSet<string>? onShelf)
    {
        var count = random.Next(1, atTill ? 3 : 4);
        var skus = new HashSet<string>();
        while (skus.Count < count)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            var sku = products[index < 0 ? ~index : index].Sku;
            if (onShelf is null || onShelf.Contains(sku))
                skus.Add(sku);
        }
        return skus.Select(sku => new OrderLineRequest(sku, random.Next(1, atTill ? 3 : 4))).ToList();
    }

    private DestinationRequest Around(double latitude, double longitude, double radiusKm)
    {
        var distance = radiusKm * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        return new DestinationRequest(
            latitude + distance * Math.Cos(bearing) / 111.32,
            longitude + distance * Math.Sin(bearing) / (111.32 * Math.Cos(latitude * Math.PI / 180)), null);
    }

    private static double[] Cumulative(IReadOnlyList<DemoProduct> products)
    {
        var cumulative = new double[products.Count];
        double sum = 0;
        for (var i = 0; i < products.Count; i++)
            cumulative[i] = sum += Math.Sqrt(products[i].UnitsSold);
        return cumulative;
    }
}
