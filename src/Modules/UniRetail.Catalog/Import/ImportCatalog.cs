using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Catalog.Pricing;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Import;

/// <summary>What an import changed.</summary>
internal sealed record CatalogImported(int ProductsCreated, int ProductsUpdated, int SkusCreated, int SkusUpdated);

/// <summary>
/// Imports a catalog CSV (see <see cref="CatalogCsv"/>): the whole file is validated first and then every product and
/// SKU is created or updated by code in one transaction, or nothing is written. Admins and integrations only.
/// </summary>
internal sealed class ImportCatalog(
    Database database, ProductStore products, SkuStore skus, SkuPricing pricing, ITenantDirectory tenants, TimeProvider clock)
{
    /// <summary>The largest CSV the API takes (the CLI reads a file of any size row by row up to <see cref="CatalogCsv.MaxRows"/>).</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public async Task<Result<CatalogImported>> HandleAsync(Caller caller, Stream csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(csv);
        var currency = await tenants.CurrencyOfAsync(caller.Tenant, ct);
        if (!currency.IsSuccess)
            return currency.Error;
        var plan = await CatalogCsv.ReadAsync(csv, currency.Value, ct);
        if (!plan.IsSuccess)
            return plan.Error;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var imported = await database.WriteAsync(session => WriteAsync(session, caller.Tenant, plan.Value, now), ct);
        // A concurrent writer took one of the file's GTINs after the check; it has committed now, so the check of a
        // second attempt names the row.
        if (imported.Error == GtinTakenMeanwhile)
            imported = await database.WriteAsync(session => WriteAsync(session, caller.Tenant, plan.Value, now), ct);
        pricing.Invalidate(caller.Tenant);
        return imported;
    }

    private static readonly Error GtinTakenMeanwhile = CatalogErrors.GtinTakenMeanwhile();

    private async Task<Result<CatalogImported>> WriteAsync(DbSession session, TenantId tenant, CatalogImportPlan plan, long now)
    {
        var withGtin = plan.Skus.Where(s => s.Gtin is not null).ToList();
        var holders = await skus.GtinHoldersAsync(session, tenant, withGtin.Select(s => s.Gtin!.Value).ToList());
        foreach (var sku in withGtin)
        {
            if (holders.TryGetValue(sku.Gtin!.Value.Gtin14, out var holder) && holder != sku.Code.Value)
                return CatalogErrors.DuplicateGtin(sku.Gtin.Value.Value, $"row {sku.Row}: gtin");
        }
        var saved = await products.UpsertManyAsync(
            session, tenant, plan.Products.Select(p => (ProductId.New(), p.Code, p.Name, p.Category)).ToList(), now);
        var rows = plan.Skus
            .Select(s => new ProductSku(s.Code, saved[s.Product.Value].Id, s.Gtin, s.Name, s.Attributes, s.Price, Active: true))
            .ToList();
        int skusCreated, skusUpdated;
        try
        {
            (skusCreated, skusUpdated) = await skus.UpsertManyAsync(session, tenant, rows, now);
        }
        catch (Exception ex) when (UniqueViolations.Is(ex))
        {
            // The upsert's conflict target is the SKU code; the GTIN index can only be broken by a concurrent writer.
            return GtinTakenMeanwhile;
        }
        var productsCreated = saved.Values.Count(p => p.Created);
        return new CatalogImported(productsCreated, saved.Count - productsCreated, skusCreated, skusUpdated);
    }
}
