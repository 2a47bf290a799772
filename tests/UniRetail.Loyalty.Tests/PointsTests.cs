using Dapper;
using UniRetail.Data;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Contracts;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Loyalty.Tests;

public abstract class PointsTests(DatabaseProvider provider) : LoyaltyDatabaseTest(provider)
{
    [Fact]
    public async Task PointsArePendingThenReleasedThenSpentOldestLotFirstThenExpireByLot()
    {
        await SetProgramAsync(AProgram());
        var ada = await NewMemberAsync();

        var first = await EarnOkAsync("ord-1", ada, ("1", "MUG-1", "Home/Kitchen", 40m), ("2", "TEA-1", "Grocery", 20m));
        Assert.Equal(100, first.Points);
        Assert.Equal(50, first.BonusPoints);
        Assert.Equal(Time.GetUtcNow().AddDays(14), first.ReleaseAt);
        Assert.Equal(0, (await QuoteAsync(ada)).PointsAvailable);
        (await RedeemAsync("pay-0", Basket(ada, 100m), new BenefitsToUse(100))).ShouldFail().Code.ShouldBe("loyalty.points_above_balance");

        Time.Advance(TimeSpan.FromDays(20));
        var second = await EarnOkAsync("ord-2", ada, ("1", "TEA-1", "Grocery", 60m));
        Assert.Equal(60, second.Points);
        Assert.Equal(0, second.BonusPoints);
        Assert.Equal(150, (await QuoteAsync(ada)).PointsAvailable);

        var paid = await RedeemAsync("pay-1", Basket(ada, 300m), new BenefitsToUse(120));
        Assert.True(paid.IsSuccess, paid.Error?.Message);
        Assert.Equal(Gbp(1.20m), paid.Value.PointsValue);
        var view = (await Get<ManageAccount>().GetAsync(Admin, ada, Ct)).Value;
        Assert.Equal(30, view.PointsAvailable);
        Assert.Equal(60, view.PointsPending);
        Assert.Equal(30, view.Lots.Single(l => l.Reference == "ord-1").Remaining);

        // Twelve months after the first purchase its lot's last 30 points expire; the second lot (released on day 34) lives on.
        Time.Advance(TimeSpan.FromDays(346));
        Assert.Equal(60, (await QuoteAsync(ada)).PointsAvailable);
        Assert.Equal(1, await Get<SettleDueAccounts>().RunOnceAsync(Ct));
        view = (await Get<ManageAccount>().GetAsync(Admin, ada, Ct)).Value;
        Assert.Equal(60, view.PointsAvailable);
        Assert.Equal(0, view.PointsPending);
        Assert.Equal(["release", "expire", "redeem", "pend", "release", "pend"], view.Recent.Select(e => e.Kind).ToArray());
        Assert.Equal(-30, view.Recent[1].Points);
        await AssertLedgerBalancesAsync();
    }

