using UniRetail.Kernel;

namespace UniRetail.Network.Domain.Wholesale;

/// <summary>A case price for shops that order at least <see cref="FromCases"/> cases of the SKU in a calendar month.</summary>
internal sealed record PriceTier(int FromCases, long CasePriceMinor);

/// <summary>Wholesale prices by monthly volume: the list case price, lowered by the highest tier the month's cases reach.</summary>
internal static class TierPricing
{
    public const int MaxTiers = 10;

    /// <summary>The case price when the shop's month reaches <paramref name="monthCases"/> cases (this order's included), and the tier's threshold (0: list price).</summary>
    public static (long CasePriceMinor, int FromCases) CasePrice(long listMinor, IReadOnlyList<PriceTier> tiers, int monthCases)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var price = (listMinor, 0);
        foreach (var tier in tiers)
        {
            if (monthCases >= tier.FromCases)
                price = (tier.CasePriceMinor, tier.FromCases);
        }
        return price;
    }

    /// <summary>Tiers rise in cases (2 or more, at most 100,000) and fall in price, each below the list price.</summary>
    public static Result<Unit> Validate(long listMinor, IReadOnlyList<PriceTier> tiers, string field)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Count > MaxTiers)
            return NetworkErrors.BadTiers(field, $"At most {MaxTiers} tiers.");
        var (lastCases, lastPrice) = (1, listMinor);
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].FromCases <= lastCases || tiers[i].FromCases > Quantity.Max)
                return NetworkErrors.BadTiers($"{field}[{i}].fromCases", "Tiers start at 2 cases or more, at most 100,000, each above the one before.");
            if (tiers[i].CasePriceMinor >= lastPrice)
                return NetworkErrors.BadTiers($"{field}[{i}].casePrice", "Each tier's case price is below the list case price and the tier before.");
            (lastCases, lastPrice) = (tiers[i].FromCases, tiers[i].CasePriceMinor);
        }
        return Unit.Value;
    }
}
