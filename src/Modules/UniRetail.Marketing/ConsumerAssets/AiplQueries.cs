using System.Globalization;
using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.ConsumerAssets;

internal sealed record StageCount(string Stage, long People);

/// <summary>
/// AIPL counts of a category (or the brand) at the end of a day. <c>LeftOut</c>: people in a stage who refused analytics,
/// not counted in <c>Stages</c> or <c>Total</c>.
/// </summary>
internal sealed record AiplCountsView(string Category, DateOnly Date, IReadOnlyList<StageCount> Stages, long Total, long LeftOut);

/// <summary>One row of a flow: the people in <c>From</c> on the first day, by their stage on the second ("lost": in no stage then).</summary>
internal sealed record FlowRow(string From, IReadOnlyDictionary<string, long> To, long Total);

/// <summary>
/// The stage-to-stage flow between two days. Rows are the first day's stages plus "new" (in no stage then); columns the
/// second day's stages plus "lost". A stage's row adds up to its count on the first day, a stage's column to its count on
/// the second.
/// </summary>
internal sealed record AiplFlowView(string Category, DateOnly From, DateOnly To, IReadOnlyList<FlowRow> Rows, IReadOnlyDictionary<string, long> ColumnTotals, long LeftOut);

/// <summary>A day of a person's AIPL rows: what they did (exposure, engagement, purchase, loyalty) and the event that put the highest of it there.</summary>
internal sealed record AiplEvidence(DateOnly Date, IReadOnlyList<string> Kinds, string MessageId);

internal sealed record PersonCategoryStage(string Category, string Stage, IReadOnlyList<AiplEvidence> Because);

/// <summary>A person's stage per category on a day, each with the days and events that put them there.</summary>
internal sealed record AiplPersonView(string ProfileId, DateOnly Date, IReadOnlyList<PersonCategoryStage> Categories);

/// <summary>AIPL read from the day rows the projector keeps: counts on a day, the flow between two days, one person's stages.</summary>
internal sealed class AiplQueries(Database database, AiplStore store, ProfileQueries profiles, IEnumerable<ICatalogCategories> catalogs, TimeProvider clock)
{
    private readonly ICatalogCategories? _catalog = catalogs.FirstOrDefault();

    public async Task<Result<AiplCountsView>> CountsAsync(Caller caller, string? category, string? date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var day = Day(date, "date");
        if (!day.IsSuccess)
            return day.Error;
        var resolved = await CategoryAsync(caller.Tenant, category, ct);
        if (!resolved.IsSuccess)
            return resolved.Error;
        var rules = await RulesAsync(caller.Tenant, ct);
        var rows = await database.ReadAsync(c => store.CountsAsync(c, caller.Tenant, resolved.Value, day.Value, rules), ct);
        return View(resolved.Value, day.Value, rows);
    }

