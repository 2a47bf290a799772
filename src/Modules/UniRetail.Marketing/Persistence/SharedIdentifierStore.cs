using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Persistence;

/// <summary>An identifier an event showed to be shared: the profile that held it then, and the event.</summary>
internal sealed record SharedRow(Identifier Identifier, string ProfileId, long EventSeq, string MessageId, long AtMs);

/// <summary>Identifiers shared by several people: those the events showed (derived) and those the tenant declares (a decision).</summary>
internal sealed class SharedIdentifierStore
{
    /// <summary>Which of these identifiers are shared, either way.</summary>
    public async Task<List<Identifier>> SharedAmongAsync(DbConnection connection, TenantId tenant, IEnumerable<Identifier> identifiers)
    {
        var found = new List<Identifier>();
        foreach (var byType in identifiers.GroupBy(i => i.Type))
        {
            var values = await connection.QueryAsync<string>(
                $"""
                SELECT id_value FROM marketing_shared_evidence WHERE tenant_id = @TenantId AND id_type = @Type AND {SqlLists.InStrings(connection, "id_value", "Values")}
                UNION
                SELECT id_value FROM marketing_declared_shared WHERE tenant_id = @TenantId AND id_type = @Type AND {SqlLists.InStrings(connection, "id_value", "Values")}
                """,
                new { TenantId = tenant.Value, Type = IdentifierTypes.ToName(byType.Key), Values = SqlLists.Strings(connection, byType.Select(i => i.Value).Distinct()) });
            found.AddRange(values.Select(v => new Identifier(byType.Key, v)));
        }
        return found;
    }

    public Task InsertEvidenceAsync(DbSession session, TenantId tenant, IEnumerable<SharedRow> rows) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO marketing_shared_evidence (tenant_id, id_type, id_value, profile_id, event_seq, message_id, at_ms)
            VALUES (@TenantId, @Type, @Value, @ProfileId, @EventSeq, @MessageId, @AtMs)
            ON CONFLICT (tenant_id, id_type, id_value) DO NOTHING
            """,
            ["@TenantId", "@Type", "@Value", "@ProfileId", "@EventSeq", "@MessageId", "@AtMs"],
            rows.Select(r => new object?[] { tenant.Value, r.Identifier.TypeName, r.Identifier.Value, r.ProfileId, r.EventSeq, r.MessageId, r.AtMs }));

    /// <summary>How each of these identifiers was found shared (null for those the tenant declared or that are not shared).</summary>
    public async Task<Dictionary<Identifier, SharedRow>> EvidenceOfAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<string> profileIds)
    {
        var rows = await connection.QueryAsync<(string Type, string Value, string ProfileId, long EventSeq, string MessageId, long AtMs)>(
            $"""
            SELECT s.id_type, s.id_value, s.profile_id, s.event_seq, s.message_id, s.at_ms FROM marketing_shared_evidence s
            JOIN marketing_identity i ON i.tenant_id = s.tenant_id AND i.id_type = s.id_type AND i.id_value = s.id_value
            WHERE s.tenant_id = @TenantId AND {SqlLists.In(connection, "i.profile_id", "Ids")}
            """, new { TenantId = tenant.Value, Ids = profileIds.ToArray() });
        var evidence = new Dictionary<Identifier, SharedRow>();
        foreach (var r in rows)
        {
            if (IdentifierTypes.TryParse(r.Type, out var type))
                evidence[new Identifier(type, r.Value)] = new SharedRow(new Identifier(type, r.Value), r.ProfileId, r.EventSeq, r.MessageId, r.AtMs);
        }
        return evidence;
    }

    public async Task<List<Identifier>> DeclaredAsync(DbConnection connection, TenantId tenant)
    {
        var rows = await connection.QueryAsync<(string Type, string Value)>(
            "SELECT id_type, id_value FROM marketing_declared_shared WHERE tenant_id = @TenantId ORDER BY id_type, id_value", new { TenantId = tenant.Value });
        var declared = new List<Identifier>();
        foreach (var (name, value) in rows)
        {
            if (IdentifierTypes.TryParse(name, out var type))
                declared.Add(new Identifier(type, value));
        }
        return declared;
    }

    public async Task SaveDeclaredAsync(DbSession session, TenantId tenant, IReadOnlyCollection<Identifier> declared)
    {
        await session.Connection.ExecuteAsync("DELETE FROM marketing_declared_shared WHERE tenant_id = @TenantId", new { TenantId = tenant.Value }, session.Transaction);
        await session.Connection.ExecuteAsync(
            "INSERT INTO marketing_declared_shared (tenant_id, id_type, id_value) VALUES (@TenantId, @Type, @Value)",
            declared.Select(d => new { TenantId = tenant.Value, Type = d.TypeName, d.Value }), session.Transaction);
    }

    /// <summary>Forgets that these identifiers were found shared (an erasure: the rows name them).</summary>
    public Task DeleteEvidenceAsync(DbSession session, TenantId tenant, IEnumerable<Identifier> identifiers) =>
        session.ExecuteManyAsync(
            "DELETE FROM marketing_shared_evidence WHERE tenant_id = @TenantId AND id_type = @Type AND id_value = @Value",
            ["@TenantId", "@Type", "@Value"], identifiers.Select(i => new object?[] { tenant.Value, i.TypeName, i.Value }));
}
