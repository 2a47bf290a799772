using UniRetail.Catalog.Contracts;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Movements;

/// <summary>Checks that SKUs are in the tenant's catalog and locations are the tenant's, and that the caller may act there.</summary>
internal sealed class StockTargets(ILocationDirectory locations, ISkuPricing catalog)
{
    public async Task<Result<Sku>> ResolveSkuAsync(Caller caller, string? skuCode, string field, CancellationToken ct)
    {
        var skus = await ResolveSkusAsync(caller, [skuCode], _ => field, ct);
        return skus.IsSuccess ? skus.Value[0] : skus.Error;
    }

    /// <summary>Every code parsed and looked up in the catalog at once; the first malformed or unknown one fails at its <paramref name="field"/>.</summary>
    public async Task<Result<IReadOnlyList<Sku>>> ResolveSkusAsync(Caller caller, IReadOnlyList<string?> codes, Func<int, string> field, CancellationToken ct)
    {
        var skus = new List<Sku>(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            var sku = Sku.Parse(codes[i], field(i));
            if (!sku.IsSuccess)
                return sku.Error;
            skus.Add(sku.Value);
        }
        var known = await catalog.KnownAsync(caller.Tenant, skus.ToHashSet(), ct);
        for (var i = 0; i < skus.Count; i++)
        {
            if (!known.Contains(skus[i]))
                return InventoryErrors.UnknownSku(skus[i].Value, field(i));
        }
        return skus;
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
        var resolved = await ResolveLocationsAsync(caller, [locationId], _ => field, ct, callerActsThere);
        return resolved.IsSuccess ? resolved.Value[0] : resolved.Error;
    }

    /// <summary>Each id a location of the tenant (one read of the tenant's locations) that the caller may act at, unless <paramref name="callerActsThere"/> is false.</summary>
    public async Task<Result<IReadOnlyList<LocationInfo>>> ResolveLocationsAsync(
        Caller caller, IReadOnlyList<string?> ids, Func<int, string> field, CancellationToken ct, bool callerActsThere = true)
    {
        var ofTenant = (await locations.ListAsync(caller.Tenant, ct)).ToDictionary(l => l.Id);
        var resolved = new List<LocationInfo>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]) || !ofTenant.TryGetValue(new LocationId(ids[i]!), out var location))
                return InventoryErrors.UnknownLocation(ids[i] ?? "", field(i));
            if (callerActsThere && caller.EnsureCanActAt(location.Id, field(i)) is { IsSuccess: false } denied)
                return denied.Error;
            resolved.Add(location);
        }
        return resolved;
    }
}
