using UniRetail.Catalog.Contracts;
using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Skus;

internal sealed class GtinLookup(Database database, SkuStore skus) : IGtinLookup
{
    public async Task<Result<Sku>> SkuOfAsync(TenantId tenant, string? gtin, string field, CancellationToken ct)
    {
        var parsed = Gtin.Parse(gtin, field);
        if (!parsed.IsSuccess)
            return parsed.Error;
        var found = await database.ReadAsync(c => skus.FindByGtinAsync(c, tenant, parsed.Value), ct);
        return found is null ? CatalogErrors.UnknownGtin(parsed.Value.Value, field) : found.Code;
    }
}
