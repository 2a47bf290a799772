using UniRetail.Kernel;

namespace UniRetail.Loyalty.Domain;

/// <summary>What a tier is measured on over the rolling twelve months: net spend, or points earned.</summary>
internal enum TierBasis
{
    Spend,
    Points,
}

/// <summary>A tier: reached at <see cref="Threshold"/> (minor units of spend, or points), with its benefits.</summary>
internal sealed record Tier(string Name, long Threshold, decimal EarnMultiplier, bool FreeDelivery);

internal sealed record TierRules(TierBasis Basis, int PeriodMonths, IReadOnlyList<Tier> Levels)
{
    /// <summary>The rank of a tier (0 is the lowest), or -1 when the program no longer has it.</summary>
    public int RankOf(string? name)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (string.Equals(Levels[i].Name, name, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    /// <summary>The highest tier whose threshold <paramref name="rolling"/> reaches; null below the first.</summary>
    public Tier? Qualifying(long rolling) => Levels.LastOrDefault(t => t.Threshold <= rolling);

    public Tier? Find(string? name) => RankOf(name) is var rank and >= 0 ? Levels[rank] : null;

    /// <summary>
    /// The tier after a purchase, a return or the end of a period: a higher tier at once (held for a new period); a lower one
    /// only once the current period has ended. A tier the program no longer lists is replaced at once.
    /// </summary>
    public (string? Tier, DateTimeOffset? Until) Evaluate(string? current, DateTimeOffset? until, long rolling, DateTimeOffset now)
    {
        var qualifying = Qualifying(rolling);
        var rank = RankOf(current);
        var newRank = qualifying is null ? -1 : RankOf(qualifying.Name);
        if (current is not null && rank < 0)
            return (qualifying?.Name, qualifying is null ? null : now.AddMonths(PeriodMonths));
        if (newRank > rank)
            return (qualifying!.Name, now.AddMonths(PeriodMonths));
        if (current is null || until is null || now < until)
            return (current, until);
        return (qualifying?.Name, qualifying is null ? null : now.AddMonths(PeriodMonths));
    }
}

/// <summary>Points per unit of currency spent, multipliers (a SKU's wins over its category's), and bonuses.</summary>
internal sealed record EarnRules(
    decimal PointsPerUnit,
    IReadOnlyDictionary<string, decimal> Categories,
    IReadOnlyDictionary<string, decimal> Skus,
    long FirstPurchaseBonus,
    long BirthdayBonus,
    long StoreVisitBonus)
{
    /// <summary>Points a line earns: its net amount in currency units × points per unit × its multiplier × the tier's, rounded down.</summary>
    public long PointsFor(Money net, string sku, string? category, decimal tierMultiplier)
    {
        var multiplier = Skus.TryGetValue(sku, out var bySku) ? bySku
            : category is not null && Categories.TryGetValue(category, out var byCategory) ? byCategory
            : 1m;
        return (long)decimal.Floor(net.Amount * PointsPerUnit * multiplier * tierMultiplier);
    }
}

/// <summary><see cref="Points"/> points pay <see cref="ValueMinor"/> minor units; at least <see cref="MinimumPoints"/> at a time, at most <see cref="MaxSharePercent"/>% of a basket.</summary>
internal sealed record RedemptionRule(long Points, long ValueMinor, long MinimumPoints, int MaxSharePercent)
{
    /// <summary>What <paramref name="points"/> pay, in minor units, rounded down.</summary>
    public long ValueOf(long points) => points * ValueMinor / Points;

    /// <summary>The most points whose value stays within the allowed share of <paramref name="subtotalMinor"/>.</summary>
    public long MaxPointsFor(long subtotalMinor) => subtotalMinor * MaxSharePercent / 100 * Points / ValueMinor;
}

/// <summary>A tenant's loyalty program, valid by construction (see <c>ProgramDocument.ToProgram</c>).</summary>
internal sealed record LoyaltyProgram(
    Currency Currency,
    EarnRules Earn,
    int PendingDays,
    int? ExpiryMonths,
    RedemptionRule Redemption,
    TierRules Tiers,
    string? WelcomeCampaignId)
{
    public DateTimeOffset ReleaseAt(DateTimeOffset earned) => earned.AddDays(PendingDays);

    public DateTimeOffset? ExpiresAt(DateTimeOffset earned) => ExpiryMonths is { } months ? earned.AddMonths(months) : null;
}
