using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Advice;
using UniRetail.Network.Agreements;
using UniRetail.Network.Persistence;
using UniRetail.Store.Contracts;
using Xunit;

namespace UniRetail.Network.Tests;

/// <summary>
/// Advice for the shop of <see cref="ShopNetworkTest"/> (selling 7 mugs a day, MUG-1 being the platform's MUG-W6) with two
/// similar shops on the same platform that sell as many mugs and 2 bowls (BOWL-W4) a day.
/// </summary>
public abstract class ShopAdviceTests(DatabaseProvider provider) : ShopNetworkTest(provider)
{
    private async Task<(Caller Shop, string Location, string Agreement)> ASimilarShopAsync(string name, bool sharesBaskets)
    {
        var signed = (await Get<SignUpShop>().SignUpAsync(Platform, new(name, "GBP", Rep.Id, Dc, "friday", sharesBaskets, false), None)).Value;
        var shop = Caller.AdminOf(new TenantId(signed.Agreement.ShopId));
        var location = await AddShopAsync(shop, "S1", name);
        Assert.True((await RecordSalesAsync(location, [.. Daily("MUG-W6", 56, _ => 7), .. Daily("BOWL-W4", 56, _ => 2)], shop)).IsSuccess);
        return (shop, location, signed.Agreement.Id);
    }

    private async Task<ShopAdviceView> AdviceAsync(Caller? caller = null) => (await Get<ShopAdvice>().ForShopAsync(caller ?? Admin, Shop, None)).Value;

    private async Task SellAtTillAsync(Caller shop, string location, params string[] skus) =>
        Assert.True((await Get<Database>().WriteAsync<Unit>(async session =>
        {
            await session.PublishAsync(new TillSaleRecorded(shop.Tenant, null, new LocationId(location), "till-1", $"sale-{Guid.NewGuid():N}", new OrderId($"ord_{Guid.NewGuid():N}"),
                Money.FromMinor(100, Currency.Gbp), new Dictionary<string, Money>(), false, Time.GetUtcNow(), [.. skus.Select(s => new TillSaleLine(Sku.FromStored(s), 2))]), None);
            return Unit.Value;
        }, None)).IsSuccess);

    [Fact]
    public async Task AShopIsAdvisedToAddWhatItsSimilarShopsSellWithTheExpectedUnitsAndMargin()
    {
        Assert.True((await RecordSalesAsync(Shop, Daily("MUG-1", 56, _ => 7))).IsSuccess);
        await ASimilarShopAsync("Chen's Grocery", false);
        await ASimilarShopAsync("Wang's Mart", false);
        Assert.Equal(3, (await Get<ShopProfiles>().RefreshAsync(Platform, None)).Value.Shops);

        var advice = await AdviceAsync();

        var bowl = Assert.Single(advice.Add);
        // The last 8 weeks end today and hold 55 days of sales: they sell 13.75 bowls a week out of 61.875 units; this shop
        // sells 48.125 a week: 13.75 × 48.125 / 61.875 ≈ 10.7.
        Assert.Equal(("BOWL-W4", "BOWL-W4", 2, 2, 10.7, 13.8), (bowl.WholesaleSku, bowl.Sku, bowl.ShopsSelling, bowl.SimilarShops, bowl.ExpectedWeeklyUnits, bowl.SimilarWeeklyUnits));
        Assert.Equal((0.90m, "shop_markup"), (bowl.UnitCost.Amount, bowl.PriceBasis)); // a case of 4 at £3.60; priced at the shop's markup on mugs
        Assert.Equal(bowl.ExpectedPrice!.Amount - 0.90m, bowl.UnitMargin!.Amount);
        Assert.True(advice.Network.OnPlatform);
        Assert.Equal(["similar shop 1", "similar shop 2"], advice.Network.SimilarShops.Select(s => s.Label));
        Assert.All(advice.Network.SimilarShops, s => Assert.Equal((0.962, 0.0, null, null), (s.SalesMixCosine, s.DistanceKm, s.AgreementId, s.ShopId)));
        Assert.Equal("MUG-1", Assert.Single(advice.EyeLevel).Sku);
        Assert.Equal((4.50m, 0.35m, 189L), (advice.EyeLevel[0].Price!.Amount, advice.EyeLevel[0].UnitCost!.Amount, advice.EyeLevel[0].UnitsSold));
    }

