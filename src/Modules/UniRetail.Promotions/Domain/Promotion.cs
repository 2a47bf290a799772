using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;

namespace UniRetail.Promotions.Domain;

/// <summary>
/// What a rule reaches: SKUs and categories (a category reaches every category below it), or the whole basket. A target
/// of nothing is never built: the parser refuses it.
/// </summary>
internal sealed record Target(IReadOnlySet<Sku> Skus, IReadOnlyList<string> Categories, bool Basket)
{
    public static Target WholeBasket { get; } = new(new HashSet<Sku>(), [], true);

    public bool Matches(Sku sku, string category)
    {
        if (Basket || Skus.Contains(sku))
            return true;
        foreach (var scope in Categories)
        {
            if (Within(category, scope))
                return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="category"/> is <paramref name="scope"/> or below it (<c>Home/Kitchen</c> is within <c>Home</c>).</summary>
    public static bool Within(string category, string scope) =>
        category.StartsWith(scope, StringComparison.Ordinal) && (category.Length == scope.Length || category[scope.Length] == '/');
}

/// <summary>The kinds of rule, as written in the API.</summary>
internal enum RuleKind
{
    PercentOff,
    AmountOff,
    MultiBuy,
    BuyGet,
    Bundle,
    FixedPrice,
    SpendThreshold,
}

/// <summary>One promotion's rule. Amounts are in minor units of the tenant's currency; percentages are 0 &lt; p ≤ 100.</summary>
internal abstract record Rule(RuleKind Kind)
{
    /// <summary>Basket rules apply after every item rule, to what the lines cost then (see docs/architecture.md, Promotions).</summary>
    public virtual bool IsBasketLevel => false;
}

/// <summary>Percent off the target's lines (or the basket).</summary>
internal sealed record PercentOff(Target Target, decimal Percent) : Rule(RuleKind.PercentOff)
{
    /// <summary>The percentage in hundredths (12.5% is 1250), for integer arithmetic on the hot path.</summary>
    public long Hundredths { get; } = (long)(Percent * 100);

    public override bool IsBasketLevel => Target.Basket;
}

/// <summary>An amount off each unit of the target's lines, or once off the basket.</summary>
internal sealed record AmountOff(Target Target, long AmountMinor) : Rule(RuleKind.AmountOff)
{
    public override bool IsBasketLevel => Target.Basket;
}

/// <summary>Groups of <see cref="Quantity"/> units of the target (mixed SKUs) cost the price of <see cref="Pay"/> units, or <see cref="PriceMinor"/>.</summary>
internal sealed record MultiBuy(Target Target, int Quantity, int? Pay, long? PriceMinor) : Rule(RuleKind.MultiBuy);

/// <summary>For every <see cref="BuyQuantity"/> units of <see cref="Buy"/>, <see cref="GetQuantity"/> units of <see cref="Get"/> at <see cref="Percent"/> off.</summary>
internal sealed record BuyGet(Target Buy, int BuyQuantity, Target Get, int GetQuantity, decimal Percent) : Rule(RuleKind.BuyGet)
{
    public long Hundredths { get; } = (long)(Percent * 100);
}

/// <summary>One of each item (in its quantity) together costs <see cref="PriceMinor"/>.</summary>
internal sealed record Bundle(IReadOnlyList<BundleItem> Items, long PriceMinor) : Rule(RuleKind.Bundle);

internal sealed record BundleItem(Sku Sku, int Quantity);

/// <summary>A unit price for the target's SKUs (member and tier prices): a unit costs this when it is cheaper.</summary>
internal sealed record FixedPrice(Target Target, long UnitPriceMinor) : Rule(RuleKind.FixedPrice);

/// <summary>When the target's lines cost at least <see cref="ThresholdMinor"/>, an amount or a percent off them.</summary>
internal sealed record SpendThreshold(Target Target, long ThresholdMinor, long? AmountMinor, decimal? Percent) : Rule(RuleKind.SpendThreshold)
{
    public long? Hundredths { get; } = Percent is { } p ? (long)(p * 100) : null;

    public override bool IsBasketLevel => true;
}

/// <summary>Days of the week and a local time range (<c>From</c> inclusive, <c>To</c> exclusive; over midnight when To ≤ From).</summary>
internal sealed record WeeklySchedule(IReadOnlySet<DayOfWeek> Days, TimeOnly From, TimeOnly To, string TimeZone)
{
    public bool Contains(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (From < To)
            return Days.Contains(local.DayOfWeek) && time >= From && time < To;
        // Over midnight: 22:00-02:00 on Friday runs into Saturday's early hours.
        return (Days.Contains(local.DayOfWeek) && time >= From) || (Days.Contains(local.AddDays(-1).DayOfWeek) && time < To);
    }
}

/// <summary>When and for whom a promotion applies. Empty sets mean "any".</summary>
internal sealed record Conditions(
    IReadOnlySet<SalesChannel> Channels,
    IReadOnlySet<LocationId> Stores,
    bool MembersOnly,
    IReadOnlySet<string> Tiers,
    bool CouponRequired,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    WeeklySchedule? Schedule)
{
    public static Conditions None { get; } = new(new HashSet<SalesChannel>(), new HashSet<LocationId>(), false, new HashSet<string>(), false, null, null, null);
}

/// <summary>
/// A promotion. <see cref="Priority"/> (higher first) then <see cref="Id"/> is the documented order that breaks ties.
/// <see cref="Exclusive"/>: on an item rule, no other item rule on the lines it touches and basket rules skip those lines;
/// on a basket rule, nothing else in the basket. Two promotions of one <see cref="StackingGroup"/> never share a line.
/// </summary>
internal sealed record Promotion(
    PromotionId Id,
    string Code,
    string Name,
    bool Active,
    int Priority,
    bool Exclusive,
    string StackingGroup,
    Rule Rule,
    Conditions Conditions,
    int Version,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The group a promotion stacks in when none is given: item rules with item rules, basket rules with basket rules.</summary>
    public static string DefaultGroup(Rule rule) => rule.IsBasketLevel ? "basket" : "item";
}
