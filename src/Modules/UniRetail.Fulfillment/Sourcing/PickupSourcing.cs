using UniRetail.Fulfillment.Contracts;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>
/// Buy online, pick up in store: the chosen store when it can, else the nearest other pickup store open now that has
/// every line. The chosen store need not be open now (the customer comes later); a substitute must be.
/// </summary>
internal static class PickupSourcing
{
    public const string ChosenStoreRule = "pickup.chosen_store";
    public const string NearestOtherRule = "pickup.nearest_other_store";

    public static Result<SourcingDecision> Decide(SourcingRequest request, IReadOnlyList<SkuDemand> demand, IReadOnlyList<SourcingCandidate> candidates) =>
        SourcingPolicy.ChosenStore(request, candidates).Then(store => !store.Location.Pickup
            ? SourcingErrors.NotAPickupStore(store.Code)
            : store.Location.Kind == LocationKind.PickupPoint
                ? PickupPointSourcing.Decide(store, demand, candidates)
                : FromStoreOrNearest(store, request.At, demand, candidates));

    private static Result<SourcingDecision> FromStoreOrNearest(
        SourcingCandidate store, DateTimeOffset at, IReadOnlyList<SkuDemand> demand, IReadOnlyList<SourcingCandidate> candidates)
    {
        var whyNotChosen = SkipReasons.CapacityReached(store) ?? SkipReasons.Shortfall(store, demand);
        if (whyNotChosen is null)
        {
            var explanation = SourcingPolicy.ExplainChosenOnly(ChosenStoreRule, $"Picked up at {store.Code}, the store the customer chose.", store);
            return new SourcingDecision(SourcingPolicy.AllFrom(store.Id, demand), explanation);
        }

        var considered = Considered.InOrder(candidates
            .Where(c => c.Id != store.Id)
            .Select(c => new Considered(c, c.Location.Position.DistanceKmTo(store.Location.Position), SkipReason(c, at, demand)))
            .Prepend(new Considered(store, 0, whyNotChosen)));
        var nearest = considered.FirstOrDefault(c => c.IsEligible);
        if (nearest is null)
            return SourcingErrors.NoLocationCanFulfil("serve this pickup", Considered.Reasons(considered, c => c.SkipReason));

        var summary = $"Pickup moved from {store.Code} ({whyNotChosen}) to {nearest.Code}, " +
                      $"the nearest open pickup store with every line, {SkipReasons.Km(nearest.DistanceKm)} km away.";
        return new SourcingDecision(
            SourcingPolicy.AllFrom(nearest.Id, demand),
            Considered.Explain(NearestOtherRule, summary, considered, [nearest.Id], _ => SkipReasons.Farther(nearest)));
    }

    private static string? SkipReason(SourcingCandidate candidate, DateTimeOffset at, IReadOnlyList<SkuDemand> demand)
    {
        if (!candidate.Location.Pickup)
            return SkipReasons.NoPickup;
        if (!candidate.Location.IsOpenAt(at))
            return SkipReasons.Closed;
        return SkipReasons.CapacityReached(candidate) ?? SkipReasons.Shortfall(candidate, demand);
    }
}
