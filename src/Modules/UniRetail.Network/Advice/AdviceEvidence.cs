using UniRetail.Kernel;
using UniRetail.Network.Domain.Advice;
using UniRetail.Web;

namespace UniRetail.Network.Advice;

/// <summary>
/// What the similar shops' sales suggest this shop sells of a SKU a week, in its units, scaled to its size (null: fewer than
/// <paramref name="minShopsSelling"/> of them sell it — one shop's figure, scaled back, would be that shop's own sales).
/// </summary>
internal sealed class PeerSales(SalesProfile own, IReadOnlyList<SimilarShop> similar, int minShopsSelling)
{
    public double? ExpectedWeekly(string sku, IReadOnlyDictionary<string, SoldAs> soldAs)
    {
        var weights = similar.Sum(s => s.Similarity);
        if (weights <= 0)
            return null;
        var key = soldAs.TryGetValue(sku, out var sold) ? sold.Item.Sku : sku;
        if (similar.Count(s => s.Profile.Weekly(key) > 0) < minShopsSelling)
            return null;
        var expected = similar.Sum(s => s.Similarity * s.Profile.Weekly(key) * AssortmentAdvisor.SizeRatio(own, s.Profile)) / weights;
        return expected <= 0 ? null : sold?.FromWholesale(expected) ?? expected;
    }
}

/// <summary>
/// Costs and prices in the shop's units: the unit cost of a SKU it buys from its platform (case price / units a case), its
/// own price where its catalog has the SKU, else its usual markup (the median of price / cost over the SKUs that have both),
/// else <see cref="DefaultMarkup"/>.
/// </summary>
internal sealed class AdviceMoney(IReadOnlyDictionary<string, SoldAs> soldAs, IReadOnlyDictionary<string, long> prices, Currency currency)
{
    public const double DefaultMarkup = 1.3;

    private double? _markup;

    public long? UnitCost(string sku) => soldAs.TryGetValue(sku, out var sold) ? sold.UnitCostMinor : null;

    public (long? Minor, string Basis) ExpectedPrice(string sku)
    {
        if (prices.TryGetValue(sku, out var price))
            return (price, "shop");
        if (UnitCost(sku) is not { } cost)
            return (null, "unknown");
        var markup = ShopMarkup();
        return ((long)Math.Round(cost * (markup ?? DefaultMarkup)), markup is null ? "default_markup" : "shop_markup");
    }

    public MoneyView? View(long? minor) => minor is { } m ? MoneyView.From(Money.FromMinor(m, currency)) : null;

    private double? ShopMarkup()
    {
        if (_markup is { } known)
            return known > 0 ? known : null;
        var ratios = prices.Where(p => UnitCost(p.Key) is > 0).Select(p => (double)p.Value / UnitCost(p.Key)!.Value).Order().ToList();
        _markup = ratios.Count == 0 ? 0 : ratios[ratios.Count / 2];
        return ratios.Count == 0 ? null : _markup;
    }
}
