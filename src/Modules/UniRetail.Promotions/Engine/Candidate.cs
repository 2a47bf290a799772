using UniRetail.Promotions.Contracts;

namespace UniRetail.Promotions.Engine;

/// <summary>
/// A promotion the basket reaches. An item rule carries what it takes off on its own (<see cref="Touched"/> lines and
/// <see cref="Amounts"/>, against list prices); a basket rule carries the lines in its scope and is worked out in each
/// combination, after the item rules.
/// </summary>
internal sealed class Candidate(RankedPromotion promotion, int[] lines)
{
    public RankedPromotion Ranked { get; } = promotion;

    /// <summary>The lines the rule names (in line order), whether or not it takes anything off them.</summary>
    public int[] Lines { get; } = lines;

    public int[] Touched { get; set; } = [];

    public long[] Amounts { get; set; } = [];

    /// <summary>What it takes off alone; the search ranks greedy choices by it.</summary>
    public long Standalone { get; set; }

    /// <summary>Why it does not apply before any combination is tried (conditions, quantities), or null.</summary>
    public string? Reason { get; set; }

    /// <summary>Makes its hint, if it has one: only the hints shown are worded.</summary>
    public Func<PricingHint>? Hint { get; set; }

    public bool IsBasketLevel => Ranked.IsBasketLevel;

    public bool Exclusive => Ranked.Promotion.Exclusive;

    public PromotionId Id => Ranked.Promotion.Id;

    /// <summary>The lines it may share with another candidate: the touched ones for an item rule, the scope for a basket rule.</summary>
    public int[] Footprint => IsBasketLevel ? Lines : Touched;
}
