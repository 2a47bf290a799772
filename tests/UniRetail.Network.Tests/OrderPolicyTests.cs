using UniRetail.Network.Domain.Forecasting;
using UniRetail.Network.Domain.Replenishment;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Network.Tests;

public sealed class OrderPolicyTests
{
    private static DemandForecast Flat(double daily, double sd) => new("ses", Enumerable.Repeat(daily, 28).ToArray(), sd);

    [Fact]
    public void Advise_BelowTarget_OrdersTheShortfallInWholeCases()
    {
        // Cover 2 + 7 = 9 days × 10 = 90; safety 1.645 × 3 × 3 = 14.8; up to 105; on hand 20, on order 12 → 73 → 7 cases of 12 = 84.
        var policy = OrderPolicy.Create(0.95m, leadTimeDays: 2, cycleDays: 7, casePack: 12).Value;

        var advice = policy.Advise(Flat(10, 3), onHand: 20, onOrder: 12);

        Assert.Equal(90, advice.ForecastUnits, 2);
        Assert.Equal(14.8, advice.SafetyStock, 1);
        Assert.Equal(105, advice.OrderUpTo);
        Assert.Equal(73, advice.Shortfall);
        Assert.Equal(84, advice.Units);
        Assert.Equal(7, advice.Cases);
    }

    [Fact]
    public void Advise_SmallShortfall_IsRaisedToTheMinimumOrder()
    {
        var policy = OrderPolicy.Create(0.9m, 1, 6, casePack: 6, minimumUnits: 40).Value;

        var advice = policy.Advise(Flat(1, 0), onHand: 3, onOrder: 0);

        Assert.Equal(4, advice.Shortfall);
        Assert.Equal(42, advice.Units);
    }

    [Fact]
    public void Advise_EnoughStock_OrdersNothing()
    {
        var policy = OrderPolicy.Create(0.95m, 2, 7, casePack: 12, minimumUnits: 48).Value;

        var advice = policy.Advise(Flat(2, 1), onHand: 100, onOrder: 0);

        Assert.Equal(0, advice.Units);
        Assert.Equal(0, advice.Shortfall);
    }

    [Fact]
    public void HigherServiceLevel_HoldsMoreSafetyStock()
    {
        var forecast = Flat(5, 2);
        var ninety = OrderPolicy.Create(0.9m, 2, 7).Value.Advise(forecast, 0, 0);
        var ninetyNine = OrderPolicy.Create(0.99m, 2, 7).Value.Advise(forecast, 0, 0);

        Assert.True(ninetyNine.SafetyStock > ninety.SafetyStock);
        Assert.Equal(2.326, NormalQuantile.Of(0.99), 3);
        Assert.Equal(-1.645, NormalQuantile.Of(0.05), 3);
    }

    [Theory]
    [InlineData(0.4, 2, 7, 1, 0, "network.bad_service_level", "serviceLevel")]
    [InlineData(0.95, -1, 7, 1, 0, "network.bad_days", "leadTimeDays")]
    [InlineData(0.95, 2, 0, 1, 0, "network.bad_days", "cycleDays")]
    [InlineData(0.95, 2, 7, 0, 0, "network.bad_case_pack", "casePack")]
    [InlineData(0.95, 2, 7, 1, -5, "network.bad_minimum_order", "minimumUnits")]
    public void Create_OutOfRange_FailsAtTheField(double level, int lead, int cycle, int pack, int minimum, string code, string field)
    {
        var policy = OrderPolicy.Create((decimal)level, lead, cycle, pack, minimum);

        var error = policy.ShouldFail();
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }
}
