namespace UniRetail.Network.Domain.Advice;

/// <summary>Baskets that held both SKUs of a pair (<see cref="Sku"/> before <see cref="Other"/> in ordinal order).</summary>
internal readonly record struct PairBaskets(string Sku, string Other, long Together);

/// <summary>
/// Two products to place side by side: <see cref="Support"/> = share of all baskets holding both; confidence = share of the
/// baskets with one that also held the other; <see cref="Lift"/> = support / (share with one × share with the other).
/// </summary>
internal sealed record SideBySide(string Sku, string Other, long Together, long Baskets, double Support, double Confidence, double ConfidenceBack, double Lift);

/// <summary>Co-purchase association rules over counted baskets, pure.</summary>
internal static class BasketLift
{
    /// <summary>The distinct SKUs of a basket, its first <see cref="AdviceRules.MaxSkusPerBasket"/> in line order, and its pairs (each once, ordinal order).</summary>
    public static (IReadOnlyList<string> Items, IReadOnlyList<(string Sku, string Other)> Pairs) Count(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var items = lines.Distinct(StringComparer.Ordinal).Take(AdviceRules.MaxSkusPerBasket).ToList();
        var pairs = new List<(string, string)>(items.Count * (items.Count - 1) / 2);
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
                pairs.Add(string.CompareOrdinal(items[i], items[j]) < 0 ? (items[i], items[j]) : (items[j], items[i]));
        }
        return (items, pairs);
    }

    /// <summary>
    /// The pairs bought together in at least <paramref name="minSupport"/> baskets and more often than chance (lift above 1),
    /// highest lift first (then more baskets together, then SKUs), at most <paramref name="top"/>.
    /// </summary>
    public static IReadOnlyList<SideBySide> Rank(long baskets, IReadOnlyDictionary<string, long> withSku, IEnumerable<PairBaskets> pairs, int minSupport, int top)
    {
        ArgumentNullException.ThrowIfNull(withSku);
        ArgumentNullException.ThrowIfNull(pairs);
        if (baskets <= 0)
            return [];
        return pairs
            .Where(p => p.Together >= minSupport && withSku.GetValueOrDefault(p.Sku) > 0 && withSku.GetValueOrDefault(p.Other) > 0)
            .Select(p =>
            {
                var (a, b) = (withSku[p.Sku], withSku[p.Other]);
                return new SideBySide(p.Sku, p.Other, p.Together, baskets, (double)p.Together / baskets, (double)p.Together / a, (double)p.Together / b,
                    (double)p.Together * baskets / ((double)a * b));
            })
            .Where(s => s.Lift > 1)
            .OrderByDescending(s => s.Lift).ThenByDescending(s => s.Together).ThenBy(s => s.Sku, StringComparer.Ordinal).ThenBy(s => s.Other, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }
}
