using System.Collections.Concurrent;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Identity.Persistence;

/// <summary>
/// Locations are read on every order (sourcing) but change a few times a year, so they are cached for a short
/// time; a change made through this process drops its tenant's entry at once.
/// </summary>
internal sealed class LocationDirectory(Database database, LocationStore store, TimeProvider clock) : ILocationDirectory
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<TenantId, (DateTimeOffset Expires, IReadOnlyList<LocationInfo> Locations)> _cache = new();

    public async Task<IReadOnlyList<LocationInfo>> ListAsync(TenantId tenant, CancellationToken ct)
    {
        if (_cache.TryGetValue(tenant, out var entry) && entry.Expires > clock.GetUtcNow())
            return entry.Locations;
        var locations = await database.ReadAsync(c => store.ListAsync(c, tenant), ct);
        _cache[tenant] = (clock.GetUtcNow() + TimeToLive, locations);
        return locations;
    }

    public async Task<LocationInfo?> FindAsync(TenantId tenant, LocationId location, CancellationToken ct) =>
        (await ListAsync(tenant, ct)).FirstOrDefault(l => l.Id == location);

    public void Invalidate(TenantId tenant) => _cache.TryRemove(tenant, out _);
}

internal sealed class TenantDirectory(Database database, TenantStore store) : ITenantDirectory
{
    private readonly ConcurrentDictionary<TenantId, TenantInfo> _cache = new();

    public async Task<TenantInfo?> FindAsync(TenantId tenant, CancellationToken ct)
    {
        if (_cache.TryGetValue(tenant, out var cached))
            return cached;
        var found = await database.ReadAsync(c => store.FindAsync(c, tenant), ct);
        if (found is not null)
            _cache[tenant] = found;
        return found;
    }

    public Task<IReadOnlyList<TenantInfo>> NamedAsync(string name, CancellationToken ct) => database.ReadAsync(c => store.NamedAsync(c, name), ct);
}
