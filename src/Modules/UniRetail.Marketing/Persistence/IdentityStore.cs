using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Persistence;

internal sealed class IdentityRow
{
    public string IdType { get; init; } = "";
    public string IdValue { get; init; } = "";
    public string ProfileId { get; init; } = "";
    public string SourceId { get; init; } = "";
    public long FirstSeenMs { get; init; }
    public long? LastSeenMs { get; init; }
    /// <summary>The rule that attached it (<see cref="AttachRules"/>), the event's message id and the join; null on rows older than explanations.</summary>
    public string? AttachedBy { get; init; }
    public string? MessageId { get; init; }
    public string? JoinId { get; init; }
    /// <summary>A joined identifier's join: the identifier that linked it (none for a recycled phone), the event's position and time.</summary>
    public string? JoinLinkType { get; init; }
    public string? JoinLinkValue { get; init; }
    public long? JoinSeq { get; init; }
    public long? JoinAtMs { get; init; }
    /// <summary>The message id of the event that showed it shared, and when; null while it is not.</summary>
    public string? SharedMessageId { get; init; }
    public long? SharedAtMs { get; init; }

    public Identifier ToIdentifier() =>
        IdentifierTypes.TryParse(IdType, out var type) ? new Identifier(type, IdValue) : throw new InvalidOperationException($"Unknown stored identifier type '{IdType}'.");
}

internal sealed class RuleRow
{
    public string IdType { get; init; } = "";
    public long MayMerge { get; init; }
    public long MaxPerProfile { get; init; }
    public long Priority { get; init; }
}

/// <summary>The identity graph (identifier → profile), and each tenant's identity rules and blocked values.</summary>
internal sealed class IdentityStore
{
    private const string Columns =
        """
        id_type AS IdType, id_value AS IdValue, profile_id AS ProfileId, source_id AS SourceId, first_seen_ms AS FirstSeenMs, last_seen_ms AS LastSeenMs,
        attached_by AS AttachedBy, message_id AS MessageId, join_id AS JoinId, join_link_type AS JoinLinkType, join_link_value AS JoinLinkValue,
        join_seq AS JoinSeq, join_at_ms AS JoinAtMs, shared_message_id AS SharedMessageId, shared_at_ms AS SharedAtMs
        """;

    /// <summary>The graph's rows for these identifiers (those it knows).</summary>
    public async Task<List<IdentityRow>> FindAsync(DbConnection connection, TenantId tenant, IEnumerable<Identifier> identifiers)
    {
        var found = new List<IdentityRow>();
        foreach (var byType in identifiers.GroupBy(i => i.TypeName))
        {
            found.AddRange(await connection.QueryAsync<IdentityRow>(
                $"SELECT {Columns} FROM marketing_identity WHERE tenant_id = @TenantId AND id_type = @Type AND {SqlLists.InStrings(connection, "id_value", "Values")}",
                new { TenantId = tenant.Value, Type = byType.Key, Values = SqlLists.Strings(connection, byType.Select(i => i.Value).Distinct()) }));
        }
        return found;
    }

    /// <summary>
    /// The graph table for a read by profile. Without statistics SQLite's planner prefers the primary key (a scan of the
    /// tenant) to the profile index, so it is named.
    /// </summary>
    public static string ByProfile(DbConnection connection) =>
        connection is Npgsql.NpgsqlConnection ? "marketing_identity" : "marketing_identity INDEXED BY marketing_identity_profile";

