namespace UniRetail.Network.Domain.Advice;

/// <summary>
/// A wholesale product the shop neither sells nor stocks: its own SKU for it and units a case, the unit cost in the shop's
/// units (the case price / units a case) and the price the shop can expect (its own, else the platform's), minor units.
/// </summary>
internal sealed record AddCandidate(string WholesaleSku, string Sku, int UnitsPerCase, int CasePack, long UnitCostMinor, long? PriceMinor);

/// <summary>
/// Why to add a product: <see cref="ShopsSelling"/> of the similar shops sell it, <see cref="PeerWeeklyUnits"/> a week on
/// average each (wholesale units), <see cref="ExpectedWeeklyUnits"/> expected at this shop (its units, scaled to its size).
/// </summary>
internal sealed record AddAdvice(AddCandidate Item, int ShopsSelling, double PeerWeeklyUnits, double ExpectedWeeklyUnits, long? UnitMarginMinor, long? ExpectedWeeklyMarginMinor);

/// <summary>A SKU on the shop's shelf: on hand, units sold over <see cref="Weeks"/>, cost per unit when known, similar shops' expected weekly units.</summary>
internal sealed record StockedSku(string Sku, int OnHand, long Units, int Weeks, long? UnitCostMinor, double? SimilarWeeklyUnits);

/// <summary>Why to drop a slow mover: weekly units, weeks the stock on hand lasts (null: it does not sell), cash tied up, sales against similar shops'.</summary>
internal sealed record DropAdvice(StockedSku Item, double WeeklyUnits, double? WeeksOfCover, long? CashTiedMinor, double? SellThroughVsSimilar);

/// <summary>A SKU's recent sales and its price and cost per unit, when known.</summary>
internal sealed record SoldSku(string Sku, long Units, int Weeks, long? PriceMinor, long? UnitCostMinor);

/// <summary>Why a best seller goes at eye level: weekly units and gross margin, and its rank by each.</summary>
internal sealed record EyeLevelAdvice(SoldSku Item, double WeeklyUnits, long? UnitMarginMinor, long? WeeklyMarginMinor, int UnitsRank, int MarginRank);

