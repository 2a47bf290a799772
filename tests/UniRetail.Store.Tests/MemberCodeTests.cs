using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Contracts;
using UniRetail.Members.Merging;
using UniRetail.Store.MemberCodes;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Store.Tests;

public abstract class MemberCodeTests(DatabaseProvider provider) : StoreDatabaseTest(provider)
{
    private async Task<MemberCodeView> IssueAsync(MemberId member, bool wallet = false)
    {
        var issued = await Get<IssueMemberCode>().HandleAsync(Admin, member, new IssueMemberCodeRequest(wallet), Ct);
        Assert.True(issued.IsSuccess, issued.Error?.Message);
        return issued.Value;
    }

    private Task<Result<MemberCodeScanView>> ScanAsync(string? code, Caller? at = null, LocationId? store = null) =>
        Get<ScanMemberCode>().HandleAsync(at ?? Staff, store ?? CoventGarden, new ScanMemberCodeRequest(code), Ct);

    [Fact]
    public async Task ScanAsync_FreshCode_IdentifiesTheMemberOnceWithTheirTierAndRecordsTheVisit()
    {
        var ada = await NewMemberAsync();
        var spent = await WriteAsync(s => Get<ILoyaltyBenefits>().EarnAsync(s, Tenant, new LoyaltyPurchase(
            "web-1", ada, SalesChannel.Web, null, Time.GetUtcNow(), [new PurchaseLine("1", Sku.Parse("LAMP-1").Value, null, Gbp(200m))]), Ct));
        Assert.True(spent.IsSuccess, spent.Error?.Message);
        var code = await IssueAsync(ada, wallet: true);

        var first = await ScanAsync(code.Code);
        var second = await ScanAsync(code.Code);

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal((ada.Value, "Ada Lovelace", "gold", true, 10L, CoventGarden.Value), (first.Value.MemberId, first.Value.DisplayName, first.Value.Tier,
            first.Value.WalletPayment, first.Value.VisitPoints, first.Value.StoreId));
        Assert.Null(first.Value.IssuedFor);
        Assert.Equal(("store.member_code_used", ErrorKind.Conflict, "code"), (second.ShouldFail().Code, second.ShouldFail().Kind, second.ShouldFail().Field));
        var account = await Get<ManageAccount>().GetAsync(Admin, ada, Ct);
        Assert.Equal(200 + 10, account.Value.PointsAvailable);
    }

    [Fact]
    public async Task ScanAsync_AfterTheLifetime_IsExpiredAndWritesNothing()
    {
        var ada = await NewMemberAsync();
        var code = await IssueAsync(ada);
        Assert.Equal(Time.GetUtcNow().AddSeconds(60), code.ExpiresAt);

        Time.Advance(TimeSpan.FromSeconds(60));
        var late = await ScanAsync(code.Code);

        Assert.Equal(("store.member_code_expired", ErrorKind.Conflict), (late.ShouldFail().Code, late.ShouldFail().Kind));
        Assert.Equal(0, (await Get<ManageAccount>().GetAsync(Admin, ada, Ct)).Value.PointsAvailable);
    }

    [Fact]
    public async Task ScanAsync_AlteredGarbageOrOtherTenantsCode_IsInvalid()
    {
        var ada = await NewMemberAsync();
        var code = (await IssueAsync(ada)).Code;
        var altered = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        var middle = code[..20] + (code[20] == 'Q' ? 'R' : 'Q') + code[21..];
        var otherTenant = await Get<Identity.Tenants.CreateTenant>().HandleAsync("Hoxton Goods", "GBP", Ct);

        foreach (var forged in new[] { altered, middle, "ABC", code + "A", "1" + code[1..], new string('A', 40) })
            Assert.Equal("store.member_code_invalid", (await ScanAsync(forged)).ShouldFail().Code);
        var elsewhere = await Get<ScanMemberCode>().IdentifyAsync(otherTenant.Value.TenantId, code, "code", Time.GetUtcNow(), Ct);
        Assert.Equal("store.member_code_invalid", elsewhere.ShouldFail().Code);
        Assert.Equal("store.required", (await ScanAsync("  ")).ShouldFail().Code);
        Assert.True((await ScanAsync(code.ToLowerInvariant())).IsSuccess);
    }

    [Fact]
    public async Task ScanAsync_CodeOfAMemberMergedSinceIssue_IdentifiesTheSurvivor()
    {
        var ada = await NewMemberAsync();
        var charles = await NewMemberAsync("Charles Babbage");
        var code = await IssueAsync(charles);
        var merged = await Get<MergeMembers>().HandleAsync(Admin, new MergeMembersRequest(charles.Value, ada.Value), "test", Ct);
        Assert.True(merged.IsSuccess, merged.Error?.Message);

        var scanned = await ScanAsync(code.Code);

        Assert.Equal((ada.Value, "Ada Lovelace", charles.Value), (scanned.Value.MemberId, scanned.Value.DisplayName, scanned.Value.IssuedFor));
        var reissued = await IssueAsync(charles);
        Assert.Equal(ada.Value, reissued.MemberId);
    }

    [Fact]
    public async Task HandleAsync_UnknownMember_IsNotFound()
    {
        var issued = await Get<IssueMemberCode>().HandleAsync(Admin, MemberId.New(), null, Ct);

        Assert.Equal(("store.unknown_member", ErrorKind.NotFound, "id"), (issued.ShouldFail().Code, issued.ShouldFail().Kind, issued.ShouldFail().Field));
    }

    [Fact]
    public async Task ScanAsync_AtAnotherStoreOrAWarehouse_IsRefusedAndTheCodeStaysUnused()
    {
        var code = (await IssueAsync(await NewMemberAsync())).Code;

        var otherStore = await ScanAsync(code, Staff, Camden);
        var warehouse = await ScanAsync(code, Admin, Warehouse);

        Assert.Equal(("identity.other_store", ErrorKind.Forbidden, "storeId"), (otherStore.ShouldFail().Code, otherStore.ShouldFail().Kind, otherStore.ShouldFail().Field));
        Assert.Equal(("store.unknown_store", ErrorKind.NotFound), (warehouse.ShouldFail().Code, warehouse.ShouldFail().Kind));
        Assert.True((await ScanAsync(code)).IsSuccess);
    }

    [Fact]
    public async Task ScanAsync_SixtyFourTillsScanOneCodeAtOnce_ExactlyOneIdentifiesTheMember()
    {
        var ada = await NewMemberAsync();
        var code = (await IssueAsync(ada)).Code;

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => ScanAsync(code, Admin, i % 2 == 0 ? CoventGarden : Camden), Ct)));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("store.member_code_used", r.Error!.Code));
        Assert.Equal(10, (await Get<ManageAccount>().GetAsync(Admin, ada, Ct)).Value.PointsAvailable);
    }
}

public sealed class MemberCodeSqliteTests() : MemberCodeTests(DatabaseProvider.Sqlite);

public sealed class MemberCodePostgresTests() : MemberCodeTests(DatabaseProvider.Postgres);
