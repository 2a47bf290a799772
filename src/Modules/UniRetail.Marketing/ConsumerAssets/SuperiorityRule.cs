using System.Globalization;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;

namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>
/// Who counts as high-value in FAST's Superiority: the purchasers whose spend in the last 365 days is in the top
/// <see cref="TopShare"/> of purchasers' spend (the default, 20%), or the people whose loyalty tier (the profile's
/// <c>tier</c> trait, which the loyalty programme's tier changes and any <c>identify</c> keep current) is one of
/// <see cref="Tiers"/>.
/// </summary>
internal sealed record SuperiorityRule(decimal TopShare, IReadOnlyList<string> Tiers)
{
    public const decimal DefaultTopShare = 0.2m;
    public const int MaxTiers = 20;
    public const int MaxTierLength = 100;

    public static readonly SuperiorityRule Default = new(DefaultTopShare, []);

    public bool ByTier => Tiers.Count > 0;

    /// <summary>The rule a request asks for: <c>top</c> (a share above 0, at most 1) or <c>tiers</c> (comma-separated names), not both.</summary>
    public static Result<SuperiorityRule> From(decimal? top, string? tiers)
    {
        var names = (tiers ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tiers is not null && names.Count == 0)
            return MarketingErrors.BadTarget("tiers", "'tiers' names at least one loyalty tier (comma-separated), or leave it out to rank by spend.");
        if (names.Count > 0 && top is not null)
            return MarketingErrors.BadTarget("tiers", "High-value people are either the top spenders ('top') or the members of tiers ('tiers'), not both.");
        if (names.Count > MaxTiers || names.Exists(n => n.Length > MaxTierLength))
            return MarketingErrors.BadTarget("tiers", $"'tiers' names at most {MaxTiers} tiers of at most {MaxTierLength} characters.");
        if (top is { } share && share is <= 0 or > 1)
            return MarketingErrors.BadTarget("top", "'top' is the share of spenders counted high-value, above 0 and at most 1 (default 0.2).");
        return new SuperiorityRule(top ?? DefaultTopShare, names);
    }

    /// <summary>True when <paramref name="tier"/> is one of the rule's tiers (names compare without case).</summary>
    public bool Counts(string? tier) => tier is not null && Tiers.Contains(tier.Trim(), StringComparer.OrdinalIgnoreCase);

    public string Definition => ByTier
        ? $"People in a stage at the end whose loyalty tier is {string.Join(" or ", Tiers)} (Superiority)."
        : string.Create(CultureInfo.InvariantCulture, $"Purchasers at the end whose spend in the last 365 days is in the top {TopShare:P0} of purchasers' spend (Superiority).");
}
