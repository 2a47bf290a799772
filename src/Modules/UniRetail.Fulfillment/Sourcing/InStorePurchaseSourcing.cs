using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>A sale at the till: the customer holds the goods, so the store's shelf (safety stock included) is what counts.</summary>
internal static class InStorePurchaseSourcing
{
    public const string Rule = "in_store_purchase.store_shelf";

    public static Result<SourcingDecision> Decide(SourcingRequest request, IReadOnlyList<SkuDemand> demand, IReadOnlyList<SourcingCandidate> candidates) =>
        SourcingPolicy.ChosenStore(request, candidates).Then(store => FromShelf(request, store, demand));

    public const string SoldRule = "in_store_purchase.sold_offline";

    private static Result<SourcingDecision> FromShelf(SourcingRequest request, SourcingCandidate store, IReadOnlyList<SkuDemand> demand)
    {
        if (request.SoldAlready)
            return new SourcingDecision(SourcingPolicy.AllFrom(store.Id, demand),
                SourcingPolicy.ExplainChosenOnly(SoldRule, $"Sold offline from the shelf at {store.Code}; any shortfall of book stock is a discrepancy to count.", store));
        foreach (var line in demand)
        {
            var onShelf = store.OnShelfOf(line.Sku);
            if (onShelf < line.Units)
                return SourcingErrors.OutOfStock(line, Math.Max(0, onShelf), store.Code);
        }
        var explanation = SourcingPolicy.ExplainChosenOnly(Rule, $"Sold from the shelf at {store.Code}.", store);
        return new SourcingDecision(SourcingPolicy.AllFrom(store.Id, demand), explanation);
    }
}
