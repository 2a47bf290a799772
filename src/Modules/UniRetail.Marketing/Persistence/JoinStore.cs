using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Persistence;

internal sealed class JoinRow
{
    public string JoinId { get; init; } = "";
    public string ProfileId { get; init; } = "";
    public string? LinkType { get; init; }
    public string? LinkValue { get; init; }
    public string Rule { get; init; } = "";
    public long EventSeq { get; init; }
    public string MessageId { get; init; } = "";
    public long AtMs { get; init; }
    /// <summary>The identifiers the event attached, as JSON <c>[{"type":…,"value":…}]</c>.</summary>
    public string Identifiers { get; init; } = "[]";
    public long? UndoneAtMs { get; init; }
    /// <summary>The pair this join's undo keeps apart (smaller id first), or null while it stands.</summary>
    public string? ApartProfileId { get; init; }
    public string? ApartOtherId { get; init; }
}

/// <summary>The record of every join (identifiers an event attached to an existing profile), which makes a join undoable.</summary>
internal sealed class JoinStore
{
    private const string Columns =
        """
        j.join_id AS JoinId, j.profile_id AS ProfileId, j.link_type AS LinkType, j.link_value AS LinkValue, j.rule AS Rule, j.event_seq AS EventSeq,
        j.message_id AS MessageId, j.at_ms AS AtMs, j.identifiers AS Identifiers, j.undone_at_ms AS UndoneAtMs, k.profile_id AS ApartProfileId,
        k.other_id AS ApartOtherId
        """;

    // An undone join's kept-apart pair is recorded under the join's id, as an undone merge's is under the merge's.
    private const string WithPair = "marketing_join j LEFT JOIN marketing_kept_apart k ON k.tenant_id = j.tenant_id AND k.merge_id = j.join_id";

    public Task InsertAsync(DbSession session, TenantId tenant, IEnumerable<JoinRow> joins) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO marketing_join (tenant_id, join_id, profile_id, link_type, link_value, rule, event_seq, message_id, at_ms, identifiers, undone_at_ms)
            VALUES (@TenantId, @JoinId, @ProfileId, @LinkType, @LinkValue, @Rule, @EventSeq, @MessageId, @AtMs, @Identifiers, NULL)
            """,
            ["@TenantId", "@JoinId", "@ProfileId", "@LinkType", "@LinkValue", "@Rule", "@EventSeq", "@MessageId", "@AtMs", "@Identifiers"],
            joins.Select(j => new object?[] { tenant.Value, j.JoinId, j.ProfileId, j.LinkType, j.LinkValue, j.Rule, j.EventSeq, j.MessageId, j.AtMs, j.Identifiers }));

    public async Task<JoinRow?> FindAsync(DbConnection connection, TenantId tenant, string joinId, DbTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<JoinRow>(
            $"SELECT {Columns} FROM {WithPair} WHERE j.tenant_id = @TenantId AND j.join_id = @JoinId",
            new { TenantId = tenant.Value, JoinId = joinId }, transaction);

    /// <summary>Joins onto any of the profiles, oldest first.</summary>
    public async Task<List<JoinRow>> OfProfilesAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<string> profileIds) =>
        (await connection.QueryAsync<JoinRow>(
            $"SELECT {Columns} FROM {WithPair} WHERE j.tenant_id = @TenantId AND {SqlLists.In(connection, "j.profile_id", "Ids")} ORDER BY j.join_id",
            new { TenantId = tenant.Value, Ids = profileIds.ToArray() })).ToList();

    /// <summary>Standing joins made through any of these identifiers (they are what an identifier found shared takes back).</summary>
    public async Task<List<JoinRow>> ThroughAsync(DbConnection connection, TenantId tenant, IEnumerable<Identifier> links)
    {
        var found = new List<JoinRow>();
        foreach (var byType in links.Where(l => !IdentifierTypes.IsPersonal(l.Type)).GroupBy(l => l.TypeName))
        {
            found.AddRange(await connection.QueryAsync<JoinRow>(
                $"""
                SELECT {Columns} FROM {WithPair}
                WHERE j.tenant_id = @TenantId AND j.link_type = @Type AND {SqlLists.InStrings(connection, "j.link_value", "Values")} AND j.undone_at_ms IS NULL
                """,
                new { TenantId = tenant.Value, Type = byType.Key, Values = SqlLists.Strings(connection, byType.Select(l => l.Value).Distinct()) }));
        }
        return found;
    }

    public async Task<bool> MarkUndoneAsync(DbSession session, TenantId tenant, string joinId, long atMs) =>
        await session.Connection.ExecuteAsync(
            "UPDATE marketing_join SET undone_at_ms = @AtMs WHERE tenant_id = @TenantId AND join_id = @JoinId AND undone_at_ms IS NULL",
            new { TenantId = tenant.Value, JoinId = joinId, AtMs = atMs }, session.Transaction) == 1;

    public async Task DeleteOfProfilesAsync(DbSession session, TenantId tenant, IReadOnlyCollection<string> profileIds) =>
        await session.Connection.ExecuteAsync(
            $"DELETE FROM marketing_join WHERE tenant_id = @TenantId AND {SqlLists.In(session.Connection, "profile_id", "Ids")}",
            new { TenantId = tenant.Value, Ids = profileIds.ToArray() }, session.Transaction);
}
