using System.Data.Common;
using System.Text.Json;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Programs;

namespace UniRetail.Loyalty.Persistence;

/// <summary>
/// The program is read by every benefit operation, so the parsed program is kept per tenant and version: a read costs one
/// small query for the version, and the JSON is parsed again only after a save (by any server).
/// </summary>
internal sealed class ProgramStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TenantId, (long Version, LoyaltyProgram Program)> _parsed = new();

    public Task SaveAsync(DbSession session, TenantId tenant, LoyaltyProgram program, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_program (tenant_id, program_json, version, updated_at_ms) VALUES (@Tenant, @Json, 1, @At)
            ON CONFLICT (tenant_id) DO UPDATE
            SET program_json = excluded.program_json, version = loyalty_program.version + 1, updated_at_ms = excluded.updated_at_ms
            """,
            new { Tenant = tenant.Value, Json = JsonSerializer.Serialize(ProgramDocument.From(program), Json), At = atMs }, session.Transaction);

    public Task<LoyaltyProgram?> FindAsync(DbSession session, TenantId tenant) => FindAsync(session.Connection, tenant, session.Transaction);

    /// <summary>The tenant's program, or null when it has none. What was stored passed validation, so it parses.</summary>
    public async Task<LoyaltyProgram?> FindAsync(DbConnection connection, TenantId tenant, DbTransaction? transaction = null)
    {
        var version = await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT version FROM loyalty_program WHERE tenant_id = @Tenant", new { Tenant = tenant.Value }, transaction);
        if (version is null)
            return null;
        if (_parsed.TryGetValue(tenant, out var cached) && cached.Version == version)
            return cached.Program;
        var row = await connection.QuerySingleAsync<(long, string)>(
            "SELECT version, program_json FROM loyalty_program WHERE tenant_id = @Tenant", new { Tenant = tenant.Value }, transaction);
        var program = JsonSerializer.Deserialize<ProgramDocument>(row.Item2, Json)!.ToProgram().Value;
        _parsed[tenant] = (row.Item1, program);
        return program;
    }
}
