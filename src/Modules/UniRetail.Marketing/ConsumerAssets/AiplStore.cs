using System.Data.Common;
using System.Text.Json;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>A person's AIPL day in one category, as stored.</summary>
internal sealed class AiplDayRow
{
    public string Category { get; init; } = "";
    public int Day { get; init; }
    public string ProfileId { get; init; } = "";
    public int Kinds { get; init; }
    public long RevenueMinor { get; init; }
    public string Evidence { get; init; } = "";
}

/// <summary>A person's stage on a day in one category, and whether they refused analytics (then they are left out of counts).</summary>
internal sealed class PersonStageRow
{
    public string ProfileId { get; init; } = "";
    public int Stage { get; init; }
    public int Refused { get; init; }
}

internal sealed class StageCountRow
{
    public string Category { get; init; } = "";
    public int Stage { get; init; }
    public long People { get; init; }
    public long LeftOut { get; init; }
}

internal sealed class SnapshotRow
{
    public string Category { get; init; } = "";
    public int Day { get; init; }
    public long Aware { get; init; }
    public long Interested { get; init; }
    public long Purchased { get; init; }
    public long Loyal { get; init; }
    public long LeftOut { get; init; }
}

/// <summary>
/// The AIPL tables: day rows kept by the projector, the tenant's rules, daily snapshots. A count on a day reads the day
/// rows of the category inside the longest window, in primary-key order (one indexed range), groups them by person and
/// gives each person the stage <see cref="StageSql"/> computes — the same rule as <see cref="AiplRules.StageOn"/>.
/// </summary>
internal sealed class AiplStore
{
    private static readonly BulkInsert Days = new(
        "marketing_aipl_day", ["tenant_id"], ["category", "day", "profile_id", "kinds", "revenue_minor", "evidence"],
        """
        ON CONFLICT (tenant_id, category, day, profile_id) DO UPDATE SET
            kinds = marketing_aipl_day.kinds | excluded.kinds,
            revenue_minor = marketing_aipl_day.revenue_minor + excluded.revenue_minor,
            evidence = CASE WHEN excluded.kinds > marketing_aipl_day.kinds THEN excluded.evidence ELSE marketing_aipl_day.evidence END
        """);

    /// <summary>The stage of a person grouped by profile over the rows from @From to @Day (see <see cref="Parameters"/>).</summary>
    private const string StageSql = """
        CASE
            WHEN SUM(CASE WHEN (d.kinds & 4) <> 0 AND d.day >= @LoyalFrom THEN 1 ELSE 0 END) >= @LoyalPurchaseDays
              OR MAX(CASE WHEN (d.kinds & 8) <> 0 AND d.day >= @LoyalFrom THEN 1 ELSE 0 END) = 1 THEN 4
            WHEN MAX(CASE WHEN (d.kinds & 4) <> 0 AND d.day >= @PurchasedFrom THEN 1 ELSE 0 END) = 1 THEN 3
            WHEN MAX(CASE WHEN (d.kinds & 2) <> 0 AND d.day >= @InterestedFrom THEN 1 ELSE 0 END) = 1 THEN 2
            WHEN MAX(CASE WHEN (d.kinds & 1) <> 0 AND d.day >= @AwareFrom THEN 1 ELSE 0 END) = 1 THEN 1
            ELSE 0
        END
        """;

    private const string Refused =
        "LEFT JOIN marketing_consent c ON c.tenant_id = @TenantId AND c.profile_id = s.profile_id AND c.purpose = 'analytics' AND c.state = 'denied'";

    private static DynamicParameters Parameters(TenantId tenant, string? category, int day, AiplRules rules)
    {
        var p = new DynamicParameters();
        p.Add("TenantId", tenant.Value);
        if (category is not null)
            p.Add("Category", category);
        p.Add("Day", day);
        p.Add("From", day - rules.LongestDays);
        p.Add("LoyalFrom", day - rules.Loyal.Days);
        p.Add("LoyalPurchaseDays", rules.Loyal.PurchaseDays);
        p.Add("PurchasedFrom", day - rules.Purchased.Days);
        p.Add("InterestedFrom", day - rules.Interested.Days);
        p.Add("AwareFrom", day - rules.Aware.Days);
        return p;
    }

