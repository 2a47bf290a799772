using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Marketing.Persistence;

internal sealed class MergeRow
{
    public string MergeId { get; init; } = "";
    public string KeptProfileId { get; init; } = "";
    public string MergedProfileId { get; init; } = "";
    public string LinkType { get; init; } = "";
    public string LinkValue { get; init; } = "";
    public long EventSeq { get; init; }
    public long AtMs { get; init; }
    /// <summary>The merged profile's identifiers at the merge, as JSON <c>[{"type":…,"value":…}]</c>.</summary>
    public string Identifiers { get; init; } = "[]";
    public string KeptConsent { get; init; } = "{}";
    public string MergedConsent { get; init; } = "{}";
    public long? UndoneAtMs { get; init; }
    /// <summary>The pair this merge's undo keeps apart (smaller id first), or null while it stands.</summary>
    public string? ApartProfileId { get; init; }
    public string? ApartOtherId { get; init; }
}

/// <summary>The record of every merge, which is what makes a merge undoable.</summary>
internal sealed class MergeStore
{
    private const string Columns =
        """
        m.merge_id AS MergeId, m.kept_profile_id AS KeptProfileId, m.merged_profile_id AS MergedProfileId, m.link_type AS LinkType,
        m.link_value AS LinkValue, m.event_seq AS EventSeq, m.at_ms AS AtMs, m.identifiers AS Identifiers, m.kept_consent AS KeptConsent,
        m.merged_consent AS MergedConsent, m.undone_at_ms AS UndoneAtMs, k.profile_id AS ApartProfileId, k.other_id AS ApartOtherId
        """;

    private const string WithPair = "marketing_merge m LEFT JOIN marketing_kept_apart k ON k.tenant_id = m.tenant_id AND k.merge_id = m.merge_id";

    public Task InsertAsync(DbSession session, TenantId tenant, IEnumerable<MergeRow> merges) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO marketing_merge (tenant_id, merge_id, kept_profile_id, merged_profile_id, link_type, link_value, event_seq, at_ms,
                identifiers, kept_consent, merged_consent, undone_at_ms)
            VALUES (@TenantId, @MergeId, @KeptProfileId, @MergedProfileId, @LinkType, @LinkValue, @EventSeq, @AtMs,
                @Identifiers, @KeptConsent, @MergedConsent, NULL)
            """,
            ["@TenantId", "@MergeId", "@KeptProfileId", "@MergedProfileId", "@LinkType", "@LinkValue", "@EventSeq", "@AtMs", "@Identifiers", "@KeptConsent", "@MergedConsent"],
            merges.Select(m => new object?[]
            {
                tenant.Value, m.MergeId, m.KeptProfileId, m.MergedProfileId, m.LinkType, m.LinkValue, m.EventSeq, m.AtMs, m.Identifiers, m.KeptConsent, m.MergedConsent,
            }));

    public async Task<MergeRow?> FindAsync(DbConnection connection, TenantId tenant, string mergeId, DbTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<MergeRow>(
            $"SELECT {Columns} FROM {WithPair} WHERE m.tenant_id = @TenantId AND m.merge_id = @MergeId",
            new { TenantId = tenant.Value, MergeId = mergeId }, transaction);

    /// <summary>Merges that kept or folded in any of the profiles, oldest first.</summary>
    public async Task<List<MergeRow>> OfProfilesAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<string> profileIds, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<MergeRow>(
            $"""
            SELECT {Columns} FROM {WithPair}
            WHERE m.tenant_id = @TenantId AND ({SqlLists.In(connection, "m.kept_profile_id", "Ids")} OR {SqlLists.In(connection, "m.merged_profile_id", "Ids")})
            ORDER BY m.at_ms, m.merge_id
            """, new { TenantId = tenant.Value, Ids = profileIds.ToArray() }, transaction)).ToList();

    public async Task<bool> MarkUndoneAsync(DbSession session, TenantId tenant, string mergeId, long atMs) =>
        await session.Connection.ExecuteAsync(
            "UPDATE marketing_merge SET undone_at_ms = @AtMs WHERE tenant_id = @TenantId AND merge_id = @MergeId AND undone_at_ms IS NULL",
            new { TenantId = tenant.Value, MergeId = mergeId, AtMs = atMs }, session.Transaction) == 1;

    /// <summary>Deletes the merge records and kept-apart pairs of the profiles.</summary>
    public async Task DeleteOfProfilesAsync(DbSession session, TenantId tenant, IReadOnlyCollection<string> profileIds)
    {
        var c = session.Connection;
        var parameters = new { TenantId = tenant.Value, Ids = profileIds.ToArray() };
        await c.ExecuteAsync(
            $"""
            DELETE FROM marketing_merge
            WHERE tenant_id = @TenantId AND ({SqlLists.In(c, "kept_profile_id", "Ids")} OR {SqlLists.In(c, "merged_profile_id", "Ids")})
            """, parameters, session.Transaction);
        await c.ExecuteAsync(
            $"DELETE FROM marketing_kept_apart WHERE tenant_id = @TenantId AND ({SqlLists.In(c, "profile_id", "Ids")} OR {SqlLists.In(c, "other_id", "Ids")})",
            parameters, session.Transaction);
    }

    /// <summary>Records that two profiles must never be merged again (an undo's verdict); a pair kept apart already stays as it was.</summary>
    public Task KeepApartAsync(DbSession session, TenantId tenant, string profileId, string otherId, string mergeId, long atMs)
    {
        var (first, second) = string.CompareOrdinal(profileId, otherId) < 0 ? (profileId, otherId) : (otherId, profileId);
        return session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_kept_apart (tenant_id, profile_id, other_id, merge_id, at_ms) VALUES (@TenantId, @First, @Second, @MergeId, @AtMs)
            ON CONFLICT (tenant_id, profile_id, other_id) DO NOTHING
            """, new { TenantId = tenant.Value, First = first, Second = second, MergeId = mergeId, AtMs = atMs }, session.Transaction);
    }

    /// <summary>
    /// The tenant's kept-apart pairs as live profiles: a side merged into another profile since (however many merges on)
    /// is that profile now, so what one person was kept apart from, the profile holding them still is. Pairs come only from
    /// undos, so a tenant has few; a tenant with none costs one indexed read.
    /// </summary>
    public async Task<List<(string, string)>> KeptApartAsync(DbConnection connection, TenantId tenant)
    {
        var pairs = (await connection.QueryAsync<(string, string)>(
            "SELECT profile_id, other_id FROM marketing_kept_apart WHERE tenant_id = @TenantId", new { TenantId = tenant.Value })).ToList();
        if (pairs.Count == 0)
            return pairs;
        var live = pairs.SelectMany(p => new[] { p.Item1, p.Item2 }).Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => id, StringComparer.Ordinal);
        for (var hop = 0; hop < ProfileStore.MaxMergeHops; hop++)
        {
            var into = (await connection.QueryAsync<(string, string)>(
                $"SELECT profile_id, merged_into FROM marketing_profile WHERE tenant_id = @TenantId AND merged_into IS NOT NULL AND {SqlLists.InStrings(connection, "profile_id", "Ids")}",
                new { TenantId = tenant.Value, Ids = SqlLists.Strings(connection, live.Values.Distinct(StringComparer.Ordinal)) }))
                .ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
            if (into.Count == 0)
                break;
            foreach (var (id, now) in live.ToList())
                live[id] = into.GetValueOrDefault(now, now);
        }
        return pairs.Select(p => (live[p.Item1], live[p.Item2])).Where(p => p.Item1 != p.Item2).ToList();
    }
}
