using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>A FAST figure with its definition beside it.</summary>
internal sealed record FastFigure(string Name, decimal Value, string Definition);

/// <summary>FAST of a category (or the brand) over a period: Fertility, Advancing, Superiority, Thriving.</summary>
internal sealed record FastView(string Category, DateOnly From, DateOnly To, IReadOnlyList<FastFigure> Fertility, IReadOnlyList<FastFigure> Advancing,
    IReadOnlyList<FastFigure> Superiority, IReadOnlyList<FastFigure> Thriving);

/// <summary>One GROW part: GMV in the tenant's currency, the buyers behind it, and what it means.</summary>
internal sealed record GrowPart(string Part, decimal Gmv, long Buyers, string Definition);

/// <summary>
/// GROW of a category: the GMV change from the period before (same length, just before <c>From</c>) to the period
/// <c>From</c>–<c>To</c>, split into Gain, Retain, bOOst and Widen, which add up exactly to <c>Change</c>.
/// </summary>
internal sealed record GrowView(string Category, string Currency, DateOnly PreviousFrom, DateOnly PreviousTo, DateOnly From, DateOnly To,
    decimal PreviousGmv, decimal Gmv, decimal Change, IReadOnlyList<GrowPart> Parts);

/// <summary>FAST and GROW, read from the AIPL day rows (people who refused analytics left out).</summary>
internal sealed class FastAndGrow(Database database, AiplStore store, ProfileStore profiles, AiplQueries queries, ITenantDirectory tenants)
{
    /// <summary>The longest period FAST or GROW covers.</summary>
    public const int MaxPeriodDays = 3660;

    /// <summary>Thriving: active within this many days up to the period's end.</summary>
    public const int ActiveDays = 30;

