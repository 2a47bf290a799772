using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Identity.Contracts;

/// <summary>
/// Adds or replaces a location of a tenant inside another module's write (a shop's pickup point on its platform), so the
/// location commits with what it belongs to or not at all. The caller calls <see cref="Invalidate"/> after the commit.
/// </summary>
public interface ILocationRegistry
{
    /// <summary>Inserts the location, or replaces it when the tenant has one with its id; false when its code is taken by another.</summary>
    Task<bool> SaveAsync(DbSession session, TenantId tenant, LocationInfo location, long atMs);

    /// <summary>
    /// Sets only whether the location offers pickup, leaving what anyone else changed in it as it is; false when the tenant
    /// has no such location.
    /// </summary>
    Task<bool> SetPickupAsync(DbSession session, TenantId tenant, LocationId location, bool pickup);

    /// <summary>Drops the tenant's cached locations so the next read sees what committed.</summary>
    void Invalidate(TenantId tenant);
}
