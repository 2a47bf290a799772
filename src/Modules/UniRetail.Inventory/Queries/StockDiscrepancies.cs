using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Queries;

internal sealed class StockDiscrepancies(Database database, DiscrepancyStore discrepancies) : IStockDiscrepancies
{
    public Task<Slice<StockDiscrepancy>> ListAsync(TenantId tenant, LocationId location, PageQuery page, CancellationToken ct) =>
        database.ReadAsync(c => discrepancies.ListAsync(c, tenant, location, page), ct);
}
