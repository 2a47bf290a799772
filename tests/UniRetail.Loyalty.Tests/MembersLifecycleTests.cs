using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Benefits;
using UniRetail.Members.Contracts;
using UniRetail.Members.Merging;
using Xunit;

namespace UniRetail.Loyalty.Tests;

public abstract class MembersLifecycleTests(DatabaseProvider provider) : LoyaltyDatabaseTest(provider)
{
    [Fact]
    public async Task MergingMembersAddsTheirBalancesAndLotsAndKeepsTheHigherTier()
    {
        await SetProgramAsync(AProgram(firstPurchaseBonus: 0));
        var (app, till) = (await NewMemberAsync("Priya Shah"), await NewMemberAsync("P. Shah"));
        await EarnOkAsync("o1", app, ("1", "TEA-1", null, 20m));
        await EarnOkAsync("o2", till, ("1", "LAMP-1", null, 200m));
        Assert.True((await Get<ManageAccount>().TopUpAsync(Admin, till, new TopUpRequest(new AmountRequest(15m, null), "cash-1", Store.Value), Ct)).IsSuccess);
        Time.Advance(TimeSpan.FromDays(15));

        var merged = await Get<MergeMembers>().HandleAsync(Admin, new MergeMembersRequest(till.Value, app.Value), "test", Ct);

        Assert.True(merged.IsSuccess, merged.Error?.Message);
        var survivor = (await Get<ManageAccount>().GetAsync(Admin, app, Ct)).Value;
        Assert.Equal(220, survivor.PointsAvailable);
        Assert.Equal(Gbp(15m).Amount, survivor.Wallet.Amount);
        Assert.Equal("gold", survivor.Tier);
        Assert.Equal(2, survivor.Lots.Count);
        Assert.Contains(survivor.Recent, e => e is { Kind: "adjust", Points: 200 } && e.Note!.Contains(till.Value, StringComparison.Ordinal));
        var source = await Get<Database>().ReadAsync(c => c.QuerySingleAsync<(string, long, long)>(
            "SELECT status, points_available, wallet_minor FROM loyalty_account WHERE tenant_id = @T AND member_id = @M", new { T = Tenant.Value, M = till.Value }), Ct);
        Assert.Equal(("merged", 0L, 0L), source);
        // A return of the merged-away member's order now claws back from the survivor.
        var returned = await WriteAsync(s => Benefits.ReverseAsync(s, Tenant, new Contracts.LoyaltyReturn("r1", "o2", [new Contracts.ReturnedLine("1", Gbp(100m))]), Ct));
        Assert.Equal(100, returned.Value.PointsClawedBack);
        await AssertLedgerBalancesAsync();
    }

    [Fact]
    public async Task ErasingAMemberForgetsTheBirthdayAndKeepsTotalsAndCodesUnderThePseudonymousId()
    {
        await SetProgramAsync(AProgram(pendingDays: 0));
        var ada = await NewMemberAsync();
        await EarnOkAsync("o1", ada, ("1", "TEA-1", null, 20m));
        await Get<ManageAccount>().SetBirthdayAsync(Admin, ada, new BirthdayRequest(3, 14), Ct);
        var campaign = await Get<Coupons.ManageCoupons>().CreateAsync(Admin, new Coupons.CampaignRequest("Spring", "promo-spring", "single_use",
            Time.GetUtcNow(), Time.GetUtcNow().AddDays(10), null, null, null, null, null, null), null, Ct);
        await Get<Coupons.ManageCoupons>().IssueAsync(Admin, campaign.Value.Id, new Coupons.IssueCodeRequest(ada.Value, "ADA-SPRING"), Ct);

        var erased = await WriteAsync(async s => Result<int>.Success(await Get<IMemberErasure>().EraseAsync(s, Tenant, [ada], Ct)));

        Assert.Equal(1, erased.Value);
        var row = await Get<Database>().ReadAsync(c => c.QuerySingleAsync<(string, string?, long)>(
            "SELECT status, birthday, points_available FROM loyalty_account WHERE tenant_id = @T AND member_id = @M", new { T = Tenant.Value, M = ada.Value }), Ct);
        Assert.Equal(("erased", (string?)null, 70L), row);
        var code = await Get<Database>().ReadAsync(c => c.ExecuteScalarAsync<string>(
            "SELECT member_id FROM loyalty_coupon_code WHERE tenant_id = @T AND code = 'ADA-SPRING'", new { T = Tenant.Value }), Ct);
        Assert.Equal(ada.Value, code);
        await AssertLedgerBalancesAsync();
    }
}

public sealed class MembersLifecycleSqliteTests() : MembersLifecycleTests(DatabaseProvider.Sqlite);

public sealed class MembersLifecyclePostgresTests() : MembersLifecycleTests(DatabaseProvider.Postgres);
