using System.Data.Common;
using System.Text.Json;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Domain;

namespace UniRetail.Members.Persistence;

internal sealed class MergeStore
{
    public Task InsertAsync(DbSession session, TenantId tenant, MemberMerge merge) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO members_merge (tenant_id, merge_id, source_member_id, target_member_id, identifiers_json, merged_by, merged_at_ms)
            VALUES (@Tenant, @MergeId, @Source, @Target, @Identifiers, @MergedBy, @At)
            """,
            new
            {
                Tenant = tenant.Value,
                merge.MergeId,
                Source = merge.Source.Value,
                Target = merge.Target.Value,
                Identifiers = JsonSerializer.Serialize(merge.MovedIdentifiers.Select(i => new StoredIdentifier(IdentifierKinds.ToName(i.Kind), i.Value))),
                merge.MergedBy,
                At = merge.MergedAt.ToUnixTimeMilliseconds(),
            },
            session.Transaction);

    /// <summary>Every merge that fed into <paramref name="survivor"/>, also those into members later merged into it, oldest first.</summary>
    public async Task<IReadOnlyList<MemberMerge>> ListIntoAsync(DbConnection connection, TenantId tenant, MemberId survivor) =>
        (await connection.QueryAsync<MergeRow>(
            """
            SELECT merge_id AS MergeId, source_member_id AS SourceId, target_member_id AS TargetId, identifiers_json AS IdentifiersJson,
                   merged_by AS MergedBy, merged_at_ms AS MergedAtMs
            FROM members_merge
            WHERE tenant_id = @Tenant
              AND target_member_id IN (SELECT member_id FROM members_member WHERE tenant_id = @Tenant AND (member_id = @Survivor OR merged_into = @Survivor))
            ORDER BY merged_at_ms, merge_id
            """,
            new { Tenant = tenant.Value, Survivor = survivor.Value }))
            .Select(r => r.ToMerge()).ToList();

    private sealed record StoredIdentifier(string Kind, string Value);

    private sealed class MergeRow
    {
        public string MergeId { get; init; } = "";
        public string SourceId { get; init; } = "";
        public string TargetId { get; init; } = "";
        public string IdentifiersJson { get; init; } = "[]";
        public string MergedBy { get; init; } = "";
        public long MergedAtMs { get; init; }

        public MemberMerge ToMerge() => new(
            MergeId,
            new MemberId(SourceId),
            new MemberId(TargetId),
            JsonSerializer.Deserialize<List<StoredIdentifier>>(IdentifiersJson)!.Select(i => MemberIdentifier.FromStored(i.Kind, i.Value)).ToList(),
            MergedBy,
            DateTimeOffset.FromUnixTimeMilliseconds(MergedAtMs));
    }
}
