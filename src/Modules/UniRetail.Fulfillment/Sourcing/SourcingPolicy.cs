using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>
/// Decides which locations supply an order. Pure: the caller gathers the locations, stock and today's counts and
/// reserves what the decision allocates.
/// </summary>
internal static class SourcingPolicy
{
    public static Result<SourcingDecision> Decide(SourcingRequest request, IReadOnlyList<SourcingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        if (request.Lines.Count == 0)
            throw new ArgumentException("An order to source has at least one line.", nameof(request));

        var demand = SkuDemand.Of(request.Lines);
        return request.Type switch
        {
            FulfilmentType.InStorePurchase => InStorePurchaseSourcing.Decide(request, demand, candidates),
            FulfilmentType.PickupInStore => PickupSourcing.Decide(request, demand, candidates),
            FulfilmentType.SameDayDelivery => SameDaySourcing.Decide(request, demand, candidates),
            FulfilmentType.ShipToHome => ShipSourcing.ToHome(request, demand, candidates),
            FulfilmentType.EndlessAisle => ShipSourcing.EndlessAisle(request, demand, candidates),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Type, "Unknown fulfilment type."),
        };
    }

    internal static Result<SourcingCandidate> ChosenStore(SourcingRequest request, IReadOnlyList<SourcingCandidate> candidates)
    {
        if (request.StoreId is not { } id)
            return SourcingErrors.StoreRequired(request.Type);
        var store = candidates.FirstOrDefault(c => c.Id == id);
        return store is null ? SourcingErrors.UnknownStore(id) : store;
    }

    internal static IReadOnlyList<SourcingAllocation> AllFrom(LocationId location, IReadOnlyList<SkuDemand> demand) =>
        demand.Select(line => new SourcingAllocation(location, line.Sku, Quantity.FromStored(line.Units))).ToList();

    internal static RoutingExplanation ExplainChosenOnly(string rule, string summary, SourcingCandidate store) =>
        Considered.Explain(rule, summary, [new Considered(store, 0, null)], [store.Id], _ => "");
}
