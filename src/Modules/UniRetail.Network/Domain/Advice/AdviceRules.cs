namespace UniRetail.Network.Domain.Advice;

/// <summary>
/// The thresholds and limits of assortment and display advice. A shop is compared over <see cref="ProfileWeeks"/> weeks of
/// sales with at most <see cref="NearestCandidates"/> of its platform's shops nearest to it, of which the
/// <see cref="SimilarShops"/> most similar count; a product is proposed when at least <see cref="MinShopsSelling"/> of them
/// sell it (so no figure shown is one other shop's); a pair is advice from <see cref="MinOwnSupport"/> baskets together at
/// the shop (<see cref="MinNetworkSupport"/> in the network's, from at least <see cref="MinShopsSelling"/> shops).
/// </summary>
internal sealed record AdviceRules(
    int ProfileWeeks = 8,
    int RecentWeeks = 4,
    int SimilarShops = 10,
    int NearestCandidates = 100,
    double DistanceScaleKm = 5,
    int MinShopsSelling = 2,
    int MinOwnSupport = 3,
    int MinNetworkSupport = 5,
    double DropCoverWeeks = 8,
    int ListSize = 10)
{
    public static readonly AdviceRules Default = new();

    /// <summary>The most SKUs of a shop location advice reads (its sales, stock and profile).</summary>
    public const int MaxSkus = 2_000;

    /// <summary>The most SKUs whose stock at the location advice reads (what sold, what it reorders, its platform's catalog).</summary>
    public const int MaxStockedSkus = 5_000;

    /// <summary>The most pairs read from one shop's baskets (its best supported).</summary>
    public const int MaxPairsPerShop = 2_000;

    /// <summary>The most distinct SKUs of one till basket that are counted in pairs (its first ones in line order).</summary>
    public const int MaxSkusPerBasket = 30;
}