    /// <summary>FAST over the period; <paramref name="topShare"/> or <paramref name="tiers"/> chooses who is high-value (see <see cref="SuperiorityRule"/>).</summary>
    public async Task<Result<FastView>> FastAsync(Caller caller, string? from, string? to, string? category, decimal? topShare, string? tiers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var period = Period(from, to);
        if (!period.IsSuccess)
            return period.Error;
        var (first, last) = period.Value;
        var superiority = SuperiorityRule.From(topShare, tiers);
        if (!superiority.IsSuccess)
            return superiority.Error;
        var rule = superiority.Value;
        var resolved = await queries.CategoryAsync(caller.Tenant, category, ct);
        if (!resolved.IsSuccess)
            return resolved.Error;
        var rules = await queries.RulesAsync(caller.Tenant, ct);
        var (before, after, recent, tierOf) = await database.ReadAsync(async c => (
            await store.StagesAsync(c, caller.Tenant, resolved.Value, first, rules),
            await store.StagesAsync(c, caller.Tenant, resolved.Value, last, rules),
            await store.RangeAsync(c, caller.Tenant, resolved.Value, last - 364, last),
            rule.ByTier ? await profiles.TiersAsync(c, caller.Tenant) : []), ct);
        var flow = AiplQueries.Flow(resolved.Value, first, last, before, after);
        long Row(string stage) => flow.Rows.Single(r => r.From == stage).Total;
        long Column(string stage) => flow.ColumnTotals[stage];
        var totalBefore = flow.Rows.Where(r => r.From != "new").Sum(r => r.Total);
        var totalAfter = flow.ColumnTotals.Where(c => c.Key != "lost").Sum(c => c.Value);
        decimal Share(long part, long whole) => whole == 0 ? 0 : Math.Round((decimal)part / whole, 4);
        // People in a stage at the start who are in a higher one at the end.
        long Onward(AiplStage stage) => flow.Rows.Single(r => r.From == AiplStages.ToName(stage)).To
            .Where(t => AiplStages.Counted.FirstOrDefault(c => AiplStages.ToName(c) == t.Key) > stage).Sum(t => t.Value);

        var members = after.Where(r => r.Refused == 0).Select(r => r.ProfileId).ToHashSet(StringComparer.Ordinal);
        var purchasers = after.Where(r => r.Refused == 0 && r.Stage >= (int)AiplStage.Purchased).Select(r => r.ProfileId).ToHashSet(StringComparer.Ordinal);
        var spend = recent.Where(r => purchasers.Contains(r.ProfileId)).GroupBy(r => r.ProfileId, StringComparer.Ordinal)
            .Select(g => (Profile: g.Key, Spend: g.Sum(r => r.RevenueMinor))).OrderByDescending(s => s.Spend).ToList();
        var totalSpend = spend.Sum(s => s.Spend);
        var (highValue, highValueSpend) = rule.ByTier
            ? (members.Count(p => rule.Counts(tierOf.GetValueOrDefault(p))), spend.Where(s => rule.Counts(tierOf.GetValueOrDefault(s.Profile))).Sum(s => s.Spend))
            : ((int)Math.Ceiling(spend.Count * rule.TopShare), spend.Take((int)Math.Ceiling(spend.Count * rule.TopShare)).Sum(s => s.Spend));
        var active = recent.Where(r => r.Day > last - ActiveDays && members.Contains(r.ProfileId)).Select(r => r.ProfileId).Distinct(StringComparer.Ordinal).Count();
        return new FastView(AiplStages.ToApi(resolved.Value), AiplStages.DateOf(first), AiplStages.DateOf(last),
            [
                new("total", totalAfter, "People in any AIPL stage at the end of the period (Fertility: the size of the consumer assets)."),
                new("growth", totalAfter - totalBefore, "Change of that total since the start of the period."),
                new("growthRate", Share(totalAfter - totalBefore, totalBefore), "Growth over the total at the start (0 when there was none)."),
            ],
            [
                new("awareToInterestedOrBeyond", Share(Onward(AiplStage.Aware), Row("aware")), "Share of people Aware at the start who are Interested, Purchased or Loyal at the end."),
                new("interestedToPurchase", Share(Onward(AiplStage.Interested), Row("interested")), "Share of people Interested at the start who are Purchased or Loyal at the end."),
                new("purchasedToLoyal", Share(Onward(AiplStage.Purchased), Row("purchased")), "Share of people Purchased at the start who are Loyal at the end."),
                new("newInStage", flow.Rows.Single(r => r.From == "new").Total, "People in a stage at the end who were in none at the start."),
                new("lost", Column("lost"), "People in a stage at the start who are in none at the end."),
            ],
            [
                new("highValuePeople", highValue, rule.Definition),
                new("highValueShareOfTotal", Share(highValue, totalAfter), "Those people over the AIPL total."),
                new("highValueShareOfGmv", totalSpend == 0 ? 0 : Math.Round((decimal)highValueSpend / totalSpend, 4), "Their share of the purchasers' GMV in the last 365 days."),
            ],
            [
                new("activeShare", Share(active, members.Count), "Share of the people in a stage at the end with an event counted in the last 30 days (Thriving)."),
            ]);
    }

    public async Task<Result<GrowView>> GrowAsync(Caller caller, string? from, string? to, string? category, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var period = Period(from, to);
        if (!period.IsSuccess)
            return period.Error;
        var (first, last) = period.Value;
        var length = last - first + 1;
        var (previousFirst, previousLast) = (first - length, first - 1);
        var resolved = await queries.CategoryAsync(caller.Tenant, category, ct);
        if (!resolved.IsSuccess)
            return resolved.Error;
        var info = await tenants.FindAsync(caller.Tenant, ct);
        if (info is null)
            return MarketingErrors.UnknownTenant(caller.Tenant.Value);
        var rules = await queries.RulesAsync(caller.Tenant, ct);
        var (rows, brand) = await database.ReadAsync(async c => (
            await store.RangeAsync(c, caller.Tenant, resolved.Value, previousFirst, last),
            await store.RangeAsync(c, caller.Tenant, AiplStages.Brand, first - rules.Purchased.Days, first - 1)), ct);
        var split = Grow(rows, brand, previousFirst, previousLast, first, last);
        var factor = 1m;
        for (var i = 0; i < info.Currency.Exponent; i++)
            factor *= 10;
        decimal Major(long minor) => minor / factor;
        return new GrowView(AiplStages.ToApi(resolved.Value), info.Currency.Code, AiplStages.DateOf(previousFirst), AiplStages.DateOf(previousLast),
            AiplStages.DateOf(first), AiplStages.DateOf(last), Major(split.Previous), Major(split.Current), Major(split.Current - split.Previous),
            [
                new("gain", Major(split.Gain.Gmv), split.Gain.Buyers, "GMV of buyers of the category in the period who had bought nothing from the brand before it (within the Purchased window): new penetration."),
                new("retain", Major(split.Retain.Gmv), split.Retain.Buyers, "Minus the GMV, in the period before, of the category's buyers then who did not buy it in this period: what keeping buyers lost (0 when every buyer came back)."),
                new("boost", Major(split.Boost.Gmv), split.Boost.Buyers, "Change in GMV of the buyers of the category in both periods: spend per repeat buyer (price and basket)."),
                new("widen", Major(split.Widen.Gmv), split.Widen.Buyers, "GMV of buyers new to the category in the period who had bought from the brand before it: the brand's buyers widening into it."),
            ]);
    }

