using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Domain;

namespace UniRetail.Promotions.Engine;

/// <summary>
/// A promotion ready for pricing: its rank in the tie-break order, its time zone and stacking group resolved once, its
/// channels as a bit set, and the refusals it is ever answered with, built once and shared by every answer (they are immutable).
/// </summary>
internal sealed class RankedPromotion
{
    private static readonly string[] StaticReasons =
    [
        Reasons.NotInWindow, Reasons.WrongChannel, Reasons.WrongStore, Reasons.MembersOnly, Reasons.WrongTier, Reasons.NeedsCoupon,
        Reasons.BelowThreshold, Reasons.NotEnoughItems, Reasons.NoSaving, Reasons.WorseCombination, Reasons.CandidateLimit,
    ];

    private readonly DeclinedPromotion[] _declined;

    public RankedPromotion(Promotion promotion, int rank, TimeZoneInfo? scheduleZone, int group)
    {
        Promotion = promotion;
        Rank = rank;
        ScheduleZone = scheduleZone;
        Group = group;
        IsBasketLevel = promotion.Rule.IsBasketLevel;
        foreach (var channel in promotion.Conditions.Channels)
            Channels |= 1UL << (int)channel;
        ExcludedByThis = Reasons.ExcludedBy(promotion.Id);
        _declined = Array.ConvertAll(StaticReasons, reason => new DeclinedPromotion(promotion.Id, promotion.Code, reason));
    }

    /// <summary>The stacking group as a number, the same for the same name within one index.</summary>
    public int Group { get; }

    public Promotion Promotion { get; }

    /// <summary>Position in the tie-break order: priority (higher first), then id (ordinal).</summary>
    public int Rank { get; }

    public TimeZoneInfo? ScheduleZone { get; }

    public bool IsBasketLevel { get; }

    /// <summary>The channels it is limited to, one bit per <see cref="SalesChannel"/>; 0 for any.</summary>
    public ulong Channels { get; }

    /// <summary>The reason another promotion gives when this one excludes it: <c>excluded_by:&lt;id&gt;</c>.</summary>
    public string ExcludedByThis { get; }

    /// <summary>This promotion declined for one of the fixed reasons (<see cref="Reasons"/>), the same instance every time.</summary>
    public DeclinedPromotion Declined(string reason)
    {
        var at = Array.IndexOf(StaticReasons, reason);
        return at >= 0 ? _declined[at] : new DeclinedPromotion(Promotion.Id, Promotion.Code, reason);
    }
}

/// <summary>
/// A tenant's active promotions, indexed by the SKUs and categories their rules name, plus the basket rules. A basket's
/// candidates are what its lines' SKUs and category paths (each level) find here, never a walk of every promotion.
/// Immutable: a pricing call uses one snapshot from start to end, whatever is saved meanwhile.
/// </summary>
internal sealed class PromotionIndex
{
    private readonly Dictionary<Sku, int[]> _bySku;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byCategory;
    private readonly int[] _basketLevel;

    private PromotionIndex(RankedPromotion[] ranked, Dictionary<Sku, int[]> bySku, Dictionary<string, int[]> byCategory, int[] basketLevel, long revision)
    {
        Ranked = ranked;
        _bySku = bySku;
        _byCategory = byCategory.GetAlternateLookup<ReadOnlySpan<char>>();
        _basketLevel = basketLevel;
        Revision = revision;
    }

    public static PromotionIndex Empty { get; } = Build([], 0);

    /// <summary>Every indexed promotion in tie-break order.</summary>
    public IReadOnlyList<RankedPromotion> Ranked { get; }

    /// <summary>The tenant's promotion revision this snapshot was built from.</summary>
    public long Revision { get; }

    /// <summary>Indexes the active promotions among <paramref name="promotions"/>.</summary>
    public static PromotionIndex Build(IEnumerable<Promotion> promotions, long revision)
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranked = promotions.Where(p => p.Active)
            .OrderByDescending(p => p.Priority).ThenBy(p => p.Id.Value, StringComparer.Ordinal)
            .Select((p, rank) => new RankedPromotion(p, rank, p.Conditions.Schedule is { } s ? TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone) : null,
                groups.TryGetValue(p.StackingGroup, out var g) ? g : groups[p.StackingGroup] = groups.Count))
            .ToArray();
        var bySku = new Dictionary<Sku, List<int>>();
        var byCategory = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var basketLevel = new List<int>();
        foreach (var promotion in ranked)
        {
            if (promotion.IsBasketLevel)
            {
                basketLevel.Add(promotion.Rank);
                continue;
            }
            foreach (var target in TargetsOf(promotion.Promotion.Rule))
            {
                foreach (var sku in target.Skus)
                    AddTo(bySku, sku, promotion.Rank);
                foreach (var category in target.Categories)
                    AddTo(byCategory, category, promotion.Rank);
            }
            if (promotion.Promotion.Rule is Bundle bundle)
            {
                foreach (var item in bundle.Items)
                    AddTo(bySku, item.Sku, promotion.Rank);
            }
        }
        return new PromotionIndex(
            ranked,
            bySku.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray()),
            byCategory.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray(), StringComparer.Ordinal),
            basketLevel.ToArray(),
            revision);
    }

    /// <summary>
    /// Adds to <paramref name="found"/> one entry per (promotion, line) an item rule reaches, encoded <c>rank &lt;&lt; 32 | line</c>, and
    /// returns the basket rules (every one is a candidate for every basket).
    /// </summary>
    public ReadOnlySpan<int> Collect(PricingLine[] lines, List<long> found)
    {
        for (var line = 0; line < lines.Length; line++)
        {
            if (_bySku.TryGetValue(lines[line].Sku, out var bySku))
                AddAll(found, bySku, line);
            var category = lines[line].Category.AsSpan();
            for (var end = 0; end <= category.Length; end++)
            {
                if (category.Length == 0)
                    break;
                if ((end == category.Length || category[end] == '/') && _byCategory.TryGetValue(category[..end], out var byCategory))
                    AddAll(found, byCategory, line);
            }
        }
        return _basketLevel;
    }

    private static void AddAll(List<long> found, int[] ranks, int line)
    {
        foreach (var rank in ranks)
            found.Add(((long)rank << 32) | (uint)line);
    }

    private static IEnumerable<Target> TargetsOf(Rule rule) => rule switch
    {
        PercentOff r => [r.Target],
        AmountOff r => [r.Target],
        MultiBuy r => [r.Target],
        FixedPrice r => [r.Target],
        BuyGet r => [r.Buy, r.Get],
        _ => [],
    };

    private static void AddTo<TKey>(Dictionary<TKey, List<int>> index, TKey key, int rank) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var ranks))
            index[key] = ranks = [];
        ranks.Add(rank);
    }
}
