using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.Persistence;

internal sealed class ProfileRow
{
    public string ProfileId { get; init; } = "";
    public string? MergedInto { get; init; }
    public long Version { get; init; }
    public long CreatedAtMs { get; init; }
    public long? FirstSeenMs { get; init; }
    public long? LastSeenMs { get; init; }
    public long EventCount { get; init; }
    public long OrderCount { get; init; }
    public long RefundCount { get; init; }
    public long CancelCount { get; init; }
    public long? LastPurchaseMs { get; init; }
    public string Revenue { get; init; } = "{}";
    public string StoreEvents { get; init; } = "{}";
    public string Channels { get; init; } = "[]";
    public string Traits { get; init; } = "{}";

    public ProfileState ToState(IEnumerable<ConsentRow> consent) => new(ProfileId, CreatedAtMs)
    {
        Version = Version,
        FirstSeenMs = FirstSeenMs,
        LastSeenMs = LastSeenMs,
        EventCount = EventCount,
        OrderCount = OrderCount,
        RefundCount = RefundCount,
        CancelCount = CancelCount,
        LastPurchaseMs = LastPurchaseMs,
        Revenue = ProfileJson.ReadCounts(Revenue),
        StoreEvents = ProfileJson.ReadCounts(StoreEvents),
        Channels = ProfileJson.ReadNames(Channels),
        Traits = ProfileJson.ReadTraits(Traits),
        Consent = consent.ToDictionary(c => ConsentPurposes.Parse(c.Purpose).Value, c => c.ToChoice()),
    };
}

internal sealed class ConsentRow
{
    public string ProfileId { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string State { get; init; } = "";
    public long AtMs { get; init; }
    public string SourceId { get; init; } = "";

    public ConsentChoice ToChoice() => new(State == "granted", AtMs, SourceId);
}

/// <summary>Profiles and their consent. Every update checks the version the profile was read at.</summary>
internal sealed class ProfileStore
{
    /// <summary>How far a chain of merges is followed to the live profile (a longer one is taken as corrupt).</summary>
    public const int MaxMergeHops = 64;

    private const string Columns =
        """
        profile_id AS ProfileId, merged_into AS MergedInto, version AS Version, created_at_ms AS CreatedAtMs, first_seen_ms AS FirstSeenMs,
        last_seen_ms AS LastSeenMs, event_count AS EventCount, order_count AS OrderCount, refund_count AS RefundCount,
        cancel_count AS CancelCount, last_purchase_ms AS LastPurchaseMs, revenue AS Revenue, store_events AS StoreEvents,
        channels AS Channels, traits AS Traits
        """;

    public async Task<ProfileRow?> FindAsync(DbConnection connection, TenantId tenant, string profileId, DbTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<ProfileRow>(
            $"SELECT {Columns} FROM marketing_profile WHERE tenant_id = @TenantId AND profile_id = @ProfileId",
            new { TenantId = tenant.Value, ProfileId = profileId }, transaction);

    /// <summary>The live profiles among <paramref name="profileIds"/> with their consent.</summary>
    public async Task<List<ProfileState>> LoadAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<string> profileIds)
    {
        if (profileIds.Count == 0)
            return [];
        var rows = await connection.QueryAsync<ProfileRow>(
            $"SELECT {Columns} FROM marketing_profile WHERE tenant_id = @TenantId AND merged_into IS NULL AND {SqlLists.InStrings(connection, "profile_id", "Ids")}",
            new { TenantId = tenant.Value, Ids = SqlLists.Strings(connection, profileIds) });
        var consent = (await ConsentAsync(connection, tenant, profileIds)).ToLookup(c => c.ProfileId);
        return rows.Select(r => r.ToState(consent[r.ProfileId])).ToList();
    }

    /// <summary>
    /// The loyalty tier (the <c>tier</c> trait) of every live profile of the tenant that has one, by profile id: one
    /// pass over the tenant's profiles, for FAST's Superiority by tier.
    /// </summary>
    public async Task<Dictionary<string, string>> TiersAsync(DbConnection connection, TenantId tenant)
    {
        var rows = await connection.QueryAsync<(string ProfileId, string Traits)>(
            """
            SELECT profile_id, traits FROM marketing_profile
            WHERE tenant_id = @TenantId AND merged_into IS NULL AND traits LIKE '%"tier"%'
            """, new { TenantId = tenant.Value });
        var tiers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (profileId, traits) in rows)
        {
            if (ProfileJson.ReadTraits(traits).TryGetValue("tier", out var tier) && ProfileJson.Text(tier.Json) is { } name)
                tiers[profileId] = name;
        }
        return tiers;
    }