    [Fact]
    public async Task ARetriedEarnOrRedeemWithTheSameReferenceAppliesNothingTwice()
    {
        await SetProgramAsync(AProgram(pendingDays: 0));
        var ada = await NewMemberAsync();

        var earned = await EarnOkAsync("ord-1", ada, ("1", "TEA-1", null, 500m));
        var again = await EarnOkAsync("ord-1", ada, ("1", "TEA-1", null, 500m));
        Assert.False(earned.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(earned.Points, again.Points);
        Assert.Equal(550, (await QuoteAsync(ada)).PointsAvailable);

        var use = new BenefitsToUse(200);
        var paid = await RedeemAsync("ord-2", Basket(ada, 100m), use);
        var retried = await RedeemAsync("ord-2", Basket(ada, 100m), use);
        Assert.False(paid.Value.Replayed);
        Assert.True(retried.Value.Replayed);
        Assert.Equal(paid.Value.PointsValue, retried.Value.PointsValue);
        Assert.Equal(350, (await QuoteAsync(ada)).PointsAvailable);

        (await RedeemAsync("ord-2", Basket(ada, 100m), new BenefitsToUse(300))).ShouldFail().Code.ShouldBe("loyalty.reference_reused");
        (await EarnAsync("ord-1", ada, ("1", "TEA-1", null, 400m))).ShouldFail().Code.ShouldBe("loyalty.reference_reused");
        Assert.Equal(350, (await QuoteAsync(ada)).PointsAvailable);
        await AssertLedgerBalancesAsync();
    }

    [Fact]
    public async Task EveryPointsAndWalletRefusalHasItsCodeAndField()
    {
        await SetProgramAsync(AProgram(pendingDays: 0));
        var ada = await NewMemberAsync();
        await EarnOkAsync("ord-1", ada, ("1", "TEA-1", null, 250m));

        var below = (await RedeemAsync("r1", Basket(ada, 100m), new BenefitsToUse(99))).ShouldFail();
        Assert.Equal(("loyalty.points_below_minimum", "points"), (below.Code, below.Field));
        var above = (await RedeemAsync("r2", Basket(ada, 1000m), new BenefitsToUse(301))).ShouldFail();
        Assert.Equal(("loyalty.points_above_balance", "points"), (above.Code, above.Field));
        // Half of £3.00 is £1.50: 150 points at most.
        var share = (await RedeemAsync("r3", Basket(ada, 3m), new BenefitsToUse(151))).ShouldFail();
        Assert.Equal(("loyalty.points_above_allowed_share", "points"), (share.Code, share.Field));
        var wallet = (await RedeemAsync("r4", Basket(ada, 10m), new BenefitsToUse(Wallet: Gbp(1m)))).ShouldFail();
        Assert.Equal(("loyalty.wallet_short", "wallet"), (wallet.Code, wallet.Field));
        var quote = await Benefits.QuoteAsync(Tenant, Basket(ada, 3m), new BenefitsToUse(151), Ct);
        Assert.Equal("loyalty.points_above_allowed_share", quote.ShouldFail().Code);

        var view = (await Get<ManageAccount>().GetAsync(Admin, ada, Ct)).Value;
        Assert.Equal(300, view.PointsAvailable);
        Assert.DoesNotContain(view.Recent, e => e.Kind == "redeem");
        var written = await Get<Database>().ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM loyalty_redemption WHERE tenant_id = @Tenant", new { Tenant = Tenant.Value }), Ct);
        Assert.Equal(0, written);
    }

    [Fact]
    public async Task AReturnAfterRedemptionClawsBackTheLinesPointsRefundsTheRedeemedPointsAndKeepsTheTierUntilThePeriodEnds()
    {
        await SetProgramAsync(AProgram(pendingDays: 0, firstPurchaseBonus: 0));
        var ada = await NewMemberAsync();
        var bought = await EarnOkAsync("ord-1", ada, ("1", "LAMP-1", null, 150m), ("2", "TEA-1", null, 50m));
        Assert.Equal(200, bought.Points);
        Assert.Equal("gold", bought.Tier);

        var paid = await RedeemAsync("ord-2", Basket(ada, 40m), new BenefitsToUse(120));
        Assert.True(paid.IsSuccess, paid.Error?.Message);
        // Gold earns double: £10 of tea earns 20.
        Assert.Equal(20, (await EarnOkAsync("ord-2", ada, ("1", "TEA-1", null, 10m))).Points);

        var returned = await WriteAsync(s => Benefits.ReverseAsync(s, Tenant, new LoyaltyReturn("ret-1", "ord-1", [new ReturnedLine("1", Gbp(150m))]), Ct));
        Assert.True(returned.IsSuccess, returned.Error?.Message);
        // The lamp earned 150; its lot held 80 after the redemption, the rest comes from the other lot (20), 50 were already spent.
        Assert.Equal(100, returned.Value.PointsClawedBack);
        Assert.Equal(50, returned.Value.PointsNotRecovered);
        Assert.Equal("gold", returned.Value.Tier);
        Assert.Equal(0, (await QuoteAsync(ada)).PointsAvailable);

        var refund = await WriteAsync(s => Benefits.ReverseAsync(s, Tenant, new LoyaltyReturn("ret-2", "ord-2", [new ReturnedLine("1", Gbp(10m))]), Ct));
        Assert.True(refund.IsSuccess, refund.Error?.Message);
        // £10 of the £40 basket, a quarter: 30 of the 120 redeemed points come back, and the tea's 20 are clawed back out of them.
        Assert.Equal(30, refund.Value.PointsRefunded);
        Assert.Equal(20, refund.Value.PointsClawedBack);
        Assert.Equal(0, refund.Value.PointsNotRecovered);
        var replay = await WriteAsync(s => Benefits.ReverseAsync(s, Tenant, new LoyaltyReturn("ret-2", "ord-2", [new ReturnedLine("1", Gbp(10m))]), Ct));
        Assert.True(replay.Value.Replayed);
        Assert.Equal(10, (await QuoteAsync(ada)).PointsAvailable);
        (await WriteAsync(s => Benefits.ReverseAsync(s, Tenant, new LoyaltyReturn("ret-3", "ord-1", [new ReturnedLine("1", Gbp(0.01m))]), Ct)))
            .ShouldFail().Code.ShouldBe("loyalty.return_above_purchase");

        // Rolling spend is now £50: gold holds to the end of its twelve-month period, then drops to member.
        Time.Advance(TimeSpan.FromDays(366));
        Assert.Equal("member", await Get<ILoyaltyTiers>().TierOfAsync(Tenant, ada, Ct));
        await Get<SettleDueAccounts>().RunOnceAsync(Ct);
        Assert.Equal("member", (await Get<ManageAccount>().GetAsync(Admin, ada, Ct)).Value.Tier);
        await AssertLedgerBalancesAsync();
    }

    [Fact]
    public async Task AStoreVisitEarnsItsBonusOncePerStoreAndDayAndABirthdayMonthPurchaseOncePerYear()
    {
        await SetProgramAsync(AProgram(pendingDays: 0, firstPurchaseBonus: 0));
        var ada = await NewMemberAsync();
        Assert.True((await Get<ManageAccount>().SetBirthdayAsync(Admin, ada, new BirthdayRequest(11, 30), Ct)).IsSuccess);

        var visit = await WriteAsync(s => Benefits.RecordVisitAsync(s, Tenant, ada, Store, Time.GetUtcNow(), Ct));
        var again = await WriteAsync(s => Benefits.RecordVisitAsync(s, Tenant, ada, Store, Time.GetUtcNow().AddHours(2), Ct));
        var elsewhere = await WriteAsync(s => Benefits.RecordVisitAsync(s, Tenant, ada, OtherStore, Time.GetUtcNow(), Ct));
        Assert.Equal((10, false), (visit.Value.Points, visit.Value.Replayed));
        Assert.True(again.Value.Replayed);
        Assert.Equal(10, elsewhere.Value.Points);

        Assert.Equal(200, (await EarnOkAsync("ord-1", ada, ("1", "TEA-1", null, 5m))).BonusPoints);
        Assert.Equal(0, (await EarnOkAsync("ord-2", ada, ("1", "TEA-1", null, 5m))).BonusPoints);
        Assert.Equal(230, (await QuoteAsync(ada)).PointsAvailable);
        await AssertLedgerBalancesAsync();
    }
}

public sealed class PointsSqliteTests() : PointsTests(DatabaseProvider.Sqlite);

public sealed class PointsPostgresTests() : PointsTests(DatabaseProvider.Postgres);

internal static class Should
{
    public static void ShouldBe(this string actual, string expected) => Assert.Equal(expected, actual);
}
