using UniRetail.Orders.PlaceOrder;

namespace UniRetail.Bench;

/// <summary>
/// Paid web orders delivered to homes across London (within 14 km of Charing Cross), drawn before a run so that no
/// random numbers are drawn, and no requests built, while it is timed.
/// </summary>
internal static class Shoppers
{
    private const double Latitude = 51.5074;
    private const double Longitude = -0.1278;

    /// <summary><paramref name="count"/> orders of two different SKUs, one unit each.</summary>
    public static PlaceOrderRequest[] TwoLineOrders(IReadOnlyList<string> skus, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var first = random.Next(skus.Count);
            var second = (first + 1 + random.Next(skus.Count - 1)) % skus.Count;
            return ShipToHome(random, [new OrderLineRequest(skus[first], 1), new OrderLineRequest(skus[second], 1)]);
        }).ToArray();
    }

    /// <summary><paramref name="count"/> buyers of one unit of <paramref name="sku"/> each.</summary>
    public static PlaceOrderRequest[] SingleUnitOrders(string sku, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => ShipToHome(random, [new OrderLineRequest(sku, 1)])).ToArray();
    }

    private static PlaceOrderRequest ShipToHome(Random random, List<OrderLineRequest> lines)
    {
        var distance = 14 * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        var destination = new DestinationRequest(
            Latitude + distance * Math.Cos(bearing) / 111.32,
            Longitude + distance * Math.Sin(bearing) / (111.32 * Math.Cos(Latitude * Math.PI / 180)), null);
        return new PlaceOrderRequest("web", "ship_to_home", null, null, destination, "GBP", true, lines);
    }
}