    /// <summary>Adds a batch's touches, one row per (category, day, person) already summed by the caller.</summary>
    public Task<int> AddAsync(DbSession session, TenantId tenant, IEnumerable<AiplDayRow> rows) =>
        Days.ExecuteAsync(session, [tenant.Value], rows.Select(r => new object?[] { r.Category, r.Day, r.ProfileId, r.Kinds, r.RevenueMinor, r.Evidence }));

    /// <summary>Folds a merged-away profile's rows into the profile that absorbed it.</summary>
    public async Task MoveAsync(DbSession session, TenantId tenant, string from, string into)
    {
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_aipl_day (tenant_id, category, day, profile_id, kinds, revenue_minor, evidence)
            SELECT tenant_id, category, day, @Into, kinds, revenue_minor, evidence FROM marketing_aipl_day WHERE tenant_id = @TenantId AND profile_id = @From
            ON CONFLICT (tenant_id, category, day, profile_id) DO UPDATE SET
                kinds = marketing_aipl_day.kinds | excluded.kinds,
                revenue_minor = marketing_aipl_day.revenue_minor + excluded.revenue_minor,
                evidence = CASE WHEN excluded.kinds > marketing_aipl_day.kinds THEN excluded.evidence ELSE marketing_aipl_day.evidence END
            """, new { TenantId = tenant.Value, From = from, Into = into }, session.Transaction);
        await session.Connection.ExecuteAsync(
            "DELETE FROM marketing_aipl_day WHERE tenant_id = @TenantId AND profile_id = @From", new { TenantId = tenant.Value, From = from }, session.Transaction);
    }

    public Task<int> DeleteOfProfilesAsync(DbSession session, TenantId tenant, IReadOnlyCollection<string> profileIds) =>
        session.Connection.ExecuteAsync(
            $"DELETE FROM marketing_aipl_day WHERE tenant_id = @TenantId AND {SqlLists.In(session.Connection, "profile_id", "Ids")}",
            new { TenantId = tenant.Value, Ids = profileIds.ToArray() }, session.Transaction);

    /// <summary>Every day row of the tenant: what a re-stitch clears before it replays the tenant's events into new profiles.</summary>
    public Task<int> DeleteTenantAsync(DbSession session, TenantId tenant) =>
        session.Connection.ExecuteAsync("DELETE FROM marketing_aipl_day WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }, session.Transaction);

    /// <summary>
    /// How long counting every category of a day may take (a snapshot): it reads every row of the tenant's longest window,
    /// about 5 per person, which took over the drivers' default 30 s on PostgreSQL for a million people on a loaded box
    /// (docs/benchmarks.md, "A daily AIPL snapshot over many profiles").
    /// </summary>
    public const int EveryCategoryTimeoutSeconds = 900;

    /// <summary>People per category and stage on a day (category null: every category), with how many of them refused analytics.</summary>
    public async Task<List<StageCountRow>> CountsAsync(DbConnection connection, TenantId tenant, string? category, int day, AiplRules rules) =>
        (await connection.QueryAsync<StageCountRow>(
            $"""
            SELECT s.category AS Category, s.stage AS Stage, COUNT(*) AS People, SUM(CASE WHEN c.profile_id IS NULL THEN 0 ELSE 1 END) AS LeftOut
            FROM (
                SELECT d.category, d.profile_id, {StageSql} AS stage
                FROM marketing_aipl_day d
                WHERE d.tenant_id = @TenantId {(category is null ? "" : "AND d.category = @Category")} AND d.day >= @From AND d.day <= @Day
                GROUP BY d.category, d.profile_id
            ) s
            {Refused}
            WHERE s.stage > 0
            GROUP BY s.category, s.stage
            """, Parameters(tenant, category, day, rules), commandTimeout: category is null ? EveryCategoryTimeoutSeconds : null)).ToList();

    /// <summary>Each person's stage on a day in one category (people outside every stage are absent).</summary>
    public async Task<List<PersonStageRow>> StagesAsync(DbConnection connection, TenantId tenant, string category, int day, AiplRules rules) =>
        (await connection.QueryAsync<PersonStageRow>(
            $"""
            SELECT s.profile_id AS ProfileId, s.stage AS Stage, CASE WHEN c.profile_id IS NULL THEN 0 ELSE 1 END AS Refused
            FROM (
                SELECT d.profile_id, {StageSql} AS stage
                FROM marketing_aipl_day d
                WHERE d.tenant_id = @TenantId AND d.category = @Category AND d.day >= @From AND d.day <= @Day
                GROUP BY d.profile_id
            ) s
            {Refused}
            WHERE s.stage > 0
            """, Parameters(tenant, category, day, rules))).ToList();

    /// <summary>One person's rows from <paramref name="fromDay"/> to <paramref name="toDay"/>, every category.</summary>
    public async Task<List<AiplDayRow>> OfProfileAsync(DbConnection connection, TenantId tenant, string profileId, int fromDay, int toDay) =>
        (await connection.QueryAsync<AiplDayRow>(
            """
            SELECT category AS Category, day AS Day, profile_id AS ProfileId, kinds AS Kinds, revenue_minor AS RevenueMinor, evidence AS Evidence
            FROM marketing_aipl_day WHERE tenant_id = @TenantId AND profile_id = @ProfileId AND day >= @From AND day <= @To
            ORDER BY category, day
            """, new { TenantId = tenant.Value, ProfileId = profileId, From = fromDay, To = toDay })).ToList();

    /// <summary>Every row of a category from <paramref name="fromDay"/> to <paramref name="toDay"/>, by person then day: what the forecast reads once.</summary>
    public async Task<List<AiplDayRow>> RangeAsync(DbConnection connection, TenantId tenant, string category, int fromDay, int toDay) =>
        (await connection.QueryAsync<AiplDayRow>(
            """
            SELECT d.category AS Category, d.day AS Day, d.profile_id AS ProfileId, d.kinds AS Kinds, d.revenue_minor AS RevenueMinor, '' AS Evidence
            FROM marketing_aipl_day d
            WHERE d.tenant_id = @TenantId AND d.category = @Category AND d.day >= @From AND d.day <= @To
              AND NOT EXISTS (SELECT 1 FROM marketing_consent c WHERE c.tenant_id = d.tenant_id AND c.profile_id = d.profile_id AND c.purpose = 'analytics' AND c.state = 'denied')
            """, new { TenantId = tenant.Value, Category = category, From = fromDay, To = toDay })).ToList();

    /// <summary>Whether the tenant's events have named the category (an indexed look-up on the key's prefix).</summary>
    public async Task<bool> HasCategoryAsync(DbConnection connection, TenantId tenant, string category) =>
        await connection.ExecuteScalarAsync<int?>(
            "SELECT 1 FROM marketing_aipl_day WHERE tenant_id = @TenantId AND category = @Category LIMIT 1",
            new { TenantId = tenant.Value, Category = category }) is not null;

    /// <summary>The first and last day with a row in the category, or null when it has none.</summary>
    public async Task<(int First, int Last)?> SpanAsync(DbConnection connection, TenantId tenant, string category)
    {
        var span = await connection.QuerySingleAsync<(int? First, int? Last)>(
            "SELECT MIN(day), MAX(day) FROM marketing_aipl_day WHERE tenant_id = @TenantId AND category = @Category",
            new { TenantId = tenant.Value, Category = category });
        return span.First is { } first && span.Last is { } last ? (first, last) : null;
    }

    public async Task<AiplRules?> RulesAsync(DbConnection connection, TenantId tenant, DbTransaction? transaction = null)
    {
        var json = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT rules FROM marketing_aipl_rules WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }, transaction);
        return json is null ? null : AiplRules.From(JsonSerializer.Deserialize<AiplRulesRequest>(json, JsonSerializerOptions.Web)).Value;
    }

    public Task SetRulesAsync(DbSession session, TenantId tenant, AiplRules rules, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_aipl_rules (tenant_id, rules, updated_at_ms) VALUES (@TenantId, @Rules, @AtMs)
            ON CONFLICT (tenant_id) DO UPDATE SET rules = excluded.rules, updated_at_ms = excluded.updated_at_ms
            """, new { TenantId = tenant.Value, Rules = JsonSerializer.Serialize(rules.ToRequest(), JsonSerializerOptions.Web), AtMs = atMs }, session.Transaction);

