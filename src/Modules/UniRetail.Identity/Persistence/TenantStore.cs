using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Identity.Persistence;

internal sealed class TenantStore
{
    public Task InsertAsync(DbSession session, TenantInfo tenant, long atMs) =>
        session.Connection.ExecuteAsync(
            "INSERT INTO identity_tenant (tenant_id, name, currency, created_at_ms) VALUES (@Id, @Name, @Currency, @At)",
            new { Id = tenant.Id.Value, tenant.Name, Currency = tenant.Currency.Code, At = atMs }, session.Transaction);

    public async Task<TenantInfo?> FindAsync(DbConnection connection, TenantId tenant)
    {
        var row = await connection.QuerySingleOrDefaultAsync<TenantRow>(
            "SELECT tenant_id AS Id, name AS Name, currency AS Currency FROM identity_tenant WHERE tenant_id = @Id", new { Id = tenant.Value });
        return row?.ToTenant();
    }

    public async Task<IReadOnlyList<TenantInfo>> NamedAsync(DbConnection connection, string name) =>
        (await connection.QueryAsync<TenantRow>(
            "SELECT tenant_id AS Id, name AS Name, currency AS Currency FROM identity_tenant WHERE lower(name) = lower(@Name) ORDER BY tenant_id LIMIT 10",
            new { Name = name.Trim() })).Select(r => r.ToTenant()).ToList();

    private sealed class TenantRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Currency { get; init; } = "";

        public TenantInfo ToTenant() => new(new TenantId(Id), Name, Kernel.Currency.FromStored(Currency));
    }
}
