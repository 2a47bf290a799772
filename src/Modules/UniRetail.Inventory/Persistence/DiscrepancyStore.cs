using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Persistence;

/// <summary>Stock discrepancies: units sold beyond the book stock, for the store to count. Ids are time-ordered, so they page in order.</summary>
internal sealed class DiscrepancyStore
{
    public Task InsertAsync(DbSession session, TenantId tenant, StockDiscrepancy discrepancy)
    {
        ArgumentNullException.ThrowIfNull(discrepancy);
        return session.Connection.ExecuteAsync(
            """
            INSERT INTO inventory_discrepancy (tenant_id, discrepancy_id, location_id, sku, units, reference, found_at_ms)
            VALUES (@Tenant, @Id, @Location, @Sku, @Units, @Reference, @At)
            """,
            new
            {
                Tenant = tenant.Value, discrepancy.Id, Location = discrepancy.Location.Value, Sku = discrepancy.Sku.Value, discrepancy.Units,
                discrepancy.Reference, At = discrepancy.FoundAt.ToUnixTimeMilliseconds(),
            },
            session.Transaction);
    }

    public async Task<Slice<StockDiscrepancy>> ListAsync(DbConnection connection, TenantId tenant, LocationId location, PageQuery page)
    {
        var rows = (await connection.QueryAsync<(string Id, string Sku, long Units, string Reference, long FoundAtMs)>(
            """
            SELECT discrepancy_id, sku, units, reference, found_at_ms FROM inventory_discrepancy
            WHERE tenant_id = @Tenant AND location_id = @Location AND (@After IS NULL OR discrepancy_id > @After)
            ORDER BY discrepancy_id LIMIT @Limit
            """,
            new { Tenant = tenant.Value, Location = location.Value, page.After, Limit = page.RowsToRead }))
            .Select(r => new StockDiscrepancy(r.Id, Sku.FromStored(r.Sku), location, checked((int)r.Units), r.Reference, DateTimeOffset.FromUnixTimeMilliseconds(r.FoundAtMs)))
            .ToList();
        return Slice<StockDiscrepancy>.Of(rows, page, d => d.Id);
    }
}
