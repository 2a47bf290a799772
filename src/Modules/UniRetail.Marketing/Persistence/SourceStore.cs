using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;

namespace UniRetail.Marketing.Persistence;

internal sealed class SourceRow
{
    public string TenantId { get; init; } = "";
    public string SourceId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    public string? LocationId { get; init; }
    public string WriteKeyId { get; init; } = "";
    public string WriteKeyHash { get; init; } = "";
    public long CreatedAtMs { get; init; }

    public EventOrigin ToOrigin() => new(new TenantId(TenantId), SourceId, SourceKinds.Parse(Kind).Value, LocationId);
}

internal sealed class SourceStore
{
    private const string Columns =
        "tenant_id AS TenantId, source_id AS SourceId, kind AS Kind, name AS Name, location_id AS LocationId, write_key_id AS WriteKeyId, write_key_hash AS WriteKeyHash, created_at_ms AS CreatedAtMs";

    public Task InsertAsync(DbSession session, SourceRow row) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO marketing_source (tenant_id, source_id, kind, name, location_id, write_key_id, write_key_hash, created_at_ms)
            VALUES (@TenantId, @SourceId, @Kind, @Name, @LocationId, @WriteKeyId, @WriteKeyHash, @CreatedAtMs)
            """, row, session.Transaction);

    /// <summary>The source by its write key's public id, in any tenant: this is how an event finds its tenant.</summary>
    public Task<SourceRow?> FindByKeyAsync(DbConnection connection, string writeKeyId) =>
        connection.QuerySingleOrDefaultAsync<SourceRow>($"SELECT {Columns} FROM marketing_source WHERE write_key_id = @WriteKeyId", new { WriteKeyId = writeKeyId });

    /// <summary>The tenant's oldest source of this kind with this name, or null.</summary>
    public Task<SourceRow?> FindByNameAsync(DbSession session, TenantId tenant, string kind, string name) =>
        session.Connection.QueryFirstOrDefaultAsync<SourceRow>(
            $"SELECT {Columns} FROM marketing_source WHERE tenant_id = @TenantId AND kind = @Kind AND name = @Name ORDER BY created_at_ms, source_id LIMIT 1",
            new { TenantId = tenant.Value, Kind = kind, Name = name }, session.Transaction);

    public async Task<IReadOnlyList<SourceRow>> ListAsync(DbConnection connection, TenantId tenant) =>
        (await connection.QueryAsync<SourceRow>($"SELECT {Columns} FROM marketing_source WHERE tenant_id = @TenantId ORDER BY created_at_ms, source_id", new { TenantId = tenant.Value })).ToList();
}
