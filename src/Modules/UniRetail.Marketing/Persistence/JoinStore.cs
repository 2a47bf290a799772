using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Persistence;

/// <summary>
/// A join: the identifiers one event attached to an existing profile (<see cref="ProfileId"/> holds those of them it still
/// holds; after an undo, the profile they were taken from), through <see cref="Link"/>.
/// </summary>
internal sealed record JoinRow(
    string JoinId, string ProfileId, Identifier? Link, string Rule, long EventSeq, string MessageId, long AtMs, IReadOnlyList<Identifier> Identifiers)
{
    public long? UndoneAtMs { get; init; }

    /// <summary>The pair this join's undo keeps apart (smaller id first), or null while it stands.</summary>
    public (string One, string Other)? KeptApart { get; init; }
}

/// <summary>
/// Joins are read back from the identifiers they attached (each identifier row carries its join's id, link, event and time:
/// see migration 010), so the projector writes nothing extra for them. Only undos are rows of their own.
/// </summary>
internal sealed class JoinStore
{
    private sealed class JoinedIdentifier
    {
        public string JoinId { get; init; } = "";
        public string IdType { get; init; } = "";
        public string IdValue { get; init; } = "";
        public string ProfileId { get; init; } = "";
        public string? AttachedBy { get; init; }
        public string? MessageId { get; init; }
        public string? JoinLinkType { get; init; }
        public string? JoinLinkValue { get; init; }
        public long JoinSeq { get; init; }
        public long JoinAtMs { get; init; }
    }

    private sealed class UndoneRow
    {
        public string JoinId { get; init; } = "";
        public string ProfileId { get; init; } = "";
        public long UndoneAtMs { get; init; }
        public string? ApartProfileId { get; init; }
        public string? ApartOtherId { get; init; }
    }

    private const string IdentifierColumns =
        """
        join_id AS JoinId, id_type AS IdType, id_value AS IdValue, profile_id AS ProfileId, attached_by AS AttachedBy, message_id AS MessageId,
        join_link_type AS JoinLinkType, join_link_value AS JoinLinkValue, join_seq AS JoinSeq, join_at_ms AS JoinAtMs
        """;

    // An undone join's kept-apart pair is recorded under the join's id, as an undone merge's is under the merge's.
    private const string UndoneWithPair =
        """
        SELECT u.join_id AS JoinId, u.profile_id AS ProfileId, u.undone_at_ms AS UndoneAtMs, k.profile_id AS ApartProfileId, k.other_id AS ApartOtherId
        FROM marketing_join_undone u LEFT JOIN marketing_kept_apart k ON k.tenant_id = u.tenant_id AND k.merge_id = u.join_id
        """;

    public async Task<JoinRow?> FindAsync(DbConnection connection, TenantId tenant, string joinId, DbTransaction? transaction = null)
    {
        var rows = await connection.QueryAsync<JoinedIdentifier>(
            $"SELECT {IdentifierColumns} FROM marketing_identity WHERE tenant_id = @TenantId AND join_id = @JoinId ORDER BY id_type, id_value",
            new { TenantId = tenant.Value, JoinId = joinId }, transaction);
        var undone = await connection.QueryAsync<UndoneRow>(
            $"{UndoneWithPair} WHERE u.tenant_id = @TenantId AND u.join_id = @JoinId", new { TenantId = tenant.Value, JoinId = joinId }, transaction);
        return Assemble(rows, undone).SingleOrDefault();
    }

