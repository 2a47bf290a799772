using UniRetail.Kernel;
using UniRetail.Network.Domain.Advice;
using Xunit;

namespace UniRetail.Network.Tests;

public sealed class AdviceDomainTests
{
    private static readonly GeoPoint Here = GeoPoint.FromStored(30.27, 120.15);
    private static readonly AdviceRules Rules = AdviceRules.Default;

    private static SalesProfile Shop(string key, GeoPoint at, params (string Sku, long Units)[] units) =>
        new(key, at, 8, units.ToDictionary(u => u.Sku, u => u.Units, StringComparer.Ordinal));

    // About 11 km north of Here per 0.1 degree of latitude.
    private static GeoPoint North(double degrees) => GeoPoint.FromStored(30.27 + degrees, 120.15);

    [Fact]
    public void Cosine_SameMixAtAnotherSize_IsOne() =>
        Assert.Equal(1, ShopSimilarity.Cosine(Shop("a", Here, ("TEA", 10), ("RICE", 20)).Units, Shop("b", Here, ("TEA", 40), ("RICE", 80)).Units), 9);

    [Fact]
    public void Cosine_NothingInCommon_IsZero() =>
        Assert.Equal(0, ShopSimilarity.Cosine(Shop("a", Here, ("TEA", 10)).Units, Shop("b", Here, ("RICE", 10)).Units));

    [Fact]
    public void Cosine_KnownVectors_IsTheirNormalisedDotProduct() =>
        // (3, 4) · (4, 3) / (5 × 5) = 24 / 25
        Assert.Equal(0.96, ShopSimilarity.Cosine(Shop("a", Here, ("TEA", 3), ("RICE", 4)).Units, Shop("b", Here, ("TEA", 4), ("RICE", 3)).Units), 9);

    [Fact]
    public void MostSimilar_SameMixFartherAway_RanksBelowTheNearerOne()
    {
        var own = Shop("own", Here, ("TEA", 10), ("RICE", 10));
        var near = Shop("near", North(0.01), ("TEA", 5), ("RICE", 5));
        var far = Shop("far", North(0.5), ("TEA", 50), ("RICE", 50));
        var unlike = Shop("unlike", North(0.005), ("SOAP", 10));

        var similar = ShopSimilarity.MostSimilar(own, [far, unlike, near, own], Rules);

        Assert.Equal(["near", "far"], similar.Select(s => s.Profile.Key));
        Assert.True(similar[0].Similarity > similar[1].Similarity);
        Assert.Equal(1 / (1 + similar[1].DistanceKm / Rules.DistanceScaleKm), similar[1].Similarity, 9); // cosine 1 × proximity
    }

    [Fact]
    public void MostSimilar_ShopWithNoSales_IsComparedByDistanceAlone()
    {
        var similar = ShopSimilarity.MostSimilar(Shop("new", Here), [Shop("a", North(0.2), ("TEA", 1)), Shop("b", North(0.1), ("RICE", 1))], Rules);

        Assert.Equal(["b", "a"], similar.Select(s => s.Profile.Key));
    }

    [Fact]
    public void Add_ExpectedUnits_AreSimilarityWeightedAndScaledToTheShopsSize()
    {
        // This shop sells 80 units a week, both similar shops 160: half their size. Shop a sells 16 NOODLE a week, b 8.
        var own = Shop("own", Here, ("TEA", 640));
        var a = new SimilarShop(Shop("a", Here, ("TEA", 1_152), ("NOODLE-W24", 128)), 0.9, 1, 0.75);
        var b = new SimilarShop(Shop("b", Here, ("TEA", 1_216), ("NOODLE-W24", 64)), 0.9, 1, 0.25);
        var noodle = new AddCandidate("NOODLE-W24", "NOODLE-1", 24, 24, UnitCostMinor: 40, PriceMinor: 70);

        var added = Assert.Single(AssortmentAdvisor.Add(own, [a, b], [noodle], Rules));

        // (0.75 × 16 × 0.5 + 0.25 × 8 × 0.5) / 1.0 = 7 units a week, 30p margin each = £2.10 a week.
        Assert.Equal(7, added.ExpectedWeeklyUnits, 9);
        Assert.Equal((2, 12.0, 30L, 210L), (added.ShopsSelling, added.PeerWeeklyUnits, added.UnitMarginMinor, added.ExpectedWeeklyMarginMinor));
    }

    [Fact]
    public void Add_SoldByOneSimilarShopOnly_IsNotAdvice()
    {
        var own = Shop("own", Here, ("TEA", 80));
        var a = new SimilarShop(Shop("a", Here, ("TEA", 80), ("NOODLE", 80)), 1, 0, 1);
        var b = new SimilarShop(Shop("b", Here, ("TEA", 80)), 1, 0, 1);

        Assert.Empty(AssortmentAdvisor.Add(own, [a, b], [new AddCandidate("NOODLE", "NOODLE", 1, 1, 40, 70)], Rules));
    }

