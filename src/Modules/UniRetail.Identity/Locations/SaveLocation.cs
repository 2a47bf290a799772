using UniRetail.Data;
using UniRetail.Identity.Domain;
using UniRetail.Identity.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Identity.Locations;

/// <summary>Adds a location to the tenant, or replaces what an existing one is and can do. Admins only.</summary>
internal sealed class SaveLocation(Database database, LocationStore store, LocationDirectory directory, TimeProvider clock)
{
    public async Task<Result<LocationView>> CreateAsync(Caller caller, LocationRequest request, CancellationToken ct)
    {
        var location = request.ToLocation(LocationId.New());
        if (!location.IsSuccess)
            return location.Error;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var saved = await database.WriteAsync<LocationView>(async session =>
            await store.InsertAsync(session, caller.Tenant, location.Value, now)
                ? LocationView.From(location.Value)
                : IdentityErrors.DuplicateLocationCode(location.Value.Code), ct);
        directory.Invalidate(caller.Tenant);
        return saved;
    }

    public async Task<Result<LocationView>> UpdateAsync(Caller caller, LocationId id, LocationRequest request, CancellationToken ct)
    {
        var location = request.ToLocation(id);
        if (!location.IsSuccess)
            return location.Error;
        if (await directory.FindAsync(caller.Tenant, id, ct) is null)
            return IdentityErrors.UnknownLocation(id.Value, "id");
        var saved = await database.WriteAsync<LocationView>(async session =>
            await store.UpdateAsync(session, caller.Tenant, location.Value)
                ? LocationView.From(location.Value)
                : IdentityErrors.DuplicateLocationCode(location.Value.Code), ct);
        directory.Invalidate(caller.Tenant);
        return saved;
    }
}
