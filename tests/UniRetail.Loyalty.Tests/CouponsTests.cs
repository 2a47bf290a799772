using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Benefits;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Coupons;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Loyalty.Tests;

public abstract class CouponsTests(DatabaseProvider provider) : LoyaltyDatabaseTest(provider)
{
    private async Task<CampaignView> CampaignAsync(string kind, long? total = null, long? perMember = null, string[]? channels = null, string[]? stores = null,
        decimal minimum = 0m, string[]? codes = null, int days = 30)
    {
        var created = await Get<ManageCoupons>().CreateAsync(Admin, new CampaignRequest(
            "Winter", "promo-winter", kind, Time.GetUtcNow().AddDays(-1), Time.GetUtcNow().AddDays(days), new AmountRequest(minimum, "GBP"),
            channels, stores, total, perMember, codes), null, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value;
    }

    private Task<Result<BenefitRedemption>> UseAsync(string reference, string code, MemberId? member, decimal subtotal = 50m,
        SalesChannel channel = SalesChannel.Web, LocationId? store = null) =>
        RedeemAsync(reference, Basket(member, subtotal, channel, store), new BenefitsToUse(Coupon: code));

    [Fact]
    public async Task ASharedCodeUnlocksItsPromotionWithinItsTotalAndPerMemberLimits()
    {
        var winter = await CampaignAsync(CampaignKinds.Shared, total: 3, perMember: 2, codes: ["winter10"]);
        var (ada, bo) = (await NewMemberAsync(), await NewMemberAsync("Bo"));

        var first = await UseAsync("o1", " Winter10 ", ada);
        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal("promo-winter", first.Value.PromotionId);
        Assert.True((await UseAsync("o2", "WINTER10", ada)).IsSuccess);
        (await UseAsync("o3", "WINTER10", ada)).ShouldFail().Code.ShouldBe("loyalty.coupon_used_up");
        Assert.True((await UseAsync("o4", "WINTER10", bo)).IsSuccess);
        (await UseAsync("o5", "WINTER10", bo)).ShouldFail().Code.ShouldBe("loyalty.coupon_used_up");
        Assert.True((await UseAsync("o1", "WINTER10", ada)).Value.Replayed);
        Assert.Equal(3, (await Get<ManageCoupons>().GetAsync(Admin, winter.Id, Ct)).Value.Used);
    }

    [Fact]
    public async Task EveryCouponRefusalHasItsCode()
    {
        var ada = await NewMemberAsync();
        var bo = await NewMemberAsync("Bo");
        await CampaignAsync(CampaignKinds.Shared, channels: ["pos"], stores: [Store.Value], minimum: 20m, codes: ["TILL5"]);
        var single = await CampaignAsync(CampaignKinds.SingleUse);
        var adas = (await Get<ManageCoupons>().IssueAsync(Admin, single.Id, new IssueCodeRequest(ada.Value, null), Ct)).Value;

        (await UseAsync("a", "NOSUCH", ada)).ShouldFail().Code.ShouldBe("loyalty.coupon_unknown");
        (await UseAsync("b", "TILL5", ada, channel: SalesChannel.Web)).ShouldFail().Code.ShouldBe("loyalty.coupon_out_of_scope");
        (await UseAsync("c", "TILL5", ada, channel: SalesChannel.Pos, store: OtherStore)).ShouldFail().Code.ShouldBe("loyalty.coupon_out_of_scope");
        (await UseAsync("d", "TILL5", ada, subtotal: 19.99m, channel: SalesChannel.Pos, store: Store)).ShouldFail().Code.ShouldBe("loyalty.coupon_below_minimum_spend");
        Assert.True((await UseAsync("e", "TILL5", ada, subtotal: 20m, channel: SalesChannel.Pos, store: Store)).IsSuccess);
        (await UseAsync("f", adas.Code, bo)).ShouldFail().Code.ShouldBe("loyalty.coupon_out_of_scope");
        Assert.True((await UseAsync("g", adas.Code, ada)).IsSuccess);
        (await UseAsync("h", adas.Code, ada)).ShouldFail().Code.ShouldBe("loyalty.coupon_used_up");
        Time.Advance(TimeSpan.FromDays(31));
        (await UseAsync("i", "TILL5", ada, subtotal: 20m, channel: SalesChannel.Pos, store: Store)).ShouldFail().Code.ShouldBe("loyalty.coupon_expired");
    }

    [Fact]
    public async Task AReturnedOrderGivesItsCouponUseBack()
    {
        await SetProgramAsync(AProgram(pendingDays: 0));
        var ada = await NewMemberAsync();
        var single = await CampaignAsync(CampaignKinds.SingleUse);
        var code = (await Get<ManageCoupons>().IssueAsync(Admin, single.Id, new IssueCodeRequest(ada.Value, null), Ct)).Value.Code;
        Assert.True((await UseAsync("o1", code, ada)).IsSuccess);
        await EarnOkAsync("o1", ada, ("1", "TEA-1", null, 50m));

        var returned = await WriteAsync(s => Benefits.ReverseAsync(s, Tenant, new LoyaltyReturn("r1", "o1", [new ReturnedLine("1", Gbp(50m))], RestoreCoupon: true), Ct));

        Assert.True(returned.Value.CouponRestored);
        Assert.True((await UseAsync("o2", code, ada)).IsSuccess);
        await AssertLedgerBalancesAsync();
    }

    [Fact]
    public async Task ANewMemberGetsTheWelcomeCouponInTheRegistrationTransaction()
    {
        var welcome = await CampaignAsync(CampaignKinds.SingleUse);
        await SetProgramAsync(AProgram(welcomeCampaign: welcome.Id));

        var ada = await NewMemberAsync();

        var account = (await Get<ManageAccount>().GetAsync(Admin, ada, Ct)).Value;
        var code = Assert.Single(account.Coupons);
        Assert.Equal(welcome.Id, code.CampaignId);
        Assert.Equal(1, code.MaxUses);
        var saved = await Get<Programs.ManageProgram>().SetAsync(Admin, AProgram(welcomeCampaign: "cmp_nope"), Ct);
        Assert.Equal(("loyalty.unknown_campaign", "welcomeCampaignId"), (saved.ShouldFail().Code, saved.Error!.Field));
    }
}

public sealed class CouponsSqliteTests() : CouponsTests(DatabaseProvider.Sqlite);

public sealed class CouponsPostgresTests() : CouponsTests(DatabaseProvider.Postgres);
