using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>
/// Same-day delivery: the nearest location open now whose delivery radius reaches the customer and that has every line.
/// Never split: one courier, one trip. Any kind of location with a radius qualifies (a warehouse with one is a dark store).
/// </summary>
internal static class SameDaySourcing
{
    public const string Rule = "same_day.nearest_in_radius";

    public static Result<SourcingDecision> Decide(SourcingRequest request, IReadOnlyList<SkuDemand> demand, IReadOnlyList<SourcingCandidate> candidates)
    {
        if (request.Destination is not { } destination)
            return SourcingErrors.DestinationRequired(request.Type);

        var considered = Considered.InOrder(candidates.Select(c =>
        {
            var distanceKm = c.Location.Position.DistanceKmTo(destination);
            return new Considered(c, distanceKm, SkipReason(c, distanceKm, request.At, demand));
        }));
        var nearest = considered.FirstOrDefault(c => c.IsEligible);
        if (nearest is null)
            return SourcingErrors.NoLocationCanFulfil("deliver this order same day", Considered.Reasons(considered, c => c.SkipReason));

        var summary = $"Delivered same day from {nearest.Code}, the nearest open location in range with every line, " +
                      $"{SkipReasons.Km(nearest.DistanceKm)} km away.";
        return new SourcingDecision(
            SourcingPolicy.AllFrom(nearest.Id, demand),
            Considered.Explain(Rule, summary, considered, [nearest.Id], _ => SkipReasons.Farther(nearest)));
    }

    private static string? SkipReason(SourcingCandidate candidate, double distanceKm, DateTimeOffset at, IReadOnlyList<SkuDemand> demand)
    {
        if (candidate.Location.DeliveryRadiusKm <= 0)
            return SkipReasons.NoSameDay;
        if (SkipReasons.OutsideRadius(candidate, distanceKm) is { } outside)
            return outside;
        if (!candidate.Location.IsOpenAt(at))
            return SkipReasons.Closed;
        return SkipReasons.CapacityReached(candidate) ?? SkipReasons.Shortfall(candidate, demand);
    }
}
