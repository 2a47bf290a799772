using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Catalog.Products;
using UniRetail.Catalog.Skus;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Pricing;

/// <summary>Names what an override applies to: exactly one of a channel (<c>web</c>, <c>pos</c>, ...) or a location id.</summary>
internal sealed record OverrideTargetRequest(string? Channel, string? LocationId);

/// <summary>A SKU's price for one channel or one location.</summary>
internal sealed record SetOverrideRequest(string? Channel, string? LocationId, PriceRequest? Price);

/// <summary>Sets and removes a SKU's channel and location prices. Admins and integrations only.</summary>
internal sealed class ManagePriceOverrides(
    Database database, PriceOverrideStore overrides, SkuPricing pricing, ITenantDirectory tenants, ILocationDirectory locations, TimeProvider clock)
{
    public async Task<Result<OverrideView>> SetAsync(Caller caller, string? sku, SetOverrideRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var code = Sku.Parse(sku);
        if (!code.IsSuccess)
            return code.Error;
        var target = await ResolveTargetAsync(caller.Tenant, new OverrideTargetRequest(request.Channel, request.LocationId), ct);
        if (!target.IsSuccess)
            return target.Error;
        var currency = await tenants.CurrencyOfAsync(caller.Tenant, ct);
        if (!currency.IsSuccess)
            return currency.Error;
        if (request.Price is null)
            return CatalogErrors.Required("price");
        var price = request.Price.ToMoney(currency.Value, "price");
        if (!price.IsSuccess)
            return price.Error;
        var priceOverride = new PriceOverride(code.Value, target.Value, price.Value);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var saved = await database.WriteAsync<OverrideView>(async session =>
            await overrides.UpsertAsync(session, caller.Tenant, priceOverride, now)
                ? OverrideView.From(priceOverride)
                : CatalogErrors.UnknownSku(code.Value.Value), ct);
        pricing.Invalidate(caller.Tenant);
        return saved;
    }

    public async Task<Result<Unit>> RemoveAsync(Caller caller, string? sku, OverrideTargetRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var code = Sku.Parse(sku);
        if (!code.IsSuccess)
            return code.Error;
        var target = ParseTarget(request);
        if (!target.IsSuccess)
            return target.Error;
        var removed = await database.WriteAsync<Unit>(async session =>
            await overrides.DeleteAsync(session, caller.Tenant, code.Value, target.Value)
                ? Unit.Value
                : CatalogErrors.UnknownOverride(code.Value.Value, target.Value.ToString()!), ct);
        pricing.Invalidate(caller.Tenant);
        return removed;
    }

    private async Task<Result<PriceTarget>> ResolveTargetAsync(TenantId tenant, OverrideTargetRequest request, CancellationToken ct)
    {
        var target = ParseTarget(request);
        if (target.IsSuccess && target.Value is PriceTarget.Location at && await locations.FindAsync(tenant, at.Value, ct) is null)
            return CatalogErrors.UnknownLocation(at.Value.Value);
        return target;
    }

    private static Result<PriceTarget> ParseTarget(OverrideTargetRequest request)
    {
        var hasChannel = !string.IsNullOrWhiteSpace(request.Channel);
        var hasLocation = !string.IsNullOrWhiteSpace(request.LocationId);
        if (hasChannel == hasLocation)
            return CatalogErrors.OverrideTargetRequired();
        if (hasLocation)
            return new PriceTarget.Location(new LocationId(request.LocationId!.Trim()));
        return SalesChannels.Parse(request.Channel).Map<PriceTarget>(channel => new PriceTarget.Channel(channel));
    }
}
