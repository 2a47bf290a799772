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
}

/// <summary>The record of every merge, which is what makes a merge undoable.</summary>
internal sealed class MergeStore
{
    private const string Columns =
        """
        merge_id AS MergeId, kept_profile_id AS KeptProfileId, merged_profile_id AS MergedProfileId, link_type AS LinkType,
        link_value AS LinkValue, event_seq AS EventSeq, at_ms AS AtMs, identifiers AS Identifiers, kept_consent AS KeptConsent,
        merged_consent AS MergedConsent, undone_at_ms AS UndoneAtMs
        """;

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
            $"SELECT {Columns} FROM marketing_merge WHERE tenant_id = @TenantId AND merge_id = @MergeId",
            new { TenantId = tenant.Value, MergeId = mergeId }, transaction);

    /// <summary>Merges that kept or folded in any of the profiles, oldest first.</summary>
    public async Task<List<MergeRow>> OfProfilesAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<string> profileIds, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<MergeRow>(
            $"""
            SELECT {Columns} FROM marketing_merge
            WHERE tenant_id = @TenantId AND ({SqlLists.In(connection, "kept_profile_id", "Ids")} OR {SqlLists.In(connection, "merged_profile_id", "Ids")})
            ORDER BY at_ms, merge_id
            """, new { TenantId = tenant.Value, Ids = profileIds.ToArray() }, transaction)).ToList();

    public async Task<bool> MarkUndoneAsync(DbSession session, TenantId tenant, string mergeId, long atMs) =>
        await session.Connection.ExecuteAsync(
            "UPDATE marketing_merge SET undone_at_ms = @AtMs WHERE tenant_id = @TenantId AND merge_id = @MergeId AND undone_at_ms IS NULL",
            new { TenantId = tenant.Value, MergeId = mergeId, AtMs = atMs }, session.Transaction) == 1;

    public Task<int> DeleteOfProfilesAsync(DbSession session, TenantId tenant, IReadOnlyCollection<string> profileIds) =>
        session.Connection.ExecuteAsync(
            $"""
            DELETE FROM marketing_merge
            WHERE tenant_id = @TenantId AND ({SqlLists.In(session.Connection, "kept_profile_id", "Ids")} OR {SqlLists.In(session.Connection, "merged_profile_id", "Ids")})
            """, new { TenantId = tenant.Value, Ids = profileIds.ToArray() }, session.Transaction);
}
