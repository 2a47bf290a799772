using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>
/// Pickup at a pickup point (a counter in a network shop that holds none of the tenant's stock): the stock is sourced as
/// for a home delivery — fewest shipping locations, then nearest — with the point's position as the address, and the
/// parcel takes one of the point's parcels for the day. The customer chose the point: a full point refuses the order
/// (the storefront offers another from the pickup-point list) rather than moving the pickup somewhere else.
/// </summary>
internal static class PickupPointSourcing
{
    public static Result<SourcingDecision> Decide(SourcingCandidate point, IReadOnlyList<SkuDemand> demand, IReadOnlyList<SourcingCandidate> candidates)
    {
        if (!point.HasCapacityLeft)
            return SourcingErrors.PickupPointFull(point.Code, point.Location.DailyCapacity ?? 0);
        return ShipSourcing.ToPoint(point, demand, candidates).Map(shipped => shipped with
        {
            Explanation = shipped.Explanation with
            {
                Summary = $"Parcel for pickup point {point.Code} ({point.Location.Name}, {point.Location.Address}): {shipped.Explanation.Summary}",
            },
            PickupPoint = point.Id,
        });
    }
}