    public async Task<Result<AiplFlowView>> FlowAsync(Caller caller, string? from, string? to, string? category, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var first = Day(from, "from");
        if (!first.IsSuccess)
            return first.Error;
        var second = Day(to, "to");
        if (!second.IsSuccess)
            return second.Error;
        if (second.Value < first.Value)
            return MarketingErrors.BadPeriod(AiplStages.DateOf(first.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AiplStages.DateOf(second.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var resolved = await CategoryAsync(caller.Tenant, category, ct);
        if (!resolved.IsSuccess)
            return resolved.Error;
        var rules = await RulesAsync(caller.Tenant, ct);
        var (before, after) = await database.ReadAsync(async c =>
            (await store.StagesAsync(c, caller.Tenant, resolved.Value, first.Value, rules), await store.StagesAsync(c, caller.Tenant, resolved.Value, second.Value, rules)), ct);
        return Flow(resolved.Value, first.Value, second.Value, before, after);
    }

    private static readonly List<string> FlowRows = ["new", .. AiplStages.Counted.Select(AiplStages.ToName)];
    private static readonly List<string> FlowColumns = [.. AiplStages.Counted.Select(AiplStages.ToName), "lost"];
    private static readonly (AiplKinds Kind, string Name)[] Kinds =
        [(AiplKinds.Exposure, "exposure"), (AiplKinds.Engagement, "engagement"), (AiplKinds.Purchase, "purchase"), (AiplKinds.LoyaltySignal, "loyalty")];

    /// <summary>The flow matrix from two days' per-person stages; people who refused analytics are left out of both.</summary>
    internal static AiplFlowView Flow(string category, int first, int second, List<PersonStageRow> before, List<PersonStageRow> after)
    {
        var refused = before.Concat(after).Where(r => r.Refused == 1).Select(r => r.ProfileId).ToHashSet(StringComparer.Ordinal);
        var then = before.Where(r => r.Refused == 0).ToDictionary(r => r.ProfileId, r => (AiplStage)r.Stage, StringComparer.Ordinal);
        var now = after.Where(r => r.Refused == 0).ToDictionary(r => r.ProfileId, r => (AiplStage)r.Stage, StringComparer.Ordinal);
        var rowNames = FlowRows;
        var columnNames = FlowColumns;
        var cells = rowNames.ToDictionary(r => r, _ => columnNames.ToDictionary(c => c, _ => 0L, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (person, stage) in then)
            cells[AiplStages.ToName(stage)][now.TryGetValue(person, out var later) ? AiplStages.ToName(later) : "lost"]++;
        foreach (var (person, stage) in now)
        {
            if (!then.ContainsKey(person))
                cells["new"][AiplStages.ToName(stage)]++;
        }
        var rows = rowNames.Select(r => new FlowRow(r, cells[r], cells[r].Values.Sum())).ToList();
        var columns = columnNames.ToDictionary(c => c, c => rowNames.Sum(r => cells[r][c]), StringComparer.Ordinal);
        return new AiplFlowView(AiplStages.ToApi(category), AiplStages.DateOf(first), AiplStages.DateOf(second), rows, columns, refused.Count);
    }

    public async Task<Result<AiplPersonView>> PersonAsync(Caller caller, string profileId, string? date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var day = Day(date, "date");
        if (!day.IsSuccess)
            return day.Error;
        var profile = await profiles.ShowAsync(caller, profileId, ct);
        if (!profile.IsSuccess)
            return profile.Error;
        var onDate = AiplStages.DateOf(day.Value);
        // A marketer sees the figures of people whose analytics consent allows it; an admin sees everyone's.
        var refused = profile.Value.Consent.Any(c => c.Purpose == ConsentPurposes.ToName(ConsentPurpose.Analytics) && !c.Granted);
        if (refused && caller.Role != Role.Admin)
            return new AiplPersonView(profile.Value.ProfileId, onDate, []);
        var rules = await RulesAsync(caller.Tenant, ct);
        var rows = await database.ReadAsync(c => store.OfProfileAsync(c, caller.Tenant, profile.Value.ProfileId, day.Value - rules.LongestDays, day.Value), ct);
        var categories = new List<PersonCategoryStage>();
        foreach (var group in rows.GroupBy(r => r.Category, StringComparer.Ordinal).OrderBy(g => g.Key == AiplStages.Brand ? "" : g.Key, StringComparer.Ordinal))
        {
            var days = group.Select(r => (r.Day, (AiplKinds)r.Kinds)).ToList();
            var stage = rules.StageOn(day.Value, days);
            if (stage == AiplStage.Outside)
                continue;
            var because = group.Where(r => Supports(rules, stage, day.Value, r)).OrderByDescending(r => r.Day)
                .Select(r => new AiplEvidence(AiplStages.DateOf(r.Day), KindNames((AiplKinds)r.Kinds), r.Evidence)).ToList();
            categories.Add(new PersonCategoryStage(AiplStages.ToApi(group.Key), AiplStages.ToName(stage), because));
        }
        return new AiplPersonView(profile.Value.ProfileId, onDate, categories);
    }

    /// <summary>Whether a day row is one of those that put the person in <paramref name="stage"/>.</summary>
    private static bool Supports(AiplRules rules, AiplStage stage, int day, AiplDayRow row)
    {
        var age = day - row.Day;
        var kinds = (AiplKinds)row.Kinds;
        return stage switch
        {
            AiplStage.Loyal => age <= rules.Loyal.Days && (kinds.HasFlag(AiplKinds.Purchase) || kinds.HasFlag(AiplKinds.LoyaltySignal)),
            AiplStage.Purchased => age <= rules.Purchased.Days && kinds.HasFlag(AiplKinds.Purchase),
            AiplStage.Interested => age <= rules.Interested.Days && kinds.HasFlag(AiplKinds.Engagement),
            AiplStage.Aware => age <= rules.Aware.Days && kinds.HasFlag(AiplKinds.Exposure),
            _ => false,
        };
    }

    private static List<string> KindNames(AiplKinds kinds) =>
        Kinds.Where(k => kinds.HasFlag(k.Kind)).Select(k => k.Name).ToList();

    /// <summary>Counts of every category on a day, saved as that day's snapshot (taken again, it replaces the day's counts).</summary>
    public async Task<Result<IReadOnlyList<AiplCountsView>>> SnapshotAsync(Caller caller, string? date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var day = Day(date, "date");
        if (!day.IsSuccess)
            return day.Error;
        var views = await EveryCategoryAsync(caller.Tenant, day.Value, ct);
        await database.WriteAsync(async session =>
        {
            await store.SaveSnapshotAsync(session, caller.Tenant, SnapshotRows(views, day.Value), clock.GetUtcNow().ToUnixTimeMilliseconds());
            return Result<Unit>.Success(Unit.Value);
        }, ct);
        return views;
    }

    /// <summary>Counts of every category on a day, by category name; the brand is always among them.</summary>
    internal async Task<List<AiplCountsView>> EveryCategoryAsync(TenantId tenant, int day, CancellationToken ct)
    {
        var rules = await RulesAsync(tenant, ct);
        var rows = await database.ReadAsync(c => store.CountsAsync(c, tenant, null, day, rules), ct);
        var views = rows.GroupBy(r => r.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => View(g.Key, day, g.ToList())).ToList();
        if (!views.Exists(v => v.Category == AiplStages.ToApi(AiplStages.Brand)))
            views.Add(View(AiplStages.Brand, day, []));
        return views;
    }

    /// <summary>The counts as a snapshot keeps them: only counts, one row per category.</summary>
    internal static List<SnapshotRow> SnapshotRows(IEnumerable<AiplCountsView> views, int day) =>
        views.Select(v => new SnapshotRow
        {
            Category = v.Category == AiplStages.ToApi(AiplStages.Brand) ? AiplStages.Brand : v.Category, Day = day,
            Aware = People(v, AiplStage.Aware), Interested = People(v, AiplStage.Interested), Purchased = People(v, AiplStage.Purchased), Loyal = People(v, AiplStage.Loyal),
            LeftOut = v.LeftOut,
        }).ToList();

    /// <summary>The snapshots kept for a category between two days, oldest first.</summary>
    public async Task<Result<IReadOnlyList<AiplCountsView>>> HistoryAsync(Caller caller, string? category, string? from, string? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var first = Day(from, "from");
        if (!first.IsSuccess)
            return first.Error;
        var last = Day(to, "to");
        if (!last.IsSuccess)
            return last.Error;
        if (last.Value < first.Value)
            return MarketingErrors.BadPeriod(from ?? "", to ?? "");
        if (last.Value - first.Value > MaxHistoryDays)
            return MarketingErrors.PeriodTooLong(MaxHistoryDays);
        var resolved = await CategoryAsync(caller.Tenant, category, ct);
        if (!resolved.IsSuccess)
            return resolved.Error;
        var rows = await database.ReadAsync(c => store.SnapshotsAsync(c, caller.Tenant, resolved.Value, first.Value, last.Value), ct);
        return rows.Select(r => new AiplCountsView(AiplStages.ToApi(r.Category), AiplStages.DateOf(r.Day),
            [new("aware", r.Aware), new("interested", r.Interested), new("purchased", r.Purchased), new("loyal", r.Loyal)],
            r.Aware + r.Interested + r.Purchased + r.Loyal, r.LeftOut)).ToList();
    }

    /// <summary>The most days one history read covers (ten years of daily snapshots).</summary>
    public const int MaxHistoryDays = 3660;

    private static long People(AiplCountsView view, AiplStage stage) => view.Stages.First(s => s.Stage == AiplStages.ToName(stage)).People;

    private static AiplCountsView View(string category, int day, List<StageCountRow> rows)
    {
        var stages = AiplStages.Counted.Select(s => new StageCount(AiplStages.ToName(s), rows.Where(r => r.Stage == (int)s).Sum(r => r.People - r.LeftOut))).ToList();
        return new AiplCountsView(AiplStages.ToApi(category), AiplStages.DateOf(day), stages, stages.Sum(s => s.People), rows.Sum(r => r.LeftOut));
    }

    public async Task<AiplRules> RulesAsync(TenantId tenant, CancellationToken ct) =>
        await database.ReadAsync(c => store.RulesAsync(c, tenant), ct) ?? AiplRules.Default;

    /// <summary>A day given as yyyy-MM-dd; none given is today (UTC).</summary>
    public Result<int> Day(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return AiplStages.DayOf(clock.GetUtcNow().ToUnixTimeMilliseconds());
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1970)
            return MarketingErrors.BadDate(value, field);
        return AiplStages.DayOf(date);
    }

    /// <summary>The category as stored: "brand" (or none) is the brand; otherwise one the tenant's events or catalog name.</summary>
    public async Task<Result<string>> CategoryAsync(TenantId tenant, string? category, CancellationToken ct)
    {
        var name = category?.Trim();
        if (string.IsNullOrEmpty(name) || name.Equals("brand", StringComparison.OrdinalIgnoreCase))
            return AiplStages.Brand;
        if (name.Length > AiplFold.MaxCategoryLength || name == AiplStages.Brand)
            return MarketingErrors.UnknownCategory(name.Length > 50 ? name[..50] + "…" : name);
        if (await database.ReadAsync(c => store.HasCategoryAsync(c, tenant, name), ct))
            return name;
        if (_catalog is not null && (await _catalog.KnownAsync(tenant, [name], ct)).Contains(name))
            return name;
        return MarketingErrors.UnknownCategory(name);
    }
}
