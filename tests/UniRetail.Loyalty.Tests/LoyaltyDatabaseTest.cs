using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Loyalty.Check;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Programs;
using UniRetail.Members;
using UniRetail.Members.Registration;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Loyalty.Tests;

/// <summary>Identity, Members and Loyalty on a fresh database with a hand-moved clock: a London retailer with one store and a program.</summary>
public abstract class LoyaltyDatabaseTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ManualClock Time { get; } = new(ManualClock.TradingMorning);

    protected override TimeProvider? Clock => Time;

    protected override void AddModules(IServiceCollection services) =>
        services.AddIdentityModule().AddMembersModule().AddLoyaltyModule();

    protected Caller Admin { get; private set; } = null!;

    protected TenantId Tenant => Admin.Tenant;

    protected LocationId Store { get; private set; }

    protected LocationId OtherStore { get; private set; }

    protected ILoyaltyBenefits Benefits => Get<ILoyaltyBenefits>();

    private protected static Money Gbp(decimal amount) => Money.Of(amount, Currency.Gbp).Value;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var tenant = await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", Ct);
        Admin = Caller.AdminOf(tenant.Value.TenantId);
        Store = await AddStoreAsync("ST-COVENT", 51.5129, -0.1243);
        OtherStore = await AddStoreAsync("ST-CAMDEN", 51.5390, -0.1426);
    }

    private async Task<LocationId> AddStoreAsync(string code, double latitude, double longitude)
    {
        var saved = await Get<SaveLocation>().CreateAsync(Admin,
            new LocationRequest(code, code, "store", "London", latitude, longitude, "Europe/London", null, true, true, 3, null), Ct);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        return new LocationId(saved.Value.Id);
    }

    /// <summary>1 point per £1, 2× on Home/Kitchen, 50 bonus points on the first purchase, 14 days pending, 12 months expiry, 100 points = £1.</summary>
    private protected static ProgramDocument AProgram(string? welcomeCampaign = null, int pendingDays = 14, long firstPurchaseBonus = 50) => new(
        "GBP",
        new EarnDocument(1m, new Dictionary<string, decimal> { ["Home/Kitchen"] = 2m }, new Dictionary<string, decimal> { ["GIFT-CARD"] = 0m },
            firstPurchaseBonus, 200, 10),
        pendingDays,
        12,
        new RedemptionDocument(100, 1.00m, 100, 50),
        new TiersDocument("spend", 12, [new TierDocument("member", 0m, 1m, false), new TierDocument("gold", 150m, 2m, true)]),
        welcomeCampaign);

    private protected async Task SetProgramAsync(ProgramDocument program)
    {
        var saved = await Get<ManageProgram>().SetAsync(Admin, program, Ct);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
    }

    protected async Task<MemberId> NewMemberAsync(string name = "Ada Lovelace")
    {
        var registered = await Get<RegisterMember>().HandleAsync(Admin, new RegisterMemberRequest(name, []), Ct);
        Assert.True(registered.IsSuccess, registered.Error?.Message);
        return new MemberId(registered.Value.Id);
    }

    protected Task<Result<T>> WriteAsync<T>(Func<DbSession, Task<Result<T>>> work) => Get<Database>().WriteAsync(work, Ct);

    protected Task<Result<EarnedPoints>> EarnAsync(string reference, MemberId member, params (string Line, string Sku, string? Category, decimal Net)[] lines) =>
        WriteAsync(s => Benefits.EarnAsync(s, Tenant, new LoyaltyPurchase(reference, member, SalesChannel.Web, null, Time.GetUtcNow(),
            lines.Select(l => new PurchaseLine(l.Line, Sku.Parse(l.Sku).Value, l.Category, Gbp(l.Net))).ToList()), Ct));

    protected async Task<EarnedPoints> EarnOkAsync(string reference, MemberId member, params (string Line, string Sku, string? Category, decimal Net)[] lines)
    {
        var earned = await EarnAsync(reference, member, lines);
        Assert.True(earned.IsSuccess, earned.Error?.Message);
        return earned.Value;
    }

    protected LoyaltyBasket Basket(MemberId? member, decimal subtotal, SalesChannel channel = SalesChannel.Web, LocationId? store = null) =>
        new(member, Gbp(subtotal), channel, store, Time.GetUtcNow());

    protected Task<Result<BenefitRedemption>> RedeemAsync(string reference, LoyaltyBasket basket, BenefitsToUse use) =>
        WriteAsync(s => Benefits.RedeemAsync(s, Tenant, reference, basket, use, Ct));

    protected async Task<BenefitQuote> QuoteAsync(MemberId member)
    {
        var quote = await Benefits.QuoteAsync(Tenant, Basket(member, 1000m), new BenefitsToUse(), Ct);
        Assert.True(quote.IsSuccess, quote.Error?.Message);
        return quote.Value;
    }

    /// <summary>Asserts the loyalty ledger check holds for the tenant.</summary>
    protected async Task AssertLedgerBalancesAsync()
    {
        var check = await Get<LoyaltyCheck>().VerifyAsync(Admin, Ct);
        Assert.True(check.Consistent, string.Join("; ", check.Mismatches));
    }
}