    public async Task<List<IdentityRow>> OfProfilesAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<string> profileIds, DbTransaction? transaction = null)
    {
        return (await connection.QueryAsync<IdentityRow>(
            $"SELECT {Columns} FROM {ByProfile(connection)} WHERE tenant_id = @TenantId AND {SqlLists.InStrings(connection, "profile_id", "Ids")} ORDER BY id_type, id_value",
            new { TenantId = tenant.Value, Ids = SqlLists.Strings(connection, profileIds) }, transaction)).ToList();
    }

    public async Task<string?> OwnerAsync(DbConnection connection, TenantId tenant, Identifier identifier, DbTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT profile_id FROM marketing_identity WHERE tenant_id = @TenantId AND id_type = @Type AND id_value = @Value",
            new { TenantId = tenant.Value, Type = identifier.TypeName, identifier.Value }, transaction);

    public Task InsertAsync(DbSession session, TenantId tenant, IEnumerable<(Identifier Identifier, string ProfileId, Attachment How, long? LastSeenMs)> rows) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO marketing_identity (tenant_id, id_type, id_value, profile_id, source_id, first_seen_ms, last_seen_ms, attached_by, message_id, join_id,
                join_link_type, join_link_value, join_seq, join_at_ms)
            VALUES (@TenantId, @Type, @Value, @ProfileId, @SourceId, @AtMs, @LastSeenMs, @AttachedBy, @MessageId, @JoinId, @LinkType, @LinkValue, @JoinSeq, @JoinAtMs)
            """,
            ["@TenantId", "@Type", "@Value", "@ProfileId", "@SourceId", "@AtMs", "@LastSeenMs", "@AttachedBy", "@MessageId", "@JoinId", "@LinkType", "@LinkValue", "@JoinSeq", "@JoinAtMs"],
            rows.Select(r => (object?[])
            [
                tenant.Value, r.Identifier.TypeName, r.Identifier.Value, r.ProfileId, r.How.SourceId, r.How.AtMs, r.LastSeenMs, AttachRules.ToName(r.How.Rule),
                r.How.MessageId, r.How.JoinId, .. JoinValues(r.How),
            ]));

    /// <summary>Records how stored identifiers came to the profile they were just moved to (a recycled phone's new owner).</summary>
    public Task ExplainAsync(DbSession session, TenantId tenant, IEnumerable<(Identifier Identifier, Attachment How)> rows) =>
        session.ExecuteManyAsync(
            """
            UPDATE marketing_identity SET attached_by = @AttachedBy, message_id = @MessageId, join_id = @JoinId, join_link_type = @LinkType,
                join_link_value = @LinkValue, join_seq = @JoinSeq, join_at_ms = @JoinAtMs
            WHERE tenant_id = @TenantId AND id_type = @Type AND id_value = @Value
            """,
            ["@TenantId", "@Type", "@Value", "@AttachedBy", "@MessageId", "@JoinId", "@LinkType", "@LinkValue", "@JoinSeq", "@JoinAtMs"],
            rows.Select(r => (object?[])
            [
                tenant.Value, r.Identifier.TypeName, r.Identifier.Value, AttachRules.ToName(r.How.Rule), r.How.MessageId, r.How.JoinId, .. JoinValues(r.How),
            ]));

    /// <summary>The join columns of an attachment: all null unless it was a join.</summary>
    private static object?[] JoinValues(Attachment how) =>
        how.JoinId is null ? [null, null, null, null] : [how.Link?.TypeName, how.Link?.Value, how.Seq, how.AtMs];

    /// <summary>Records that the events showed these identifiers shared (the first event that did stays).</summary>
    public Task MarkSharedAsync(DbSession session, TenantId tenant, IEnumerable<SharedRow> rows) =>
        session.ExecuteManyAsync(
            """
            UPDATE marketing_identity SET shared_message_id = @MessageId, shared_at_ms = @AtMs
            WHERE tenant_id = @TenantId AND id_type = @Type AND id_value = @Value AND shared_at_ms IS NULL
            """,
            ["@TenantId", "@Type", "@Value", "@MessageId", "@AtMs"],
            rows.Select(r => new object?[] { tenant.Value, r.Identifier.TypeName, r.Identifier.Value, r.MessageId, r.AtMs }));

    /// <summary>Moves phones' last sightings forward (never back).</summary>
    public Task SeenAsync(DbSession session, TenantId tenant, IEnumerable<(Identifier Identifier, long AtMs)> rows) =>
        session.ExecuteManyAsync(
            """
            UPDATE marketing_identity SET last_seen_ms = @AtMs
            WHERE tenant_id = @TenantId AND id_type = @Type AND id_value = @Value AND (last_seen_ms IS NULL OR last_seen_ms < @AtMs)
            """,
            ["@TenantId", "@Type", "@Value", "@AtMs"],
            rows.Select(r => new object?[] { tenant.Value, r.Identifier.TypeName, r.Identifier.Value, r.AtMs }));

    /// <summary>Moves identifiers between profiles; returns how many moved (an identifier no longer on <paramref name="from"/> stays put).</summary>
    public Task<int> MoveAsync(DbSession session, TenantId tenant, string from, string to, IEnumerable<Identifier> identifiers) =>
        session.ExecuteManyAsync(
            """
            UPDATE marketing_identity SET profile_id = @To
            WHERE tenant_id = @TenantId AND id_type = @Type AND id_value = @Value AND profile_id = @From
            """,
            ["@TenantId", "@Type", "@Value", "@From", "@To"], identifiers.Select(i => new object?[] { tenant.Value, i.TypeName, i.Value, from, to }));

    public Task<int> DeleteOfProfilesAsync(DbSession session, TenantId tenant, IReadOnlyCollection<string> profileIds) =>
        session.Connection.ExecuteAsync(
            $"DELETE FROM marketing_identity WHERE tenant_id = @TenantId AND {SqlLists.In(session.Connection, "profile_id", "Ids")}",
            new { TenantId = tenant.Value, Ids = profileIds.ToArray() }, session.Transaction);

    public async Task<IdentityRules> RulesAsync(DbConnection connection, TenantId tenant)
    {
        var rules = await connection.QueryAsync<RuleRow>(
            "SELECT id_type AS IdType, may_merge AS MayMerge, max_per_profile AS MaxPerProfile, priority AS Priority FROM marketing_identity_rule WHERE tenant_id = @TenantId",
            new { TenantId = tenant.Value });
        var blocked = await connection.QueryAsync<string>("SELECT value FROM marketing_blocked_value WHERE tenant_id = @TenantId", new { TenantId = tenant.Value });
        var configured = new List<IdentityRule>();
        foreach (var rule in rules)
        {
            if (IdentifierTypes.TryParse(rule.IdType, out var type))
                configured.Add(new IdentityRule(type, rule.MayMerge != 0, (int)rule.MaxPerProfile, (int)rule.Priority));
        }
        return new IdentityRules(configured, blocked.ToHashSet(StringComparer.Ordinal));
    }

    public async Task SaveRulesAsync(DbSession session, TenantId tenant, IReadOnlyList<IdentityRule> rules, IReadOnlyCollection<string> blocked)
    {
        await session.Connection.ExecuteAsync("DELETE FROM marketing_identity_rule WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }, session.Transaction);
        await session.Connection.ExecuteAsync(
            "INSERT INTO marketing_identity_rule (tenant_id, id_type, may_merge, max_per_profile, priority) VALUES (@TenantId, @Type, @MayMerge, @Max, @Priority)",
            rules.Select(r => new { TenantId = tenant.Value, Type = IdentifierTypes.ToName(r.Type), MayMerge = r.MayMerge ? 1 : 0, Max = r.MaxPerProfile, r.Priority }),
            session.Transaction);
        await session.Connection.ExecuteAsync("DELETE FROM marketing_blocked_value WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }, session.Transaction);
        await session.Connection.ExecuteAsync(
            "INSERT INTO marketing_blocked_value (tenant_id, value) VALUES (@TenantId, @Value)",
            blocked.Select(v => new { TenantId = tenant.Value, Value = v }), session.Transaction);
    }
}
