using UniRetail.Kernel;

namespace UniRetail.Network.Domain.Advice;

/// <summary>What one shop location sold over the profile's weeks, SKU by SKU, and where it is.</summary>
internal sealed record SalesProfile(string Key, GeoPoint Position, int Weeks, IReadOnlyDictionary<string, long> Units)
{
    public long Total { get; } = Units.Values.Sum();

    public double WeeklyTotal => Weeks <= 0 ? 0 : (double)Total / Weeks;

    public double Weekly(string sku) => Weeks <= 0 ? 0 : (double)Units.GetValueOrDefault(sku) / Weeks;
}

/// <summary>Another shop as similar as it is: <see cref="Cosine"/> of what both sell, how far, and the two combined.</summary>
internal sealed record SimilarShop(SalesProfile Profile, double Cosine, double DistanceKm, double Similarity);

/// <summary>
/// Similar shops, pure: similarity = cosine of the two shops' sales vectors (their shares of units by SKU; the cosine does
/// not see size, so a big and a small shop selling the same mix are alike) × proximity, 1 / (1 + distance / scale), so a shop
/// at the scale's distance counts half as much as one next door. A shop that has sold nothing yet has no mix to compare:
/// it is compared by distance alone (cosine taken as 1).
/// </summary>
internal static class ShopSimilarity
{
    public static double Cosine(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach (var (sku, units) in small)
            dot += (double)units * large.GetValueOrDefault(sku);
        var norm = Norm(a) * Norm(b);
        return norm == 0 ? 0 : dot / norm;
    }

    public static double Proximity(double distanceKm, AdviceRules rules) => 1 / (1 + Math.Max(0, distanceKm) / rules.DistanceScaleKm);

    /// <summary>
    /// Of <paramref name="others"/>, the <see cref="AdviceRules.NearestCandidates"/> nearest, then of those the
    /// <see cref="AdviceRules.SimilarShops"/> most similar with a similarity above zero, best first (ties: nearer, then key).
    /// </summary>
    public static IReadOnlyList<SimilarShop> MostSimilar(SalesProfile own, IEnumerable<SalesProfile> others, AdviceRules rules)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(rules);
        return others
            .Where(o => o.Key != own.Key)
            .Select(o => (Profile: o, Km: own.Position.DistanceKmTo(o.Position)))
            .OrderBy(o => o.Km).ThenBy(o => o.Profile.Key, StringComparer.Ordinal)
            .Take(rules.NearestCandidates)
            .Select(o =>
            {
                var cosine = own.Total == 0 ? 1 : Cosine(own.Units, o.Profile.Units);
                return new SimilarShop(o.Profile, cosine, o.Km, cosine * Proximity(o.Km, rules));
            })
            .Where(s => s.Similarity > 0)
            .OrderByDescending(s => s.Similarity).ThenBy(s => s.DistanceKm).ThenBy(s => s.Profile.Key, StringComparer.Ordinal)
            .Take(rules.SimilarShops)
            .ToList();
    }

    private static double Norm(IReadOnlyDictionary<string, long> v)
    {
        double sum = 0;
        foreach (var units in v.Values)
            sum += (double)units * units;
        return Math.Sqrt(sum);
    }
}
