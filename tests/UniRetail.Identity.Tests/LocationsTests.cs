using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Identity.Tests;

public abstract class LocationsTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected override void AddModules(IServiceCollection services) => services.AddIdentityModule();

    private async Task<Caller> NewTenantAsync()
    {
        var created = await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", CancellationToken.None);
        return Caller.AdminOf(created.Value.TenantId);
    }

    private static LocationRequest AStore(string code) => new(
        code, "Covent Garden", "store", "1 Long Acre, London", 51.5129, -0.1243, "Europe/London",
        new Dictionary<string, string> { ["monday"] = "09:00-21:00", ["sunday"] = "11:00-17:00" }, true, true, 3.5, 200);

    [Fact]
    public async Task CreateAsync_PickupPoint_ShipsNothingByDefaultAndNeverShips()
    {
        var admin = await NewTenantAsync();
        var point = new LocationRequest("PP01", "Lu's counter", "pickup_point", "12 Parkway", 51.539, -0.1426, "Europe/London", null, null, null, null, 20);

        var created = (await Get<SaveLocation>().CreateAsync(admin, point, CancellationToken.None)).Value;
        var shipping = await Get<SaveLocation>().CreateAsync(admin, point with { Code = "PP02", Ships = true }, CancellationToken.None);

        Assert.Equal(("pickup_point", false, true, 20), (created.Kind, created.Ships, created.Pickup, created.DailyCapacity));
        Assert.Equal(("identity.bad_capability", "ships"), (shipping.Error?.Code, shipping.Error?.Field));
        Assert.Equal(LocationKind.PickupPoint, Assert.Single(await Get<ILocationDirectory>().ListAsync(admin.Tenant, CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task CreateAsync_NewStore_IsListedWithItsCapabilities()
    {
        var admin = await NewTenantAsync();
        var created = await Get<SaveLocation>().CreateAsync(admin, AStore("CG01"), CancellationToken.None);

        var listed = Assert.Single(await Get<ILocationDirectory>().ListAsync(admin.Tenant, CancellationToken.None));
        Assert.Equal(created.Value.Id, listed.Id.Value);
        Assert.Equal(LocationKind.Store, listed.Kind);
        Assert.Equal(3.5, listed.DeliveryRadiusKm);
        Assert.Equal(200, listed.DailyCapacity);
        Assert.Equal("09:00-21:00", listed.Hours.ToMap()["monday"]);
    }

    [Fact]
    public async Task CreateAsync_DuplicateCode_IsConflictAndWritesNothing()
    {
        var admin = await NewTenantAsync();
        await Get<SaveLocation>().CreateAsync(admin, AStore("CG01"), CancellationToken.None);

        var second = await Get<SaveLocation>().CreateAsync(admin, AStore("CG01"), CancellationToken.None);

        Assert.Equal("identity.duplicate_location_code", second.ShouldFail().Code);
        Assert.Single(await Get<ILocationDirectory>().ListAsync(admin.Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_OtherTenantsLocations_AreNeverSeen()
    {
        var first = await NewTenantAsync();
        var second = await NewTenantAsync();
        await Get<SaveLocation>().CreateAsync(first, AStore("CG01"), CancellationToken.None);

        Assert.Empty(await Get<ILocationDirectory>().ListAsync(second.Tenant, CancellationToken.None));
    }
}

public sealed class LocationsSqliteTests() : LocationsTests(DatabaseProvider.Sqlite);

public sealed class LocationsPostgresTests() : LocationsTests(DatabaseProvider.Postgres);
