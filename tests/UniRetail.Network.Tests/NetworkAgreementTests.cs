using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Agreements;
using UniRetail.Network.Persistence;
using UniRetail.Network.Wholesale;
using Xunit;

namespace UniRetail.Network.Tests;

public abstract class NetworkAgreementTests(DatabaseProvider provider) : ShopNetworkTest(provider)
{
    [Fact]
    public async Task ARepresentativeSignsANewShopUpAsATenantOfItsOwn()
    {
        var signed = (await Get<SignUpShop>().SignUpAsync(Platform, new("Chen's Grocery", "GBP", Rep.Id, Dc, "friday", true, false), None)).Value;
        var shop = Caller.AdminOf(new TenantId(signed.Agreement.ShopId));

        Assert.StartsWith("key_", signed.AdminKey, StringComparison.Ordinal);
        var seen = (await Get<ShopAgreements>().GetAsync(shop, None)).Value;
        Assert.Equal(("Hangzhou Wholesale", "friday", true, true, false), (seen.Platform, seen.DeliveryDay, seen.SharesSales, seen.SharesCustomers, seen.PickupPoint));
        Assert.Equal(new[] { Agreement.Id, signed.Agreement.Id }.Order(StringComparer.Ordinal), (await Get<ShopAgreements>().ListAsync(Platform, None)).Select(a => a.Id).Order(StringComparer.Ordinal));
        var catalog = (await Get<ManageWholesale>().ShopCatalogAsync(shop, None)).Value;
        Assert.Equal(["BOWL-W4", "MUG-W6"], catalog.Items.Select(i => i.Item.Sku));
        Assert.Equal(("MUG-W6", 6), (catalog.Items[1].Sells.Sku, catalog.Items[1].Sells.UnitsPerCase)); // this shop has not mapped it: the same SKU
    }

    [Theory]
    [InlineData("rep_nobody", null, "monday", "network.unknown_rep", "repId")]
    [InlineData(null, "store", "monday", "network.not_a_warehouse", "warehouseId")]
    [InlineData(null, "loc_elsewhere", "monday", "network.unknown_location", "warehouseId")]
    [InlineData(null, null, "someday", "network.bad_delivery_day", "deliveryDay")]
    public async Task BadTermsSignNobodyUp(string? rep, string? warehouse, string day, string code, string field)
    {
        var platformStore = await AddShopAsync(Platform, "PS", "The platform's own store");
        var refused = await Get<SignUpShop>().SignUpAsync(Platform, new("Chen's Grocery", null, rep ?? Rep.Id, warehouse == "store" ? platformStore : warehouse ?? Dc, day, false, false), None);

        Assert.Equal((code, field), (refused.Error?.Code, refused.Error?.Field));
        Assert.Single(await Get<ShopAgreements>().ListAsync(Platform, None));
    }

    [Fact]
    public async Task AShopIsOnOnePlatformAtATimeAndNeverItsOwn()
    {
        var other = await NewTenantAsync("Ningbo Cash & Carry");

        Assert.Equal("network.already_on_a_platform", (await Get<SignUpShop>().LinkAsync(Platform.Tenant, Admin.Tenant, new(Rep.Id, Dc, null, false, false), None)).Error?.Code);
        Assert.Equal("network.own_platform", (await Get<SignUpShop>().LinkAsync(Platform.Tenant, Platform.Tenant, new(Rep.Id, Dc, null, false, false), None)).Error?.Code);
        Assert.Equal("network.unknown_rep", (await Get<SignUpShop>().LinkAsync(other.Tenant, Admin.Tenant, new(Rep.Id, Dc, null, false, false), None)).Error?.Code);
    }

    [Fact]
    public async Task ThePlatformSeesTheShopsSalesBySkuForTheDaysItWasOnThePlatformOnly()
    {
        // Joined Friday 20 November: the 19th is the shop's own; it leaves on the 22nd, so from then on nothing is shared.
        Assert.True((await RecordSalesAsync(Shop, [new("2026-11-19", "MUG-1", 5), new("2026-11-20", "MUG-1", 3), new("2026-11-21", "MUG-1", 4)])).IsSuccess);
        Assert.True((await RecordSalesAsync(OtherShop, [new("2026-11-21", "BOWL-1", 2)])).IsSuccess);
        Time.Advance(TimeSpan.FromDays(2));
        Assert.True((await Get<ShopAgreements>().LeaveAsync(Admin, None)).IsSuccess);
        Assert.True((await RecordSalesAsync(Shop, [new("2026-11-22", "MUG-1", 7), new("2026-11-23", "MUG-1", 9)])).IsSuccess);

        var shared = (await Get<ShopAgreements>().SalesAsync(Platform, Agreement.Id, "2026-11-01", "2026-12-01", None)).Value;

        Assert.Equal([("BOWL-1", 2L, 1L), ("MUG-1", 7L, 2L)], shared.Skus.Select(s => (s.Sku, s.Units, s.DaysWithSales)));
        var own = await Get<Database>().ReadAsync(c => Get<ShopStore>().SalesAsync(c, Admin.Tenant, new LocationId(Shop), 0, int.MaxValue), None);
        Assert.Equal(5 + 3 + 4 + 7 + 9, own.Sum(d => d.Units)); // the shop's own data stays whole
        Assert.Equal("network.not_a_shop", (await Get<ShopAgreements>().GetAsync(Admin, None)).Error?.Code);
        Assert.Equal("network.not_a_shop", (await OrderAsync(Shop, ("MUG-W6", 12))).Error?.Code);
        Assert.NotNull(Assert.Single(await Get<ShopAgreements>().ListAsync(Platform, None)).LeftAt);
    }

