using UniRetail.Network.Domain.Advice;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.Advice;

/// <summary>The domain's advice as the API answers it, rounded for reading (units to 0.1, ratios to 0.001, distances to the kilometre).</summary>
internal static class AdviceViewing
{
    public static SideBySideView Pair(SideBySide s, string source) =>
        new(s.Sku, s.Other, source, s.Together, s.Baskets, Math.Round(s.Support, 4), Math.Round(s.Confidence, 3), Math.Round(s.ConfidenceBack, 3), Math.Round(s.Lift, 3));

    public static AddAdviceView Add(AddAdvice a, int similarShops, AdviceMoney money)
    {
        var (price, basis) = money.ExpectedPrice(a.Item.Sku);
        return new AddAdviceView(a.Item.WholesaleSku, a.Item.Sku, a.Item.UnitsPerCase, Math.Round(a.ExpectedWeeklyUnits, 1), money.View(a.ExpectedWeeklyMarginMinor),
            a.ShopsSelling, similarShops, Math.Round(a.PeerWeeklyUnits, 1), money.View(a.Item.UnitCostMinor)!, money.View(price), basis, money.View(a.UnitMarginMinor));
    }

    public static DropAdviceView Drop(DropAdvice d, AdviceMoney money) =>
        new(d.Item.Sku, d.Item.OnHand, money.View(d.CashTiedMinor), d.Item.Units, d.Item.Weeks, Math.Round(d.WeeklyUnits, 1),
            d.WeeksOfCover is { } w ? Math.Round(w, 1) : null, d.Item.SimilarWeeklyUnits is { } s ? Math.Round(s, 1) : null,
            d.SellThroughVsSimilar is { } v ? Math.Round(v, 3) : null);

    public static EyeLevelView EyeLevel(EyeLevelAdvice e, AdviceMoney money) =>
        new(e.Item.Sku, e.Item.Units, e.Item.Weeks, Math.Round(e.WeeklyUnits, 1), money.View(e.Item.PriceMinor), money.View(e.Item.UnitCostMinor),
            money.View(e.WeeklyMarginMinor), e.UnitsRank, e.MarginRank);

    public static NetworkBasis Basis(AgreementRow? agreement, IReadOnlyList<SimilarShop> similar, IReadOnlyList<ProfileRow> profiles, int sharing, bool forPlatform, AdviceRules rules)
    {
        if (agreement is null)
            return new NetworkBasis(false, rules.ProfileWeeks, [], 0, "Not on a platform: advice from this shop's own sales, stock and till only.");
        var byKey = profiles.ToDictionary(p => $"{p.ShopId}/{p.LocationId}", StringComparer.Ordinal);
        var views = similar.Select((s, i) =>
        {
            var row = byKey[s.Profile.Key];
            return new SimilarShopView($"similar shop {i + 1}", Math.Round(s.Similarity, 3), Math.Round(s.Cosine, 3), Math.Round(s.DistanceKm),
                forPlatform ? row.AgreementId : null, forPlatform ? row.ShopId : null);
        }).ToList();
        var note = similar.Count == 0 ? "No other shop of the platform has a sales profile like this one yet: nothing to add from the network." : null;
        return new NetworkBasis(true, rules.ProfileWeeks, views, sharing, note);
    }
}