    /// <summary>Joins whose identifiers any of the profiles holds, or that were undone from one of them, oldest first.</summary>
    public async Task<List<JoinRow>> OfProfilesAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<string> profileIds)
    {
        var ids = SqlLists.Strings(connection, profileIds);
        var held = (await connection.QueryAsync<JoinedIdentifier>(
            $"SELECT {IdentifierColumns} FROM {IdentityStore.ByProfile(connection)} WHERE tenant_id = @TenantId AND {SqlLists.InStrings(connection, "profile_id", "Ids")} AND join_id IS NOT NULL",
            new { TenantId = tenant.Value, Ids = ids })).ToList();
        var undone = (await connection.QueryAsync<UndoneRow>(
            $"{UndoneWithPair} WHERE u.tenant_id = @TenantId AND {SqlLists.InStrings(connection, "u.profile_id", "Ids")}", new { TenantId = tenant.Value, Ids = ids })).ToList();
        // An undone join's identifiers now sit on the profile its undo made: read them by the join's id.
        var elsewhere = undone.Select(u => u.JoinId).Except(held.Select(h => h.JoinId), StringComparer.Ordinal).ToArray();
        if (elsewhere.Length > 0)
        {
            held.AddRange(await connection.QueryAsync<JoinedIdentifier>(
                $"SELECT {IdentifierColumns} FROM marketing_identity WHERE tenant_id = @TenantId AND {SqlLists.InStrings(connection, "join_id", "JoinIds")}",
                new { TenantId = tenant.Value, JoinIds = SqlLists.Strings(connection, elsewhere) }));
        }
        var more = held.Select(h => h.JoinId).Except(undone.Select(u => u.JoinId), StringComparer.Ordinal).ToArray();
        if (more.Length > 0)
        {
            undone.AddRange(await connection.QueryAsync<UndoneRow>(
                $"{UndoneWithPair} WHERE u.tenant_id = @TenantId AND {SqlLists.InStrings(connection, "u.join_id", "JoinIds")}",
                new { TenantId = tenant.Value, JoinIds = SqlLists.Strings(connection, more) }));
        }
        return Assemble(held, undone).OrderBy(j => j.JoinId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The standing joins in a profile's stored identifier rows, by the identifier that linked them: what an identifier found
    /// shared takes back (a join whose identifiers have all left its link's profile takes nothing back, so no record of
    /// undos is needed here).
    /// </summary>
    public static IEnumerable<JoinRow> In(IEnumerable<IdentityRow> rows) =>
        rows.Where(r => r is { JoinId: not null, JoinSeq: not null })
            .GroupBy(r => r.JoinId!, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                return new JoinRow(g.Key, first.ProfileId, Link(first.JoinLinkType, first.JoinLinkValue), first.AttachedBy ?? "", first.JoinSeq!.Value, first.MessageId ?? "",
                    first.JoinAtMs ?? first.FirstSeenMs, g.Select(r => r.ToIdentifier()).ToList());
            });

    /// <summary>Records a join taken back from <paramref name="profileId"/>; false when it already was.</summary>
    public async Task<bool> MarkUndoneAsync(DbSession session, TenantId tenant, string joinId, string profileId, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_join_undone (tenant_id, join_id, profile_id, undone_at_ms) VALUES (@TenantId, @JoinId, @ProfileId, @AtMs)
            ON CONFLICT (tenant_id, join_id) DO NOTHING
            """,
            new { TenantId = tenant.Value, JoinId = joinId, ProfileId = profileId, AtMs = atMs }, session.Transaction) == 1;

    public Task<int> MarkUndoneAsync(DbSession session, TenantId tenant, IEnumerable<(string JoinId, string ProfileId)> joins, long atMs) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO marketing_join_undone (tenant_id, join_id, profile_id, undone_at_ms) VALUES (@TenantId, @JoinId, @ProfileId, @AtMs)
            ON CONFLICT (tenant_id, join_id) DO NOTHING
            """,
            ["@TenantId", "@JoinId", "@ProfileId", "@AtMs"], joins.Select(j => new object?[] { tenant.Value, j.JoinId, j.ProfileId, atMs }));

    public async Task DeleteOfProfilesAsync(DbSession session, TenantId tenant, IReadOnlyCollection<string> profileIds) =>
        await session.Connection.ExecuteAsync(
            $"DELETE FROM marketing_join_undone WHERE tenant_id = @TenantId AND {SqlLists.In(session.Connection, "profile_id", "Ids")}",
            new { TenantId = tenant.Value, Ids = profileIds.ToArray() }, session.Transaction);

    private static IEnumerable<JoinRow> Assemble(IEnumerable<JoinedIdentifier> identifiers, IEnumerable<UndoneRow> undos)
    {
        var undone = undos.GroupBy(u => u.JoinId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var join in identifiers.GroupBy(i => i.JoinId, StringComparer.Ordinal))
        {
            var first = join.First();
            var undo = undone.GetValueOrDefault(join.Key);
            yield return new JoinRow(join.Key, undo?.ProfileId ?? first.ProfileId, Link(first.JoinLinkType, first.JoinLinkValue), first.AttachedBy ?? "", first.JoinSeq,
                first.MessageId ?? "", first.JoinAtMs, join.Select(Identifier).Distinct().ToList())
            {
                UndoneAtMs = undo?.UndoneAtMs,
                KeptApart = undo is { ApartProfileId: { } one, ApartOtherId: { } other } ? (one, other) : null,
            };
        }
    }

    private static Identifier Identifier(JoinedIdentifier row) =>
        IdentifierTypes.TryParse(row.IdType, out var type) ? new Identifier(type, row.IdValue) : throw new InvalidOperationException($"Unknown stored identifier type '{row.IdType}'.");

    private static Identifier? Link(string? type, string? value) =>
        type is not null && value is not null && IdentifierTypes.TryParse(type, out var linkType) ? new Identifier(linkType, value) : null;
}