    public Task SaveSnapshotAsync(DbSession session, TenantId tenant, IEnumerable<SnapshotRow> rows, long atMs) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO marketing_aipl_snapshot (tenant_id, category, day, aware, interested, purchased, loyal, left_out, taken_at_ms)
            VALUES (@TenantId, @Category, @Day, @Aware, @Interested, @Purchased, @Loyal, @LeftOut, @AtMs)
            ON CONFLICT (tenant_id, category, day) DO UPDATE SET aware = excluded.aware, interested = excluded.interested, purchased = excluded.purchased,
                loyal = excluded.loyal, left_out = excluded.left_out, taken_at_ms = excluded.taken_at_ms
            """,
            ["@TenantId", "@Category", "@Day", "@Aware", "@Interested", "@Purchased", "@Loyal", "@LeftOut", "@AtMs"],
            rows.Select(r => new object?[] { tenant.Value, r.Category, r.Day, r.Aware, r.Interested, r.Purchased, r.Loyal, r.LeftOut, atMs }));

    /// <summary>
    /// Saves a day's snapshot unless one is kept already; false when it was. The brand row goes first and claims the day:
    /// a second server counting the same day waits on that row's key and then writes nothing.
    /// </summary>
    public async Task<bool> SaveSnapshotOnceAsync(DbSession session, TenantId tenant, IReadOnlyList<SnapshotRow> rows, long atMs)
    {
        const string Insert = """
            INSERT INTO marketing_aipl_snapshot (tenant_id, category, day, aware, interested, purchased, loyal, left_out, taken_at_ms)
            VALUES (@TenantId, @Category, @Day, @Aware, @Interested, @Purchased, @Loyal, @LeftOut, @AtMs)
            ON CONFLICT (tenant_id, category, day) DO NOTHING
            """;
        string[] names = ["@TenantId", "@Category", "@Day", "@Aware", "@Interested", "@Purchased", "@Loyal", "@LeftOut", "@AtMs"];
        object?[] Values(SnapshotRow r) => [tenant.Value, r.Category, r.Day, r.Aware, r.Interested, r.Purchased, r.Loyal, r.LeftOut, atMs];
        // First, not Single: a category an event named "brand" reads as the brand too, and must not stop the tenant's snapshots.
        var brand = rows.First(r => r.Category == AiplStages.Brand);
        if (await session.ExecuteManyAsync(Insert, names, [Values(brand)]) == 0)
            return false;
        await session.ExecuteManyAsync(Insert, names, rows.Where(r => !ReferenceEquals(r, brand)).Select(Values));
        return true;
    }

    /// <summary>
    /// The tenants that have sent events, each with the last day up to <paramref name="upToDay"/> whose brand snapshot is
    /// kept (null when none): what the daily snapshot goes through.
    /// </summary>
    public async Task<List<(string Tenant, int? LastDay)>> SnapshotTenantsAsync(DbConnection connection, int upToDay) =>
        (await connection.QueryAsync<(string, int?)>(
            """
            SELECT t.tenant_id, (SELECT MAX(n.day) FROM marketing_aipl_snapshot n WHERE n.tenant_id = t.tenant_id AND n.category = '*' AND n.day <= @UpTo)
            FROM (SELECT DISTINCT tenant_id FROM marketing_source) t
            ORDER BY t.tenant_id
            """, new { UpTo = upToDay })).ToList();

    public async Task<List<SnapshotRow>> SnapshotsAsync(DbConnection connection, TenantId tenant, string category, int fromDay, int toDay) =>
        (await connection.QueryAsync<SnapshotRow>(
            """
            SELECT category AS Category, day AS Day, aware AS Aware, interested AS Interested, purchased AS Purchased, loyal AS Loyal, left_out AS LeftOut
            FROM marketing_aipl_snapshot WHERE tenant_id = @TenantId AND category = @Category AND day >= @From AND day <= @To ORDER BY day
            """, new { TenantId = tenant.Value, Category = category, From = fromDay, To = toDay })).ToList();
}
