using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Identity.Locations;

/// <summary>Saves locations other modules own the reason for (a network shop's pickup point), in their transaction.</summary>
internal sealed class LocationRegistry(LocationStore store, LocationDirectory directory) : ILocationRegistry
{
    public async Task<bool> SaveAsync(DbSession session, TenantId tenant, LocationInfo location, long atMs)
    {
        ArgumentNullException.ThrowIfNull(location);
        return await store.UpdateAsync(session, tenant, location) || await store.InsertAsync(session, tenant, location, atMs);
    }

    public Task<bool> SetPickupAsync(DbSession session, TenantId tenant, LocationId location, bool pickup) =>
        store.SetPickupAsync(session, tenant, location, pickup);

    public void Invalidate(TenantId tenant) => directory.Invalidate(tenant);
}
