using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Loyalty;
using UniRetail.Loyalty.Programs;
using UniRetail.Members;
using UniRetail.Members.Registration;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Store.Tests;

/// <summary>
/// Identity, Members, Loyalty and the store module on a fresh database with a hand-moved clock: a London retailer with two
/// stores, a warehouse, and a loyalty program that gives 10 points a store visit.
/// </summary>
public abstract class StoreDatabaseTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ManualClock Time { get; } = new(ManualClock.TradingMorning);

    protected override TimeProvider? Clock => Time;

    protected override void AddModules(IServiceCollection services) =>
        services.AddIdentityModule().AddMembersModule().AddLoyaltyModule().AddStoreModule();

    protected Caller Admin { get; private set; } = null!;

    protected TenantId Tenant => Admin.Tenant;

    protected LocationId CoventGarden { get; private set; }

    protected LocationId Camden { get; private set; }

    protected LocationId Warehouse { get; private set; }

    /// <summary>A till key at Covent Garden.</summary>
    protected Caller Staff => new(Tenant, Role.StoreStaff, CoventGarden);

    private protected static Money Gbp(decimal amount) => Money.Of(amount, Currency.Gbp).Value;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var tenant = await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", Ct);
        Admin = Caller.AdminOf(tenant.Value.TenantId);
        CoventGarden = await AddLocationAsync("ST-COVENT", "store", 51.5129, -0.1243);
        Camden = await AddLocationAsync("ST-CAMDEN", "store", 51.5390, -0.1426);
        Warehouse = await AddLocationAsync("WH-PARK-ROYAL", "warehouse", 51.5290, -0.2680);
        var program = await Get<ManageProgram>().SetAsync(Admin, new ProgramDocument(
            "GBP", new EarnDocument(1m, null, null, 0, 0, 10), 0, 12, new RedemptionDocument(100, 1.00m, 100, 50),
            new TiersDocument("spend", 12, [new TierDocument("member", 0m, 1m, false), new TierDocument("gold", 150m, 2m, true)]), null), Ct);
        Assert.True(program.IsSuccess, program.Error?.Message);
    }

    private async Task<LocationId> AddLocationAsync(string code, string kind, double latitude, double longitude)
    {
        var saved = await Get<SaveLocation>().CreateAsync(Admin,
            new LocationRequest(code, code, kind, "London", latitude, longitude, "Europe/London", null, true, kind == "store", kind == "store" ? 3 : 0, null), Ct);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        return new LocationId(saved.Value.Id);
    }

    protected async Task<MemberId> NewMemberAsync(string name = "Ada Lovelace")
    {
        var registered = await Get<RegisterMember>().HandleAsync(Admin, new RegisterMemberRequest(name, []), Ct);
        Assert.True(registered.IsSuccess, registered.Error?.Message);
        return new MemberId(registered.Value.Id);
    }

    protected Task<Result<T>> WriteAsync<T>(Func<DbSession, Task<Result<T>>> work) => Get<Database>().WriteAsync(work, Ct);
}