    [Fact]
    public async Task SlowMoversAreAdvisedToBeDroppedWithTheCashTheyTieUp()
    {
        Assert.True((await RecordSalesAsync(Shop, Daily("MUG-1", 56, _ => 7))).IsSuccess);
        await ReceiveAsync(Shop, "MUG-1", 600);   // 600 / 48.125 a week: 12.5 weeks of cover
        await ReceiveAsync(Shop, "BOWL-1", 30);   // never sold; the shop reorders it
        await ConfigureAsync("BOWL-1", new(Shop, 1, 0, 1, 7, 0.95m, 0));

        var drop = (await AdviceAsync()).Drop;

        Assert.Equal(["MUG-1", "BOWL-1"], drop.Select(d => d.Sku));
        Assert.Equal((600, 210.00m, 385L, 8, 48.1, 12.5), (drop[0].OnHand, drop[0].CashTiedUp!.Amount, drop[0].UnitsSold, drop[0].Weeks, drop[0].WeeklyUnits, drop[0].WeeksOfCover!.Value));
        Assert.Equal((30, (decimal?)null, (double?)null), (drop[1].OnHand, drop[1].CashTiedUp?.Amount, drop[1].WeeksOfCover));
    }

    [Fact]
    public async Task TillSalesFeedTheShopsSalesAndItsBasketsGiveSideBySideAdvice()
    {
        for (var i = 0; i < 3; i++)
            await SellAtTillAsync(Admin, Shop, "MUG-1", "BOWL-1");
        await SellAtTillAsync(Admin, Shop, "MUG-1");
        await SellAtTillAsync(Admin, Shop, "TEA-1");

        var sales = await Get<Database>().ReadAsync(c => Get<ShopStore>().SalesAsync(c, Admin.Tenant, new LocationId(Shop), 0, int.MaxValue), None);
        var advice = await AdviceAsync();

        Assert.Equal([("BOWL-1", 6), ("MUG-1", 8), ("TEA-1", 2)], sales.Select(s => (s.Sku, s.Units)));
        var pair = Assert.Single(advice.SideBySide);
        Assert.Equal(("BOWL-1", "MUG-1", "shop", 3L, 5L), (pair.Sku, pair.Other, pair.Source, pair.Together, pair.Baskets));
        Assert.Equal((0.6, 0.75, 1.25), (pair.Support, pair.ConfidenceBack, pair.Lift)); // 3 × 5 / (3 × 4)
    }

    [Fact]
    public async Task TheNetworksBasketsCountOnlyFromSimilarShopsThatShareThem()
    {
        Assert.True((await RecordSalesAsync(Shop, Daily("MUG-1", 56, _ => 7))).IsSuccess);
        var chen = await ASimilarShopAsync("Chen's Grocery", true);
        var wang = await ASimilarShopAsync("Wang's Mart", true);
        var zhao = await ASimilarShopAsync("Zhao's", false);
        foreach (var (shop, location, _) in new[] { chen, wang, zhao })
        {
            for (var i = 0; i < 3; i++)
                await SellAtTillAsync(shop, location, "MUG-W6", "BOWL-W4");
            await SellAtTillAsync(shop, location, "TEA-1");
        }
        Assert.True((await Get<ShopProfiles>().RefreshAsync(Platform, None)).IsSuccess);

        var advice = await AdviceAsync();

        var pair = Assert.Single(advice.SideBySide);
        Assert.Equal(("BOWL-W4", "MUG-1", "network", 6L, 8L), (pair.Sku, pair.Other, pair.Source, pair.Together, pair.Baskets)); // MUG-W6 as this shop sells it
        Assert.Equal(2, advice.Network.ShopsSharingBaskets);
    }