    public async Task<List<ConsentRow>> ConsentAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<string> profileIds, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<ConsentRow>(
            $"""
            SELECT profile_id AS ProfileId, purpose AS Purpose, state AS State, at_ms AS AtMs, source_id AS SourceId
            FROM marketing_consent WHERE tenant_id = @TenantId AND {SqlLists.InStrings(connection, "profile_id", "Ids")}
            """, new { TenantId = tenant.Value, Ids = SqlLists.Strings(connection, profileIds) }, transaction)).ToList();

    private static readonly string[] ProfileParameters =
    [
        "@TenantId", "@ProfileId", "@Version", "@CreatedAtMs", "@FirstSeenMs", "@LastSeenMs", "@EventCount", "@OrderCount", "@RefundCount", "@CancelCount",
        "@LastPurchaseMs", "@FavouriteStore", "@Revenue", "@StoreEvents", "@Channels", "@Traits",
    ];

    public Task InsertAsync(DbSession session, TenantId tenant, IEnumerable<ProfileState> profiles) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO marketing_profile (tenant_id, profile_id, merged_into, version, created_at_ms, first_seen_ms, last_seen_ms, event_count,
                order_count, refund_count, cancel_count, last_purchase_ms, favourite_store, revenue, store_events, channels, traits)
            VALUES (@TenantId, @ProfileId, NULL, @Version + 1, @CreatedAtMs, @FirstSeenMs, @LastSeenMs, @EventCount,
                @OrderCount, @RefundCount, @CancelCount, @LastPurchaseMs, @FavouriteStore, @Revenue, @StoreEvents, @Channels, @Traits)
            """, ProfileParameters, profiles.Select(p => Values(tenant, p)));

    /// <summary>Saves the profiles; false when any was changed by someone else since it was read.</summary>
    public async Task<bool> UpdateAsync(DbSession session, TenantId tenant, IReadOnlyCollection<ProfileState> profiles) =>
        await session.ExecuteManyAsync(
            """
            UPDATE marketing_profile SET version = version + 1, first_seen_ms = @FirstSeenMs, last_seen_ms = @LastSeenMs,
                event_count = @EventCount, order_count = @OrderCount, refund_count = @RefundCount, cancel_count = @CancelCount,
                last_purchase_ms = @LastPurchaseMs, favourite_store = @FavouriteStore, revenue = @Revenue, store_events = @StoreEvents,
                channels = @Channels, traits = @Traits
            WHERE tenant_id = @TenantId AND profile_id = @ProfileId AND version = @Version AND merged_into IS NULL AND created_at_ms = @CreatedAtMs
            """, ProfileParameters, profiles.Select(p => Values(tenant, p))) == profiles.Count;

    /// <summary>Marks profiles as merged into others (their rows stay so their ids still lead to the person); false when any changed meanwhile.</summary>
    public async Task<bool> MarkMergedAsync(DbSession session, TenantId tenant, IReadOnlyCollection<(string ProfileId, long Version, string Into)> merged) =>
        await session.ExecuteManyAsync(
            """
            UPDATE marketing_profile SET merged_into = @Into, version = version + 1
            WHERE tenant_id = @TenantId AND profile_id = @ProfileId AND version = @Version AND merged_into IS NULL
            """, ["@TenantId", "@ProfileId", "@Version", "@Into"], merged.Select(m => new object?[] { tenant.Value, m.ProfileId, m.Version, m.Into })) == merged.Count;

    public async Task<bool> UnmarkMergedAsync(DbSession session, TenantId tenant, string profileId, string into) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE marketing_profile SET merged_into = NULL, version = version + 1
            WHERE tenant_id = @TenantId AND profile_id = @ProfileId AND merged_into = @Into
            """, new { TenantId = tenant.Value, ProfileId = profileId, Into = into }, session.Transaction) == 1;

    /// <summary>Profiles merged into <paramref name="profileId"/>, directly.</summary>
    public async Task<List<string>> MergedIntoAsync(DbConnection connection, TenantId tenant, string profileId, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<string>(
            "SELECT profile_id FROM marketing_profile WHERE tenant_id = @TenantId AND merged_into = @ProfileId",
            new { TenantId = tenant.Value, ProfileId = profileId }, transaction)).ToList();

    /// <summary>Marks a profile changed without touching its figures (consent was recorded beside it), so a projector that read it earlier plans again.</summary>
    public async Task<bool> TouchAsync(DbSession session, TenantId tenant, string profileId) =>
        await session.Connection.ExecuteAsync(
            "UPDATE marketing_profile SET version = version + 1 WHERE tenant_id = @TenantId AND profile_id = @ProfileId AND merged_into IS NULL",
            new { TenantId = tenant.Value, ProfileId = profileId }, session.Transaction) == 1;

    public Task UpsertConsentAsync(DbSession session, TenantId tenant, string profileId, IEnumerable<KeyValuePair<ConsentPurpose, ConsentChoice>> consent) =>
        UpsertConsentAsync(session, tenant, consent.Select(c => (profileId, c.Key, c.Value)));

    public Task UpsertConsentAsync(DbSession session, TenantId tenant, IEnumerable<(string ProfileId, ConsentPurpose Purpose, ConsentChoice Choice)> consent) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO marketing_consent (tenant_id, profile_id, purpose, state, at_ms, source_id)
            VALUES (@TenantId, @ProfileId, @Purpose, @State, @AtMs, @SourceId)
            ON CONFLICT (tenant_id, profile_id, purpose) DO UPDATE SET state = excluded.state, at_ms = excluded.at_ms, source_id = excluded.source_id
            """,
            ["@TenantId", "@ProfileId", "@Purpose", "@State", "@AtMs", "@SourceId"],
            consent.Select(c => new object?[]
            {
                tenant.Value, c.ProfileId, ConsentPurposes.ToName(c.Purpose), c.Choice.Granted ? "granted" : "denied", c.Choice.AtMs, c.Choice.SourceId,
            }));

    public Task DeleteConsentAsync(DbSession session, TenantId tenant, IReadOnlyCollection<string> profileIds) =>
        session.Connection.ExecuteAsync(
            $"DELETE FROM marketing_consent WHERE tenant_id = @TenantId AND {SqlLists.In(session.Connection, "profile_id", "Ids")}",
            new { TenantId = tenant.Value, Ids = profileIds.ToArray() }, session.Transaction);

    /// <summary>Live profiles whose choice for a purpose allows it (an explicit grant, or no choice where the default allows).</summary>
    public async Task<List<string>> AllowingAsync(DbConnection connection, TenantId tenant, ConsentPurpose purpose, string? after, int limit)
    {
        var sql = ConsentPurposes.DefaultFor(purpose)
            ? """
              SELECT p.profile_id FROM marketing_profile p
              WHERE p.tenant_id = @TenantId AND p.merged_into IS NULL AND p.profile_id > @After AND NOT EXISTS (
                  SELECT 1 FROM marketing_consent c WHERE c.tenant_id = p.tenant_id AND c.profile_id = p.profile_id AND c.purpose = @Purpose AND c.state = 'denied')
              ORDER BY p.profile_id LIMIT @Limit
              """
            : """
              SELECT c.profile_id FROM marketing_consent c
              JOIN marketing_profile p ON p.tenant_id = c.tenant_id AND p.profile_id = c.profile_id AND p.merged_into IS NULL
              WHERE c.tenant_id = @TenantId AND c.purpose = @Purpose AND c.state = 'granted' AND c.profile_id > @After
              ORDER BY c.profile_id LIMIT @Limit
              """;
        return (await connection.QueryAsync<string>(sql, new { TenantId = tenant.Value, Purpose = ConsentPurposes.ToName(purpose), After = after ?? "", Limit = limit })).ToList();
    }

    /// <summary>Which of these id values (as events carry them) belong to people who refused a purpose.</summary>
    public async Task<HashSet<(string Type, string Value)>> RefusedAsync(DbConnection connection, TenantId tenant, ConsentPurpose purpose, IEnumerable<string> values)
    {
        var rows = await connection.QueryAsync<(string, string)>(
            $"""
            SELECT i.id_type, i.id_value FROM marketing_identity i
            JOIN marketing_consent c ON c.tenant_id = i.tenant_id AND c.profile_id = i.profile_id AND c.purpose = @Purpose AND c.state = 'denied'
            WHERE i.tenant_id = @TenantId AND i.id_type IN ('user_id', 'member_id', 'anonymous_id') AND {SqlLists.InStrings(connection, "i.id_value", "Values")}
            """, new { TenantId = tenant.Value, Purpose = ConsentPurposes.ToName(purpose), Values = SqlLists.Strings(connection, values.Distinct()) });
        return rows.ToHashSet();
    }

    /// <summary>The tenant's live profiles.</summary>
    public Task<long> CountAsync(DbConnection connection, TenantId tenant) =>
        connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM marketing_profile WHERE tenant_id = @TenantId AND merged_into IS NULL", new { TenantId = tenant.Value });

    public Task<int> DeleteAsync(DbSession session, TenantId tenant, IReadOnlyCollection<string> profileIds) =>
        session.Connection.ExecuteAsync(
            $"DELETE FROM marketing_profile WHERE tenant_id = @TenantId AND {SqlLists.In(session.Connection, "profile_id", "Ids")}",
            new { TenantId = tenant.Value, Ids = profileIds.ToArray() }, session.Transaction);

    private static object?[] Values(TenantId tenant, ProfileState p) =>
    [
        tenant.Value, p.ProfileId, p.Version, p.CreatedAtMs, p.FirstSeenMs, p.LastSeenMs, p.EventCount, p.OrderCount, p.RefundCount, p.CancelCount,
        p.LastPurchaseMs, p.FavouriteStore, ProfileJson.Counts(p.Revenue), ProfileJson.Counts(p.StoreEvents), ProfileJson.Names(p.Channels),
        ProfileJson.Traits(p.Traits),
    ];
}
