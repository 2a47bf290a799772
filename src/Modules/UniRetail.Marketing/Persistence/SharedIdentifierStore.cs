using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Persistence;

/// <summary>An identifier an event showed to be shared: the profile that held it then, and the event.</summary>
internal sealed record SharedRow(Identifier Identifier, string ProfileId, long EventSeq, string MessageId, long AtMs);

/// <summary>
/// Identifiers the tenant declares shared (a decision, not derived from the events). Those the events show shared are
/// marked on their own identity rows (<see cref="IdentityStore.MarkSharedAsync"/>).
/// </summary>
internal sealed class SharedIdentifierStore
{
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
}