    [Fact]
    public async Task NoOtherTenantReadsWhatAShopSharesWithItsPlatform()
    {
        Assert.True((await RecordSalesAsync(Shop, [new("2026-11-20", "MUG-1", 3)])).IsSuccess);
        var stranger = await NewTenantAsync("Ningbo Cash & Carry");

        Assert.Equal(("network.unknown_shop", "agreementId"), Problem(await Get<ShopAgreements>().SalesAsync(stranger, Agreement.Id, "2026-11-01", "2026-12-01", None)));
        Assert.Equal(("network.unknown_shop", "agreementId"), Problem(await Get<ShopAgreements>().SalesAsync(Admin, Agreement.Id, "2026-11-01", "2026-12-01", None)));
        Assert.Empty(await Get<ShopAgreements>().ListAsync(stranger, None));
        Assert.Equal("network.not_a_shop", (await Get<ManageWholesale>().ShopCatalogAsync(stranger, None)).Error?.Code);
        Assert.Equal(("network.bad_period", "to"), Problem(await Get<ShopAgreements>().SalesAsync(Platform, Agreement.Id, "2026-11-01", "2028-01-01", None)));
    }

    [Theory]
    [InlineData(0, 2.10, 1, "network.bad_case_pack", "casePack")]
    [InlineData(6, 0, 1, "network.bad_price", "casePrice")]
    [InlineData(6, 2.105, 1, "money.too_precise", "casePrice")]
    [InlineData(6, 2.10, 0, "network.bad_minimum_cases", "minimumCases")]
    public async Task AWholesaleItemOutOfRangeIsAProblemAtTheField(int casePack, double casePrice, int minimum, string code, string field)
    {
        var refused = await Get<ManageWholesale>().SetItemAsync(Platform, "TEA-W1", new(casePack, 0.40m, (decimal)casePrice, minimum, null), None);

        Assert.Equal((code, field), (refused.Error?.Code, refused.Error?.Field));
        Assert.Equal(["BOWL-W4", "MUG-W6"], (await Get<ManageWholesale>().ListAsync(Platform, None)).Select(i => i.Sku));
    }

    [Fact]
    public async Task AWholesaleItemIsASkuOfThePlatformsCatalog()
    {
        var refused = await Get<ManageWholesale>().SetItemAsync(Platform, "MUG-1", new(6, 0.40m, 2.10m, 1, null), None);

        Assert.Equal(("network.unknown_sku", "sku"), Problem(refused));
        Assert.DoesNotContain("MUG-1", (await Get<ManageWholesale>().ListAsync(Platform, None)).Select(i => i.Sku));
    }

    [Fact]
    public async Task TiersRiseInCasesAndFallInPrice()
    {
        var refused = await Get<ManageWholesale>().SetItemAsync(Platform, "MUG-W6", new(6, 0.40m, 2.10m, 1, [new(20, 1.90m), new(10, 1.80m)]), None);
        var dearer = await Get<ManageWholesale>().SetItemAsync(Platform, "MUG-W6", new(6, 0.40m, 2.10m, 1, [new(20, 2.20m)]), None);

        Assert.Equal(("network.bad_tiers", "tiers[1].fromCases"), Problem(refused));
        Assert.Equal(("network.bad_tiers", "tiers[0].casePrice"), Problem(dearer));
        Assert.Equal(2, (await Get<ManageWholesale>().ListAsync(Platform, None)).Single(i => i.Sku == "MUG-W6").Tiers.Count);
    }

    private static (string?, string?) Problem<T>(Result<T> result) => (result.Error?.Code, result.Error?.Field);
}

public sealed class NetworkAgreementSqliteTests() : NetworkAgreementTests(DatabaseProvider.Sqlite);

public sealed class NetworkAgreementPostgresTests() : NetworkAgreementTests(DatabaseProvider.Postgres);
