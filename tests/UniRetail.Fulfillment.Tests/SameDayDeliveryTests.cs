using UniRetail.Fulfillment.Sourcing;
using UniRetail.Kernel;
using Xunit;
using static UniRetail.Fulfillment.Tests.OrderBuilder;
using UniRetail.Testing;

namespace UniRetail.Fulfillment.Tests;

public sealed class SameDayDeliveryTests
{
    [Fact]
    public void Decide_SameDay_PicksNearestOpenLocationInRange()
    {
        var result = AnOrder().WithLine("SKU-1", 1).DeliveredSameDayTo(London.Soho).SourcedFrom(
            London.KingsCross.WithStock("SKU-1", 3).DeliveringWithin(5),
            London.CoventGarden.WithStock("SKU-1", 3).DeliveringWithin(5));

        Assert.Equal(["CG01 SKU-1x1"], result.Picks());
        Assert.Equal(SameDaySourcing.Rule, result.Value.Explanation.Rule);
        Assert.Equal("farther than CG01 (0.9 km)", result.WhyNot("KX01"));
    }

    [Fact]
    public void Decide_SameDay_OutsideRadius_ExplainsRadiusAndDistance()
    {
        var result = AnOrder().WithLine("SKU-1", 1).DeliveredSameDayTo(London.Soho).SourcedFrom(
            London.Shoreditch.WithStock("SKU-1", 3).DeliveringWithin(3),
            London.Brixton.WithStock("SKU-1", 3).DeliveringWithin(8));

        Assert.Equal(["BX01 SKU-1x1"], result.Picks());
        Assert.Equal("outside delivery radius 3.0 km at 4.3 km", result.WhyNot("SH01"));
    }

    [Fact]
    public void Decide_SameDay_NearestStoreClosed_SkipsIt()
    {
        var result = AnOrder().WithLine("SKU-1", 1).DeliveredSameDayTo(London.Soho).SourcedFrom(
            London.OxfordStreet.WithStock("SKU-1", 3).DeliveringWithin(5).ClosedOnMondays(),
            London.CoventGarden.WithStock("SKU-1", 3).DeliveringWithin(5));

        Assert.Equal(["CG01 SKU-1x1"], result.Picks());
        Assert.Equal("closed", result.WhyNot("OX01"));
    }

    [Fact]
    public void Decide_SameDay_AtNightEveryStoreClosed_ReturnsNoLocationCanFulfil()
    {
        var result = AnOrder().WithLine("SKU-1", 1).DeliveredSameDayTo(London.Soho).At(London.MondayNight)
            .SourcedFrom(London.CoventGarden.WithStock("SKU-1", 3).DeliveringWithin(5));

        Assert.Equal("fulfillment.no_location_can_fulfil", result.ShouldFail().Code);
        Assert.Contains("CG01: closed", result.ShouldFail().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SameDay_NoLocationHasEveryLine_DoesNotSplit()
    {
        var result = AnOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 1).DeliveredSameDayTo(London.Soho).SourcedFrom(
            London.CoventGarden.WithStock("SKU-1", 3).DeliveringWithin(5),
            London.OxfordStreet.WithStock("SKU-2", 3).DeliveringWithin(5));

        Assert.Equal(("fulfillment.no_location_can_fulfil", ErrorKind.Conflict), (result.ShouldFail().Code, result.ShouldFail().Kind));
        Assert.Contains("OX01: out of stock for SKU-1; CG01: out of stock for SKU-2", result.ShouldFail().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SameDay_SkipsNonDeliveringAndFullLocations()
    {
        var result = AnOrder().WithLine("SKU-1", 1).DeliveredSameDayTo(London.Soho).SourcedFrom(
            London.OxfordStreet.WithStock("SKU-1", 3),
            London.CoventGarden.WithStock("SKU-1", 3).DeliveringWithin(5).WithDailyCapacity(200, acceptedToday: 200),
            London.KingsCross.WithStock("SKU-1", 3).DeliveringWithin(5).WithDailyCapacity(200, acceptedToday: 199));

        Assert.Equal(["KX01 SKU-1x1"], result.Picks());
        Assert.Equal("does not deliver same day", result.WhyNot("OX01"));
        Assert.Equal("daily capacity 200 reached", result.WhyNot("CG01"));
    }

    [Fact]
    public void Decide_SameDay_NoDestination_ReturnsDestinationRequired()
    {
        var result = AnOrder().WithLine("SKU-1", 1).DeliveredSameDayTo(null).SourcedFrom(London.CoventGarden.WithStock("SKU-1", 3).DeliveringWithin(5));

        Assert.Equal(("fulfillment.destination_required", ErrorKind.Validation, "destination"), (result.ShouldFail().Code, result.ShouldFail().Kind, result.ShouldFail().Field));
    }
}
