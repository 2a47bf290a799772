using UniRetail.Kernel;
using UniRetail.Loyalty.Domain;

namespace UniRetail.Loyalty.Programs;

internal sealed record EarnDocument(
    decimal? PointsPerUnit,
    Dictionary<string, decimal>? CategoryMultipliers,
    Dictionary<string, decimal>? SkuMultipliers,
    long? FirstPurchaseBonus,
    long? BirthdayBonus,
    long? StoreVisitBonus);

internal sealed record RedemptionDocument(long? Points, decimal? Value, long? MinimumPoints, int? MaxShareOfBasket);

internal sealed record TierDocument(string? Name, decimal? Threshold, decimal? EarnMultiplier, bool? FreeDelivery);

internal sealed record TiersDocument(string? Basis, int? PeriodMonths, IReadOnlyList<TierDocument?>? Levels);

/// <summary>A loyalty program as the API and the CLI's JSON file write it; the same shape is answered back.</summary>
internal sealed record ProgramDocument(
    string? Currency,
    EarnDocument? Earn,
    int? PendingDays,
    int? ExpiryMonths,
    RedemptionDocument? Redemption,
    TiersDocument? Tiers,
    string? WelcomeCampaignId)
{
    public const int MaxMultipliers = 1_000;
    public const int MaxTiers = 10;
    private const long MaxBonus = 1_000_000;

    public static ProgramDocument From(LoyaltyProgram p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var e = p.Earn;
        var unit = Money.FromMinor(1, p.Currency);
        return new ProgramDocument(
            p.Currency.Code,
            new EarnDocument(e.PointsPerUnit, e.Categories.ToDictionary(), e.Skus.ToDictionary(), e.FirstPurchaseBonus, e.BirthdayBonus, e.StoreVisitBonus),
            p.PendingDays,
            p.ExpiryMonths,
            new RedemptionDocument(p.Redemption.Points, Money.FromMinor(p.Redemption.ValueMinor, p.Currency).Amount, p.Redemption.MinimumPoints, p.Redemption.MaxSharePercent),
            new TiersDocument(p.Tiers.Basis == TierBasis.Spend ? "spend" : "points", p.Tiers.PeriodMonths,
                p.Tiers.Levels.Select(t => new TierDocument(t.Name,
                    p.Tiers.Basis == TierBasis.Spend ? Money.FromMinor(t.Threshold, p.Currency).Amount : t.Threshold, t.EarnMultiplier, t.FreeDelivery)).ToList()),
            p.WelcomeCampaignId);
    }

    /// <summary>The program, or the first rule it breaks with the field at fault.</summary>
    public Result<LoyaltyProgram> ToProgram()
    {
        var currency = Kernel.Currency.Parse(Currency, "currency");
        if (!currency.IsSuccess)
            return currency.Error;
        var earn = ToEarn(Earn);
        if (!earn.IsSuccess)
            return earn.Error;
        if (PendingDays is not { } pending || pending is < 0 or > 365)
            return LoyaltyErrors.OutOfRange("pendingDays", "is a whole number of days from 0 to 365 (the return window)");
        if (ExpiryMonths is { } months && (months < 1 || months > 120))
            return LoyaltyErrors.OutOfRange("expiryMonths", "is null (points never expire) or 1 to 120 months");
        if (ExpiryMonths is { } m && m * 28 <= pending)
            return LoyaltyErrors.BadProgram("expiryMonths", "Points must live longer than they stay pending.");
        var redemption = ToRedemption(Redemption, currency.Value);
        if (!redemption.IsSuccess)
            return redemption.Error;
        var tiers = ToTiers(Tiers, currency.Value);
        if (!tiers.IsSuccess)
            return tiers.Error;
        var welcome = string.IsNullOrWhiteSpace(WelcomeCampaignId) ? null : WelcomeCampaignId.Trim();
        return new LoyaltyProgram(currency.Value, earn.Value, pending, ExpiryMonths, redemption.Value, tiers.Value, welcome);
    }

    private static Result<EarnRules> ToEarn(EarnDocument? earn)
    {
        if (earn is null)
            return LoyaltyErrors.Required("earn");
        if (earn.PointsPerUnit is not { } perUnit || perUnit < 0 || perUnit > 1000 || decimal.Round(perUnit, 4) != perUnit)
            return LoyaltyErrors.OutOfRange("earn.pointsPerUnit", "is 0 to 1000 points per unit of currency, at most 4 decimals");
        var categories = Multipliers(earn.CategoryMultipliers, "earn.categoryMultipliers");
        if (!categories.IsSuccess)
            return categories.Error;
        var skus = Multipliers(earn.SkuMultipliers, "earn.skuMultipliers");
        if (!skus.IsSuccess)
            return skus.Error;
        foreach (var (value, field) in new[] { (earn.FirstPurchaseBonus, "firstPurchaseBonus"), (earn.BirthdayBonus, "birthdayBonus"), (earn.StoreVisitBonus, "storeVisitBonus") })
        {
            if (value is < 0 or > MaxBonus)
                return LoyaltyErrors.OutOfRange($"earn.{field}", $"is 0 to {MaxBonus} points");
        }
        return new EarnRules(perUnit, categories.Value, skus.Value, earn.FirstPurchaseBonus ?? 0, earn.BirthdayBonus ?? 0, earn.StoreVisitBonus ?? 0);
    }

    private static Result<IReadOnlyDictionary<string, decimal>> Multipliers(Dictionary<string, decimal>? given, string field)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (given is null)
            return result;
        if (given.Count > MaxMultipliers)
            return LoyaltyErrors.TooMany("multipliers", MaxMultipliers, field);
        foreach (var (key, value) in given)
        {
            var name = key.Trim();
            if (name.Length is 0 or > 200 || name.Any(char.IsControl))
                return LoyaltyErrors.BadText($"{field}.{key}", 200);
            if (value is < 0 or > 100 || decimal.Round(value, 4) != value)
                return LoyaltyErrors.OutOfRange($"{field}.{name}", "is a multiplier from 0 to 100, at most 4 decimals");
            if (!result.TryAdd(name, value))
                return LoyaltyErrors.Duplicate($"'{name}'", field);
        }
        return result;
    }

    private static Result<RedemptionRule> ToRedemption(RedemptionDocument? r, Currency currency)
    {
        if (r is null)
            return LoyaltyErrors.Required("redemption");
        if (r.Points is not { } points || points is < 1 or > 1_000_000)
            return LoyaltyErrors.OutOfRange("redemption.points", "is 1 to 1,000,000 (the points that pay redemption.value)");
        if (r.Value is not { } value || value <= 0)
            return LoyaltyErrors.OutOfRange("redemption.value", "is a positive amount");
        var money = Money.Of(value, currency, "redemption.value");
        if (!money.IsSuccess)
            return money.Error;
        if (money.Value.MinorUnits > 1_000_000)
            return LoyaltyErrors.OutOfRange("redemption.value", "is at most 1,000,000 minor units");
        if (r.MinimumPoints is < 0 or > 1_000_000)
            return LoyaltyErrors.OutOfRange("redemption.minimumPoints", "is 0 to 1,000,000");
        if (r.MaxShareOfBasket is not { } share || share is < 1 or > 100)
            return LoyaltyErrors.OutOfRange("redemption.maxShareOfBasket", "is a percentage from 1 to 100");
        return new RedemptionRule(points, money.Value.MinorUnits, r.MinimumPoints ?? 0, share);
    }

    private static Result<TierRules> ToTiers(TiersDocument? t, Currency currency)
    {
        if (t is null)
            return new TierRules(TierBasis.Spend, 12, []);
        var basis = t.Basis?.Trim().ToLowerInvariant() switch
        {
            "spend" or null => (TierBasis?)TierBasis.Spend,
            "points" => TierBasis.Points,
            _ => null,
        };
        if (basis is null)
            return LoyaltyErrors.BadProgram("tiers.basis", $"'{t.Basis}' is not a tier basis (spend, points).");
        if (t.PeriodMonths is < 1 or > 60)
            return LoyaltyErrors.OutOfRange("tiers.periodMonths", "is 1 to 60 months");
        var given = t.Levels ?? [];
        if (given.Count > MaxTiers)
            return LoyaltyErrors.TooMany("tiers", MaxTiers, "tiers.levels");
        var levels = new List<Tier>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"tiers.levels[{i}]";
            if (given[i] is not { } level)
                return LoyaltyErrors.Required(field);
            var name = level.Name?.Trim();
            if (name is null || name.Length is 0 or > 64 || name.Any(char.IsControl))
                return LoyaltyErrors.BadText(field + ".name", 64);
            if (levels.Any(l => string.Equals(l.Name, name, StringComparison.Ordinal)))
                return LoyaltyErrors.Duplicate($"Tier '{name}'", field + ".name");
            if (level.Threshold is not { } threshold || threshold < 0)
                return LoyaltyErrors.OutOfRange(field + ".threshold", "is 0 or more");
            long stored;
            if (basis == TierBasis.Spend)
            {
                var money = Money.Of(threshold, currency, field + ".threshold");
                if (!money.IsSuccess)
                    return money.Error;
                stored = money.Value.MinorUnits;
            }
            else if (decimal.Truncate(threshold) != threshold || threshold > 1_000_000_000)
            {
                return LoyaltyErrors.OutOfRange(field + ".threshold", "is a whole number of points up to 1,000,000,000");
            }
            else
            {
                stored = (long)threshold;
            }
            if (levels.Count > 0 && stored <= levels[^1].Threshold)
                return LoyaltyErrors.BadProgram(field + ".threshold", "Tier thresholds rise strictly from the first tier to the last.");
            var multiplier = level.EarnMultiplier ?? 1m;
            if (multiplier is < 0 or > 10 || decimal.Round(multiplier, 4) != multiplier)
                return LoyaltyErrors.OutOfRange(field + ".earnMultiplier", "is 0 to 10, at most 4 decimals");
            levels.Add(new Tier(name, stored, multiplier, level.FreeDelivery ?? false));
        }
        return new TierRules(basis.Value, t.PeriodMonths ?? 12, levels);
    }
}