    [Fact]
    public void Add_RanksByExpectedWeeklyMarginNotUnits()
    {
        var own = Shop("own", Here, ("TEA", 80));
        var a = new SimilarShop(Shop("a", Here, ("TEA", 80), ("GUM", 80), ("WINE", 16)), 1, 0, 1);
        var b = new SimilarShop(Shop("b", Here, ("TEA", 80), ("GUM", 80), ("WINE", 16)), 1, 0, 1);
        var gum = new AddCandidate("GUM", "GUM", 1, 1, UnitCostMinor: 40, PriceMinor: 50);   // 10 a week × 10p
        var wine = new AddCandidate("WINE", "WINE", 1, 1, UnitCostMinor: 400, PriceMinor: 700); // 2 a week × £3

        Assert.Equal(["WINE", "GUM"], AssortmentAdvisor.Add(own, [a, b], [gum, wine], Rules).Select(x => x.Item.Sku));
    }

    [Fact]
    public void Drop_SlowMoversByCashTiedUp_FastMoversStay()
    {
        var stocked = new[]
        {
            new StockedSku("FAST", OnHand: 20, Units: 80, Weeks: 8, UnitCostMinor: 100, SimilarWeeklyUnits: 10),  // 2 weeks of cover
            new StockedSku("SLOW", OnHand: 30, Units: 8, Weeks: 8, UnitCostMinor: 100, SimilarWeeklyUnits: 4),    // 30 weeks
            new StockedSku("DEAD", OnHand: 5, Units: 0, Weeks: 8, UnitCostMinor: 200, SimilarWeeklyUnits: null),  // never sells
            new StockedSku("GONE", OnHand: 0, Units: 0, Weeks: 8, UnitCostMinor: 200, SimilarWeeklyUnits: null),
        };

        var drop = AssortmentAdvisor.Drop(stocked, Rules);

        Assert.Equal(["SLOW", "DEAD"], drop.Select(d => d.Item.Sku));
        Assert.Equal((3000L, 30.0, 0.25), (drop[0].CashTiedMinor!.Value, drop[0].WeeksOfCover!.Value, drop[0].SellThroughVsSimilar!.Value));
        Assert.Equal((1000L, (double?)null), (drop[1].CashTiedMinor!.Value, drop[1].WeeksOfCover));
    }

    [Fact]
    public void EyeLevel_RanksByUnitsAndMarginTogether()
    {
        var sold = new[]
        {
            new SoldSku("WATER", Units: 400, Weeks: 4, PriceMinor: 50, UnitCostMinor: 45),   // most units, 5p margin: £5/week
            new SoldSku("BEER", Units: 200, Weeks: 4, PriceMinor: 150, UnitCostMinor: 90),   // 60p margin: £30/week
            new SoldSku("CANDLE", Units: 8, Weeks: 4, PriceMinor: 900, UnitCostMinor: 300),  // £12/week
            new SoldSku("OWN", Units: 100, Weeks: 4, PriceMinor: 100, UnitCostMinor: null),  // no cost: margin unknown
        };

        var eye = AssortmentAdvisor.EyeLevel(sold, Rules);

        Assert.Equal(["BEER", "WATER", "CANDLE", "OWN"], eye.Select(e => e.Item.Sku));
        Assert.Equal((2, 1, 3000L), (eye[0].UnitsRank, eye[0].MarginRank, eye[0].WeeklyMarginMinor!.Value));
    }

    [Fact]
    public void BasketLift_KnownBaskets_GiveSupportConfidenceAndLift()
    {
        // 10 baskets: TEA in 5, BISCUIT in 4, both in 4; RICE in 5 with TEA once; SOAP with TEA twice (below support).
        string[][] baskets =
        [
            ["TEA", "BISCUIT"], ["TEA", "BISCUIT"], ["TEA", "BISCUIT", "SOAP"], ["BISCUIT", "TEA", "SOAP"], ["TEA", "RICE"],
            ["RICE"], ["RICE"], ["RICE"], ["RICE"], ["SOAP"],
        ];
        var withSku = new Dictionary<string, long>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string, string), long>();
        foreach (var basket in baskets)
        {
            var (items, counted) = BasketLift.Count(basket);
            foreach (var sku in items)
                withSku[sku] = withSku.GetValueOrDefault(sku) + 1;
            foreach (var counts in counted)
                pairs[counts] = pairs.GetValueOrDefault(counts) + 1;
        }

        var ranked = BasketLift.Rank(baskets.Length, withSku, pairs.Select(p => new PairBaskets(p.Key.Item1, p.Key.Item2, p.Value)), minSupport: 3, top: 10);

        var pair = Assert.Single(ranked);
        Assert.Equal(("BISCUIT", "TEA", 4L), (pair.Sku, pair.Other, pair.Together));
        Assert.Equal((0.4, 1.0, 0.8), (pair.Support, pair.Confidence, pair.ConfidenceBack));
        Assert.Equal(2.0, pair.Lift, 9); // 4 × 10 / (4 × 5)
    }

    [Fact]
    public void BasketLift_CountsEachPairOnceAndCapsTheBasket()
    {
        var (items, pairs) = BasketLift.Count(Enumerable.Range(0, 40).Select(i => $"SKU-{i:00}").Append("SKU-00"));

        Assert.Equal(AdviceRules.MaxSkusPerBasket, items.Count);
        Assert.Equal(30 * 29 / 2, pairs.Count);
        Assert.All(pairs, p => Assert.True(string.CompareOrdinal(p.Sku, p.Other) < 0));
    }
}
