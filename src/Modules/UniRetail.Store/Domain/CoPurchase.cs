using UniRetail.Kernel;

namespace UniRetail.Store.Domain;

/// <summary>
/// How complements are learnt: the minimum number of baskets a pair must share (support), how many complements a SKU keeps,
/// and how many distinct SKUs of one basket count (its first ones in line order; a wholesale order of hundreds of lines
/// would otherwise add tens of thousands of pairs).
/// </summary>
internal sealed record ComplementRules(int MinSupport = 3, int TopK = 10, int MaxSkusPerBasket = 50)
{
    public static readonly ComplementRules Default = new();
}

/// <summary>A SKU bought with another more often than chance: <see cref="Lift"/> = P(both) / (P(a) × P(b)); <see cref="Together"/> baskets held both.</summary>
internal sealed record Complement(Sku Sku, double Lift, long Together);

/// <summary>Another SKU's counts as ranking reads them: baskets holding it with the SKU ranked, and baskets holding it at all.</summary>
internal readonly record struct PairCount(Sku Other, long Together, long OtherBaskets);

/// <summary>Co-purchase lift, pure: what a basket counts as, the pairs it adds, and the ranking of a SKU's complements.</summary>
internal static class CoPurchase
{
    /// <summary>The basket's distinct SKUs, the first <see cref="ComplementRules.MaxSkusPerBasket"/> in line order.</summary>
    public static IReadOnlyList<Sku> Items(IEnumerable<Sku> lines, ComplementRules rules)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(rules);
        var seen = new HashSet<Sku>();
        var items = new List<Sku>();
        foreach (var sku in lines)
        {
            if (items.Count == rules.MaxSkusPerBasket)
                break;
            if (seen.Add(sku))
                items.Add(sku);
        }
        return items;
    }

    /// <summary>Every ordered pair (a, b), a ≠ b, of the basket's items: each SKU's row of the pair counts.</summary>
    public static IEnumerable<(Sku Sku, Sku Other)> Pairs(IReadOnlyList<Sku> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = 0; j < items.Count; j++)
            {
                if (i != j)
                    yield return (items[i], items[j]);
            }
        }
    }

    /// <summary>Lift of a pair: baskets × together / (baskets with a × baskets with b).</summary>
    public static double Lift(long baskets, long withSku, long withOther, long together) =>
        withSku <= 0 || withOther <= 0 ? 0 : (double)together * baskets / ((double)withSku * withOther);

    /// <summary>
    /// A SKU's complements: the others it shared at least <see cref="ComplementRules.MinSupport"/> baskets with and a lift
    /// above 1 (bought together more often than chance), best lift first (then more baskets together, then SKU), at most
    /// <see cref="ComplementRules.TopK"/>.
    /// </summary>
    public static IReadOnlyList<Complement> Rank(long baskets, long withSku, IEnumerable<PairCount> others, ComplementRules rules)
    {
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(rules);
        return others
            .Where(o => o.Together >= rules.MinSupport)
            .Select(o => new Complement(o.Other, Lift(baskets, withSku, o.OtherBaskets, o.Together), o.Together))
            .Where(c => c.Lift > 1)
            .OrderByDescending(c => c.Lift).ThenByDescending(c => c.Together).ThenBy(c => c.Sku.Value, StringComparer.Ordinal)
            .Take(rules.TopK)
            .ToList();
    }
}

/// <summary>Co-purchase counts held in memory (the offline evaluation, tests): the same counting the module keeps in its tables.</summary>
internal sealed class CoPurchaseCounts(ComplementRules rules)
{
    private readonly Dictionary<Sku, long> _baskets = [];
    private readonly Dictionary<Sku, Dictionary<Sku, long>> _together = [];

    public long Baskets { get; private set; }

    public void Add(IEnumerable<Sku> lines)
    {
        var items = CoPurchase.Items(lines, rules);
        if (items.Count == 0)
            return;
        Baskets++;
        foreach (var sku in items)
            _baskets[sku] = _baskets.GetValueOrDefault(sku) + 1;
        foreach (var (sku, other) in CoPurchase.Pairs(items))
        {
            if (!_together.TryGetValue(sku, out var row))
                _together[sku] = row = [];
            row[other] = row.GetValueOrDefault(other) + 1;
        }
    }

    public long BasketsWith(Sku sku) => _baskets.GetValueOrDefault(sku);

    public IReadOnlyList<Complement> ComplementsOf(Sku sku) =>
        _together.TryGetValue(sku, out var row)
            ? CoPurchase.Rank(Baskets, BasketsWith(sku), row.Select(p => new PairCount(p.Key, p.Value, BasketsWith(p.Key))), rules)
            : [];
}