/// <summary>Add, drop and eye-level advice, pure.</summary>
internal static class AssortmentAdvisor
{
    /// <summary>
    /// Expected weekly units of each candidate: the similar shops' weekly units, each scaled by this shop's size over theirs
    /// (weekly units of everything; a shop with no sales yet takes theirs as they are), averaged weighted by similarity over
    /// all the similar shops (one that does not sell it counts as zero). Proposed when at least
    /// <see cref="AdviceRules.MinShopsSelling"/> of them sell it; ranked by expected weekly margin, then units.
    /// </summary>
    public static IReadOnlyList<AddAdvice> Add(SalesProfile own, IReadOnlyList<SimilarShop> similar, IEnumerable<AddCandidate> candidates, AdviceRules rules)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(similar);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rules);
        var weights = similar.Sum(s => s.Similarity);
        if (weights <= 0)
            return [];
        var advice = new List<AddAdvice>();
        foreach (var item in candidates)
        {
            var (selling, peerWeekly, expected) = (0, 0.0, 0.0);
            foreach (var shop in similar)
            {
                var weekly = shop.Profile.Weekly(item.WholesaleSku);
                if (weekly <= 0)
                    continue;
                selling++;
                peerWeekly += weekly;
                expected += shop.Similarity * weekly * SizeRatio(own, shop.Profile);
            }
            if (selling < rules.MinShopsSelling)
                continue;
            var ownUnits = expected / weights * item.UnitsPerCase / item.CasePack;
            long? margin = item.PriceMinor is { } price ? price - item.UnitCostMinor : null;
            advice.Add(new AddAdvice(item, selling, peerWeekly / selling, ownUnits, margin, margin is { } m ? (long)Math.Round(ownUnits * m) : null));
        }
        return advice
            .OrderByDescending(a => a.ExpectedWeeklyMarginMinor ?? long.MinValue).ThenByDescending(a => a.ExpectedWeeklyUnits)
            .ThenBy(a => a.Item.WholesaleSku, StringComparer.Ordinal)
            .Take(rules.ListSize)
            .ToList();
    }

    /// <summary>This shop's size over another's: weekly units of everything (1 when either has sold nothing).</summary>
    public static double SizeRatio(SalesProfile own, SalesProfile other)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(other);
        return own.Total <= 0 || other.Total <= 0 ? 1 : own.WeeklyTotal / other.WeeklyTotal;
    }

    /// <summary>
    /// Slow movers: stock on hand that does not sell, or lasts more than <see cref="AdviceRules.DropCoverWeeks"/> weeks at the
    /// recent rate; the most cash tied up first (unknown cost last), then the longest cover.
    /// </summary>
    public static IReadOnlyList<DropAdvice> Drop(IEnumerable<StockedSku> stocked, AdviceRules rules)
    {
        ArgumentNullException.ThrowIfNull(stocked);
        ArgumentNullException.ThrowIfNull(rules);
        return stocked
            .Where(s => s.OnHand > 0)
            .Select(s =>
            {
                var weekly = s.Weeks <= 0 ? 0 : (double)s.Units / s.Weeks;
                double? cover = weekly > 0 ? s.OnHand / weekly : null;
                double? versus = s.SimilarWeeklyUnits is > 0 and var peers ? weekly / peers : null;
                return new DropAdvice(s, weekly, cover, s.UnitCostMinor * s.OnHand, versus);
            })
            .Where(d => d.WeeksOfCover is null || d.WeeksOfCover > rules.DropCoverWeeks)
            .OrderByDescending(d => d.CashTiedMinor ?? -1).ThenByDescending(d => d.WeeksOfCover ?? double.MaxValue)
            .ThenBy(d => d.Item.Sku, StringComparer.Ordinal)
            .Take(rules.ListSize)
            .ToList();
    }

    /// <summary>
    /// Best sellers: each SKU that sold is ranked by weekly units and by weekly gross margin (unknown margin ranks last), and
    /// the lowest sum of the two ranks goes first (then more units, then SKU).
    /// </summary>
    public static IReadOnlyList<EyeLevelAdvice> EyeLevel(IEnumerable<SoldSku> sold, AdviceRules rules)
    {
        ArgumentNullException.ThrowIfNull(sold);
        ArgumentNullException.ThrowIfNull(rules);
        var items = sold.Where(s => s.Units > 0 && s.Weeks > 0).Select(s =>
        {
            var weekly = (double)s.Units / s.Weeks;
            long? margin = s.PriceMinor is { } p && s.UnitCostMinor is { } c ? p - c : null;
            return (Item: s, Weekly: weekly, Margin: margin, WeeklyMargin: margin is { } m ? (long?)Math.Round(weekly * m) : null);
        }).ToList();
        var byUnits = items.OrderByDescending(i => i.Item.Units).ThenBy(i => i.Item.Sku, StringComparer.Ordinal).Select((i, r) => (i.Item.Sku, r + 1))
            .ToDictionary(x => x.Sku, x => x.Item2, StringComparer.Ordinal);
        var byMargin = items.OrderByDescending(i => i.WeeklyMargin ?? long.MinValue).ThenBy(i => i.Item.Sku, StringComparer.Ordinal).Select((i, r) => (i.Item.Sku, r + 1))
            .ToDictionary(x => x.Sku, x => x.Item2, StringComparer.Ordinal);
        return items
            .Select(i => new EyeLevelAdvice(i.Item, i.Weekly, i.Margin, i.WeeklyMargin, byUnits[i.Item.Sku], byMargin[i.Item.Sku]))
            .OrderBy(e => e.UnitsRank + e.MarginRank).ThenBy(e => e.UnitsRank)
            .Take(rules.ListSize)
            .ToList();
    }
}