    internal readonly record struct Part(long Gmv, long Buyers);

    internal readonly record struct GrowSplit(long Previous, long Current, Part Gain, Part Retain, Part Boost, Part Widen);

    /// <summary>
    /// The split, in minor units: Gain + Retain + Boost + Widen = Current − Previous exactly (each buyer of either period is
    /// in exactly one part, with the period's GMV that defines it).
    /// </summary>
    internal static GrowSplit Grow(IEnumerable<AiplDayRow> category, IEnumerable<AiplDayRow> brandBefore, int previousFirst, int previousLast, int first, int last)
    {
        var before = new Dictionary<string, long>(StringComparer.Ordinal);
        var now = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in category.Where(r => ((AiplKinds)r.Kinds).HasFlag(AiplKinds.Purchase)))
        {
            if (row.Day >= previousFirst && row.Day <= previousLast)
                before[row.ProfileId] = before.GetValueOrDefault(row.ProfileId) + row.RevenueMinor;
            else if (row.Day >= first && row.Day <= last)
                now[row.ProfileId] = now.GetValueOrDefault(row.ProfileId) + row.RevenueMinor;
        }
        var brandBuyers = brandBefore.Where(r => ((AiplKinds)r.Kinds).HasFlag(AiplKinds.Purchase) && r.Day < first).Select(r => r.ProfileId).ToHashSet(StringComparer.Ordinal);
        Part gain = default, retain = default, boost = default, widen = default;
        foreach (var (person, gmv) in now)
        {
            if (before.TryGetValue(person, out var earlier))
                boost = new Part(boost.Gmv + gmv - earlier, boost.Buyers + 1);
            else if (brandBuyers.Contains(person))
                widen = new Part(widen.Gmv + gmv, widen.Buyers + 1);
            else
                gain = new Part(gain.Gmv + gmv, gain.Buyers + 1);
        }
        foreach (var (person, gmv) in before)
        {
            if (!now.ContainsKey(person))
                retain = new Part(retain.Gmv - gmv, retain.Buyers + 1);
        }
        return new GrowSplit(before.Values.Sum(), now.Values.Sum(), gain, retain, boost, widen);
    }

    private Result<(int First, int Last)> Period(string? from, string? to)
    {
        if (string.IsNullOrWhiteSpace(from))
            return MarketingErrors.BadDate(from, "from");
        if (string.IsNullOrWhiteSpace(to))
            return MarketingErrors.BadDate(to, "to");
        var first = queries.Day(from, "from");
        if (!first.IsSuccess)
            return first.Error;
        var last = queries.Day(to, "to");
        if (!last.IsSuccess)
            return last.Error;
        if (last.Value < first.Value)
            return MarketingErrors.BadPeriod(from, to);
        if (last.Value - first.Value >= MaxPeriodDays)
            return MarketingErrors.PeriodTooLong(MaxPeriodDays);
        return (first.Value, last.Value);
    }
}
