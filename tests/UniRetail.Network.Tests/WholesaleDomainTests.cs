using UniRetail.Network.Domain.Wholesale;
using Xunit;

namespace UniRetail.Network.Tests;

public sealed class WholesaleDomainTests
{
    [Theory]
    [InlineData("2026-11-20", "tuesday", "2026-11-24")]  // Friday → the Tuesday after
    [InlineData("2026-11-24", "tuesday", "2026-12-01")]  // on the delivery day itself → next week
    [InlineData("2026-11-23", "tuesday", "2026-11-24")]  // Monday → tomorrow
    [InlineData("2026-11-21", "Sunday", "2026-11-22")]
    public void TheNextDeliveryIsTheFirstDeliveryDayAfterToday(string today, string day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DeliveryDays.Next(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), DeliveryDays.Parse(day).Value));

    [Theory]
    [InlineData("3")]
    [InlineData("")]
    [InlineData("mon")]
    public void ADeliveryDayIsADayName(string day) => Assert.Equal("network.bad_delivery_day", DeliveryDays.Parse(day).Error?.Code);

    [Theory]
    [InlineData(1, 210, 0)]
    [InlineData(19, 210, 0)]
    [InlineData(20, 190, 20)]
    [InlineData(49, 190, 20)]
    [InlineData(50, 180, 50)]
    [InlineData(5000, 180, 50)]
    public void TheCasePriceIsTheHighestTierTheMonthReaches(int monthCases, long price, int tier) =>
        Assert.Equal((price, tier), TierPricing.CasePrice(210, [new PriceTier(20, 190), new PriceTier(50, 180)], monthCases));
}
