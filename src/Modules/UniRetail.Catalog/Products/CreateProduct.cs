using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Catalog.Pricing;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Products;

/// <summary>Adds a product and all its SKUs in one transaction.</summary>
internal sealed class CreateProduct(
    Database database, ProductStore products, SkuStore skus, SkuPricing pricing, ITenantDirectory tenants, TimeProvider clock)
{
    public async Task<Result<ProductView>> HandleAsync(Caller caller, CreateProductRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var currency = await tenants.CurrencyOfAsync(caller.Tenant, ct);
        if (!currency.IsSuccess)
            return currency.Error;
        var product = request.ToProduct(ProductId.New(), currency.Value);
        if (!product.IsSuccess)
            return product.Error;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var created = await database.WriteAsync(session => InsertAsync(session, caller.Tenant, product.Value, now), ct);
        pricing.Invalidate(caller.Tenant);
        return created;
    }

    private async Task<Result<ProductView>> InsertAsync(DbSession session, TenantId tenant, Product product, long now)
    {
        if (!await products.InsertAsync(session, tenant, product, now))
            return CatalogErrors.DuplicateProductCode(product.Code.Value);
        for (var i = 0; i < product.Skus.Count; i++)
        {
            var sku = product.Skus[i];
            if (await skus.InsertAsync(session, tenant, sku, now))
                continue;
            return await skus.ExistsAsync(session, tenant, sku.Code)
                ? CatalogErrors.DuplicateSku(sku.Code.Value, $"skus[{i}].sku")
                : CatalogErrors.DuplicateGtin(sku.Gtin?.Value ?? "", $"skus[{i}].gtin");
        }
        return ProductView.From(product);
    }
}