    [Fact]
    public async Task AShopThatLeftGetsNoNetworkAdviceAndStopsFeedingTheOthers()
    {
        Assert.True((await RecordSalesAsync(Shop, Daily("MUG-1", 56, _ => 7))).IsSuccess);
        var chen = await ASimilarShopAsync("Chen's Grocery", false);
        await ASimilarShopAsync("Wang's Mart", false);
        Assert.True((await Get<ShopProfiles>().RefreshAsync(Platform, None)).IsSuccess);
        Assert.Single((await AdviceAsync()).Add);

        Assert.True((await Get<ShopAgreements>().LeaveAsync(chen.Shop, None)).IsSuccess);
        var stayed = await AdviceAsync();
        Assert.Empty(stayed.Add); // only one similar shop still sells bowls
        Assert.Single(stayed.Network.SimilarShops);
        Assert.Equal(("network.shop_left", "agreementId"), Problem(await Get<ShopAdvice>().ForPlatformAsync(Platform, chen.Agreement, null, None)));

        Assert.True((await Get<ShopAgreements>().LeaveAsync(Admin, None)).IsSuccess);
        var left = await AdviceAsync();
        Assert.False(left.Network.OnPlatform);
        Assert.Empty(left.Add);
        Assert.Empty(left.Network.SimilarShops);
        Assert.Equal("MUG-1", Assert.Single(left.EyeLevel).Sku); // its own data still advises it
    }

    [Fact]
    public async Task ThePlatformReadsItsOwnShopsAdviceWithTheSimilarShopsNamed()
    {
        Assert.True((await RecordSalesAsync(Shop, Daily("MUG-1", 56, _ => 7))).IsSuccess);
        var chen = await ASimilarShopAsync("Chen's Grocery", false);
        await ASimilarShopAsync("Wang's Mart", false);
        Assert.True((await Get<ShopProfiles>().RefreshAsync(Platform, None)).IsSuccess);
        var stranger = await NewTenantAsync("Ningbo Cash & Carry");

        var seen = (await Get<ShopAdvice>().ForPlatformAsync(Platform, Agreement.Id, null, None)).Value;

        Assert.Equal(Shop, seen.LocationId);
        Assert.Contains(chen.Agreement, seen.Network.SimilarShops.Select(s => s.AgreementId));
        Assert.Equal("BOWL-W4", Assert.Single(seen.Add).WholesaleSku);
        Assert.Equal(("network.unknown_shop", "agreementId"), Problem(await Get<ShopAdvice>().ForPlatformAsync(stranger, Agreement.Id, null, None)));
        Assert.Equal(("network.unknown_shop", "agreementId"), Problem(await Get<ShopAdvice>().ForPlatformAsync(Admin, Agreement.Id, null, None)));
        Assert.Equal(("network.unknown_shop", "agreementId"), Problem(await Get<ShopAdvice>().ForPlatformAsync(chen.Shop, Agreement.Id, null, None)));
        Assert.Equal(("network.unknown_shop_location", "locationId"), Problem(await Get<ShopAdvice>().ForPlatformAsync(Platform, Agreement.Id, Dc, None)));
    }

    [Fact]
    public async Task BadRequestsNameTheFieldAndAStoreSeesOnlyItsOwnAdvice()
    {
        Assert.Equal(("network.required", "locationId"), Problem(await Get<ShopAdvice>().ForShopAsync(Admin, null, None)));
        Assert.Equal(("network.unknown_location", "locationId"), Problem(await Get<ShopAdvice>().ForShopAsync(Admin, "loc_nowhere", None)));
        Assert.Equal("locationId", (await Get<ShopAdvice>().ForShopAsync(StaffOf(OtherShop), Shop, None)).Error?.Field);
        var chen = await ASimilarShopAsync("Chen's Grocery", false);
        Assert.Equal(("network.unknown_location", "locationId"), Problem(await Get<ShopAdvice>().ForShopAsync(chen.Shop, Shop, None)));
    }

    private static (string?, string?) Problem<T>(Result<T> result) => (result.Error?.Code, result.Error?.Field);
}

public sealed class ShopAdviceSqliteTests() : ShopAdviceTests(DatabaseProvider.Sqlite);

public sealed class ShopAdvicePostgresTests() : ShopAdviceTests(DatabaseProvider.Postgres);
