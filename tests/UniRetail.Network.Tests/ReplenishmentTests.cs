using UniRetail.Data;
using UniRetail.Network.Replenishment;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Network.Tests;

public abstract class ReplenishmentTests(DatabaseProvider provider) : NetworkTest(provider)
{
    private static ShopSkuRequest Settings(string shop, int casePack = 12, int minimum = 24, int onOrder = 0) =>
        new(shop, casePack, minimum, LeadTimeDays: 2, CycleDays: 7, ServiceLevel: 0.95m, OnOrder: onOrder);

    [Fact]
    public async Task SuggestedOrder_FromSalesAndStock_IsTheShortfallInWholeCasesWithItsReasons()
    {
        Assert.True((await ConfigureAsync("MUG-1", Settings(Shop))).IsSuccess);
        Assert.True((await RecordSalesAsync(Shop, Daily("MUG-1", 70, _ => 10))).IsSuccess);
        await ReceiveAsync(Shop, "MUG-1", 20);

        var advice = (await AdviseAsync(Shop)).Value;

        // 10 a day over 2 + 7 days = 90, no error on a constant series so no safety stock; 20 on hand → 70 short → 6 cases of 12.
        var line = Assert.Single(advice.Lines);
        Assert.Equal("MUG-1", line.Sku);
        Assert.Equal(Today, advice.AsOf);
        Assert.Equal(90, line.Why.ForecastUnits, 3);
        Assert.Equal(9, line.Why.CoverDays);
        Assert.Equal(0, line.Why.SafetyStock, 3);
        Assert.Equal(20, line.Why.OnHand);
        Assert.Equal(70, line.Why.Shortfall);
        Assert.Equal(72, line.SuggestedUnits);
        Assert.Equal(6, line.Cases);
    }

    [Fact]
    public async Task SuggestedOrder_CountsWhatIsOnOrderAndTheMinimumOrder()
    {
        Assert.True((await ConfigureAsync("MUG-1", Settings(Shop, casePack: 6, minimum: 60, onOrder: 80))).IsSuccess);
        Assert.True((await RecordSalesAsync(Shop, Daily("MUG-1", 70, _ => 10))).IsSuccess);

        var line = Assert.Single((await AdviseAsync(Shop)).Value.Lines);

        // Up to 90, 80 on order → 10 short → 2 cases, raised to the minimum of 60 units.
        Assert.Equal(10, line.Why.Shortfall);
        Assert.Equal(60, line.SuggestedUnits);
        Assert.Equal(80, line.Why.OnOrder);
    }

    [Fact]
    public async Task SalesSentTwice_CountOnce_AndADaySentAgainReplacesIt()
    {
        Assert.True((await ConfigureAsync("MUG-1", Settings(Shop))).IsSuccess);
        var week = Daily("MUG-1", 70, _ => 10).ToList();
        Assert.True((await RecordSalesAsync(Shop, week)).IsSuccess);
        Assert.True((await RecordSalesAsync(Shop, week)).IsSuccess);

        Assert.Equal(90, Assert.Single((await AdviseAsync(Shop)).Value.Lines).Why.ForecastUnits, 3);

        Assert.True((await RecordSalesAsync(Shop, week.Select(l => l with { Units = 20 }))).IsSuccess);
        Assert.Equal(180, Assert.Single((await AdviseAsync(Shop)).Value.Lines).Why.ForecastUnits, 3);
    }

    [Fact]
    public async Task ABadLine_RejectsTheWholeUpload_AtItsField()
    {
        Assert.True((await ConfigureAsync("MUG-1", Settings(Shop))).IsSuccess);
        var lines = Daily("MUG-1", 5, _ => 4).ToList();
        lines[2] = lines[2] with { Date = "2026-02-30" };

        var error = (await RecordSalesAsync(Shop, lines)).ShouldFail();

        Assert.Equal("network.bad_date", error.Code);
        Assert.Equal("days[2].date", error.Field);
        Assert.Equal(0, Assert.Single((await AdviseAsync(Shop)).Value.Lines).Why.ForecastUnits);
    }

    [Theory]
    [InlineData(-1, "network.bad_units", "days[0].units")]
    [InlineData(100_001, "network.bad_units", "days[0].units")]
    public async Task UnitsOutOfRange_AreRejected(int units, string code, string field)
    {
        var error = (await RecordSalesAsync(Shop, Daily("MUG-1", 1, _ => units))).ShouldFail();

        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task BadSettings_AreRejectedAtTheField_AndNothingIsWritten()
    {
        var error = (await ConfigureAsync("MUG-1", Settings(Shop, casePack: 0))).ShouldFail();

        Assert.Equal("network.bad_case_pack", error.Code);
        Assert.Equal("casePack", error.Field);
        Assert.Empty((await AdviseAsync(Shop)).Value.Lines);
    }

    [Fact]
    public async Task StaffOfOneShop_CannotReadOrWriteAnothersAdvice()
    {
        var staff = StaffOf(OtherShop);

        Assert.Equal("identity.other_store", (await AdviseAsync(Shop, staff)).ShouldFail().Code);
        Assert.Equal("identity.other_store", (await ConfigureAsync("MUG-1", Settings(Shop), staff)).ShouldFail().Code);
        Assert.Equal("identity.other_store", (await RecordSalesAsync(Shop, Daily("MUG-1", 3, _ => 1), staff)).ShouldFail().Code);
        Assert.Empty((await AdviseAsync(Shop)).Value.Lines);
        Assert.True((await AdviseAsync(OtherShop, staff)).IsSuccess);
    }

    [Fact]
    public async Task AShopTenant_SeesNoLocationOfAnotherTenant()
    {
        Assert.True((await ConfigureAsync("MUG-1", Settings(Shop))).IsSuccess);
        var stranger = await NewTenantAsync("Another shop");

        var error = (await AdviseAsync(Shop, stranger)).ShouldFail();

        Assert.Equal("network.unknown_location", error.Code);
        Assert.Equal("locationId", error.Field);
        Assert.Equal("network.unknown_location", (await RecordSalesAsync(Shop, Daily("MUG-1", 3, _ => 1), stranger)).ShouldFail().Code);
    }

    [Fact]
    public async Task EachShopLocation_HasItsOwnSettingsAndSales()
    {
        Assert.True((await ConfigureAsync("MUG-1", Settings(Shop))).IsSuccess);
        Assert.True((await ConfigureAsync("MUG-1", Settings(OtherShop))).IsSuccess);
        Assert.True((await RecordSalesAsync(Shop, Daily("MUG-1", 70, _ => 10))).IsSuccess);

        Assert.Equal(90, Assert.Single((await AdviseAsync(Shop)).Value.Lines).Why.ForecastUnits, 3);
        Assert.Equal(0, Assert.Single((await AdviseAsync(OtherShop)).Value.Lines).Why.ForecastUnits, 3);
    }
}

public sealed class ReplenishmentSqliteTests() : ReplenishmentTests(DatabaseProvider.Sqlite);

public sealed class ReplenishmentPostgresTests() : ReplenishmentTests(DatabaseProvider.Postgres);
