using UniRetail.Catalog.Contracts;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Movements;

/// <summary>Checks that a SKU is in the tenant's catalog and a location is the tenant's, and that the caller may act there.</summary>
internal sealed class StockTargets(ILocationDirectory locations, ISkuPricing catalog)
{
    public async Task<Result<Sku>> ResolveSkuAsync(Caller caller, string? skuCode, string field, CancellationToken ct)
    {
        var sku = Sku.Parse(skuCode, field);
        if (!sku.IsSuccess)
            return sku.Error;
        var known = await catalog.KnownAsync(caller.Tenant, [sku.Value], ct);
        return known.Contains(sku.Value) ? sku.Value : InventoryErrors.UnknownSku(sku.Value.Value, field);
    }

    public async Task<Result<(Sku Sku, LocationInfo Location)>> ResolveAsync(
        Caller caller, string? skuCode, string? locationId, CancellationToken ct, string skuField = "sku", string locationField = "locationId")
    {
        var location = await ResolveLocationAsync(caller, locationId, locationField, ct);
        if (!location.IsSuccess)
            return location.Error;
        var sku = await ResolveSkuAsync(caller, skuCode, skuField, ct);
        return sku.IsSuccess ? (sku.Value, location.Value) : sku.Error;
    }

    /// <summary>The tenant's location; unless <paramref name="callerActsThere"/> is false, one the caller may act at.</summary>
    public async Task<Result<LocationInfo>> ResolveLocationAsync(Caller caller, string? locationId, string field, CancellationToken ct, bool callerActsThere = true)
    {
        if (string.IsNullOrWhiteSpace(locationId) || await locations.FindAsync(caller.Tenant, new LocationId(locationId), ct) is not { } location)
            return InventoryErrors.UnknownLocation(locationId ?? "", field);
        if (!callerActsThere)
            return location;
        var allowed = caller.EnsureCanActAt(location.Id, field);
        return allowed.IsSuccess ? location : allowed.Error;
    }
}
