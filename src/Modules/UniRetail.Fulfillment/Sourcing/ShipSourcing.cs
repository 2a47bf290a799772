using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>
/// Shipping by carrier (to the customer's home, or for an endless-aisle sale made in a store with an empty shelf):
/// any location that ships and has capacity left, opening hours aside. Fewest locations first, then nearest.
/// </summary>
internal static class ShipSourcing
{
    public static Result<SourcingDecision> ToHome(SourcingRequest request, IReadOnlyList<SkuDemand> demand, IReadOnlyList<SourcingCandidate> candidates) =>
        request.Destination is { } destination
            ? Decide("ship_to_home", destination, origin: null, demand, candidates)
            : SourcingErrors.DestinationRequired(request.Type);

    public static Result<SourcingDecision> EndlessAisle(SourcingRequest request, IReadOnlyList<SkuDemand> demand, IReadOnlyList<SourcingCandidate> candidates) =>
        SourcingPolicy.ChosenStore(request, candidates).Then(origin =>
            Decide("endless_aisle", request.Destination ?? origin.Location.Position, origin.Id, demand, candidates));

    /// <summary>The parcel for a pickup point: shipped like a home delivery, with the point's position as the address.</summary>
    public static Result<SourcingDecision> ToPoint(SourcingCandidate point, IReadOnlyList<SkuDemand> demand, IReadOnlyList<SourcingCandidate> candidates) =>
        Decide("pickup_point", point.Location.Position, origin: null, demand, candidates);

    private static Result<SourcingDecision> Decide(
        string rulePrefix, GeoPoint destination, LocationId? origin, IReadOnlyList<SkuDemand> demand, IReadOnlyList<SourcingCandidate> candidates)
    {
        var considered = Considered.InOrder(candidates.Select(c =>
            new Considered(c, c.Location.Position.DistanceKmTo(destination), SkipReason(c, origin))));
        var eligible = considered.Where(c => c.IsEligible).ToList();

        var single = eligible.FirstOrDefault(c => SkipReasons.Shortfall(c.Candidate, demand) is null);
        if (single is not null)
        {
            var summary = $"Shipped from {single.Code}, the nearest single location with every line, {SkipReasons.Km(single.DistanceKm)} km away.";
            return new SourcingDecision(
                SourcingPolicy.AllFrom(single.Id, demand),
                Considered.Explain($"{rulePrefix}.nearest_single_location", summary, considered, [single.Id],
                    c => SkipReasons.Shortfall(c.Candidate, demand) ?? SkipReasons.Farther(single)));
        }

        var cover = SetCover.Smallest(eligible, demand);
        if (cover is null)
            return SourcingErrors.NoLocationCanFulfil("ship every line", Shortages(eligible, demand, considered));

        var allocations = SetCover.Allocate(cover, demand);
        var used = allocations.Select(a => a.Location).Distinct().ToList();
        var codes = string.Join(", ", considered.Where(c => used.Contains(c.Id)).Select(c => c.Code));
        var splitSummary = $"Split across {used.Count} locations ({codes}) because no single location that ships has every line.";
        return new SourcingDecision(
            allocations,
            Considered.Explain($"{rulePrefix}.fewest_locations", splitSummary, considered, used, c => demand.Any(d => c.Candidate.AvailableOf(d.Sku) > 0)
                ? "not needed: fewer or nearer locations cover the order"
                : SkipReasons.Shortfall(c.Candidate, demand)!));
    }

    private static string? SkipReason(SourcingCandidate candidate, LocationId? origin)
    {
        if (candidate.Id == origin)
            return SkipReasons.OriginatingStore;
        if (!candidate.Location.Ships)
            return SkipReasons.DoesNotShip;
        return SkipReasons.CapacityReached(candidate);
    }

    private static string Shortages(IReadOnlyList<Considered> eligible, IReadOnlyList<SkuDemand> demand, IReadOnlyList<Considered> considered)
    {
        var shortages = demand
            .Select(line => (line, Total: eligible.Sum(c => Math.Max(0, c.Candidate.AvailableOf(line.Sku)))))
            .Where(x => x.Total < x.line.Units)
            .Select(x => $"only {x.Total} of {x.line.Units} {x.line.Sku} available where it can ship from");
        var skipped = considered.Where(c => !c.IsEligible).Select(c => $"{c.Code}: {c.SkipReason}");
        return string.Join("; ", shortages.Concat(skipped));
    }
}
