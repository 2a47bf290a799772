using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;

namespace UniRetail.Network.Replenishment;

/// <summary>Resolves the location a shop request names: inside the caller's tenant, and for store staff only their own store.</summary>
internal sealed class ShopLocation(ILocationDirectory locations)
{
    public async Task<Result<LocationId>> ResolveAsync(Caller caller, string? locationId, CancellationToken ct, string field = "locationId")
    {
        if (string.IsNullOrWhiteSpace(locationId))
            return NetworkErrors.Required(field);
        var location = new LocationId(locationId.Trim());
        var allowed = caller.EnsureCanActAt(location, field);
        if (!allowed.IsSuccess)
            return allowed.Error;
        return await locations.FindAsync(caller.Tenant, location, ct) is null ? NetworkErrors.UnknownLocation(location, field) : location;
    }
}
