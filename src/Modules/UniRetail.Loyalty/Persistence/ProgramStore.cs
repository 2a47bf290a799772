using System.Data.Common;
using System.Text.Json;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Programs;

namespace UniRetail.Loyalty.Persistence;

internal sealed class ProgramStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveAsync(DbSession session, TenantId tenant, LoyaltyProgram program, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_program (tenant_id, program_json, updated_at_ms) VALUES (@Tenant, @Json, @At)
            ON CONFLICT (tenant_id) DO UPDATE SET program_json = excluded.program_json, updated_at_ms = excluded.updated_at_ms
            """,
            new { Tenant = tenant.Value, Json = JsonSerializer.Serialize(ProgramDocument.From(program), Json), At = atMs }, session.Transaction);

    public Task<LoyaltyProgram?> FindAsync(DbSession session, TenantId tenant) => FindAsync(session.Connection, tenant, session.Transaction);

    /// <summary>The tenant's program, or null when it has none. What was stored passed validation, so it parses.</summary>
    public async Task<LoyaltyProgram?> FindAsync(DbConnection connection, TenantId tenant, DbTransaction? transaction = null)
    {
        var json = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT program_json FROM loyalty_program WHERE tenant_id = @Tenant", new { Tenant = tenant.Value }, transaction);
        return json is null ? null : JsonSerializer.Deserialize<ProgramDocument>(json, Json)!.ToProgram().Value;
    }
}
