using System.Collections.Concurrent;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Tests;

/// <summary>
/// Identity as the catalog sees it, through its two contracts. Identity's own handlers are internal to its tests, and
/// seeding its tables would tie these tests to another module's schema.
/// </summary>
public sealed class IdentityStandIn : ITenantDirectory, ILocationDirectory
{
    private readonly ConcurrentDictionary<TenantId, TenantInfo> _tenants = new();
    private readonly ConcurrentDictionary<TenantId, ConcurrentBag<LocationInfo>> _locations = new();

    public Caller NewTenant(string currency = "GBP")
    {
        var tenant = new TenantInfo(TenantId.New(), "Camden Goods", Currency.Parse(currency).Value);
        _tenants[tenant.Id] = tenant;
        return Caller.AdminOf(tenant.Id);
    }

    public LocationId AddStore(TenantId tenant, string code = "CG01")
    {
        var store = new LocationInfo(
            LocationId.New(), code, "Covent Garden", LocationKind.Store, "1 Long Acre, London", GeoPoint.FromStored(51.5129, -0.1243),
            "Europe/London", OpeningHours.AlwaysOpen, Ships: true, Pickup: true, DeliveryRadiusKm: 3.5, DailyCapacity: null);
        _locations.GetOrAdd(tenant, _ => []).Add(store);
        return store.Id;
    }

    public Task<TenantInfo?> FindAsync(TenantId tenant, CancellationToken ct) =>
        Task.FromResult(_tenants.TryGetValue(tenant, out var found) ? found : null);

    public Task<IReadOnlyList<TenantInfo>> NamedAsync(string name, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TenantInfo>>(_tenants.Values.Where(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList());

    public Task<IReadOnlyList<LocationInfo>> ListAsync(TenantId tenant, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LocationInfo>>(_locations.TryGetValue(tenant, out var found) ? found.ToList() : []);

    public async Task<LocationInfo?> FindAsync(TenantId tenant, LocationId location, CancellationToken ct) =>
        (await ListAsync(tenant, ct)).FirstOrDefault(l => l.Id == location);
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 11, 11, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
