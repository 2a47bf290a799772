using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Store.Domain;

namespace UniRetail.Store;

/// <summary>The store a till request names: one the caller may act at (store staff: their own) that sells over a counter.</summary>
internal sealed class StoreLocations(ILocationDirectory locations, ITenantDirectory tenants)
{
    public async Task<Result<LocationInfo>> EnsureStoreAsync(Caller caller, LocationId store, CancellationToken ct)
    {
        var allowed = caller.EnsureCanActAt(store, "storeId");
        if (!allowed.IsSuccess)
            return allowed.Error;
        var location = await locations.FindAsync(caller.Tenant, store, ct);
        if (location is null || location.Kind == LocationKind.Warehouse)
            return StoreErrors.UnknownStore(store.Value, "storeId");
        return location;
    }

    public async Task<Currency> CurrencyAsync(TenantId tenant, CancellationToken ct) =>
        (await tenants.FindAsync(tenant, ct))?.Currency ?? throw new InvalidOperationException($"Tenant {tenant} of an authenticated caller does not exist.");
}
