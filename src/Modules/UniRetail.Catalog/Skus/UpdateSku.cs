using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Catalog.Pricing;
using UniRetail.Catalog.Products;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Skus;

/// <summary>Whether a SKU is sold: an inactive SKU stays in the catalog but cannot be ordered.</summary>
internal sealed record SkuActiveRequest(bool? Active);

/// <summary>Changes a SKU's base price or takes it off sale. Admins and integrations only.</summary>
internal sealed class UpdateSku(Database database, SkuStore skus, SkuPricing pricing, ITenantDirectory tenants, TimeProvider clock)
{
    public async Task<Result<SkuView>> SetPriceAsync(Caller caller, string? sku, PriceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var code = Sku.Parse(sku);
        if (!code.IsSuccess)
            return code.Error;
        var currency = await tenants.CurrencyOfAsync(caller.Tenant, ct);
        if (!currency.IsSuccess)
            return currency.Error;
        var price = CatalogPrice.Parse(request.Amount, request.Currency, currency.Value, "amount", "currency");
        if (!price.IsSuccess)
            return price.Error;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await WriteAsync(caller.Tenant, code.Value, session => skus.SetPriceAsync(session, caller.Tenant, code.Value, price.Value, now), ct);
    }

    public async Task<Result<SkuView>> SetActiveAsync(Caller caller, string? sku, SkuActiveRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var code = Sku.Parse(sku);
        if (!code.IsSuccess)
            return code.Error;
        if (request.Active is not { } active)
            return CatalogErrors.Required("active");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await WriteAsync(caller.Tenant, code.Value, session => skus.SetActiveAsync(session, caller.Tenant, code.Value, active, now), ct);
    }

    private async Task<Result<SkuView>> WriteAsync(TenantId tenant, Sku sku, Func<DbSession, Task<bool>> update, CancellationToken ct)
    {
        var updated = await database.WriteAsync<SkuView>(async session =>
        {
            if (!await update(session))
                return CatalogErrors.UnknownSku(sku.Value);
            var now = await skus.FindAsync(session.Connection, tenant, sku, session.Transaction);
            return SkuView.From(now!);
        }, ct);
        pricing.Invalidate(tenant);
        return updated;
    }
}
