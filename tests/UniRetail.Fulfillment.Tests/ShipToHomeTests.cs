using UniRetail.Kernel;
using Xunit;
using static UniRetail.Fulfillment.Tests.OrderBuilder;
using UniRetail.Testing;

namespace UniRetail.Fulfillment.Tests;

public sealed class ShipToHomeTests
{
    [Fact]
    public void Decide_ShipToHome_SeveralLocationsHaveEveryLine_ShipsFromTheNearest()
    {
        var result = AnOrder().WithLine("SKU-1", 2).ShippedTo(London.Islington).SourcedFrom(
            London.MiltonKeynes.WithStock("SKU-1", 100),
            London.Dartford.WithStock("SKU-1", 100),
            London.Shoreditch.WithStock("SKU-1", 1));

        Assert.Equal(["WH01 SKU-1x2"], result.Picks());
        Assert.Equal("ship_to_home.nearest_single_location", result.Value.Explanation.Rule);
        Assert.Equal("farther than WH01 (24.6 km)", result.WhyNot("WH02"));
        Assert.Equal("only 1 of 2 available for SKU-1", result.WhyNot("SH01"));
    }

    [Fact]
    public void Decide_ShipToHome_FarLocationWithEveryLine_BeatsANearerSplit()
    {
        var result = AnOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 1).ShippedTo(London.Islington).SourcedFrom(
            London.KingsCross.WithStock("SKU-1", 5),
            London.Shoreditch.WithStock("SKU-2", 5),
            London.MiltonKeynes.WithStock("SKU-1", 5).WithStock("SKU-2", 5));

        Assert.Equal(["WH02 SKU-1x1", "WH02 SKU-2x1"], result.Picks());
    }

    [Fact]
    public void Decide_ShipToHome_NoSingleLocation_SplitsAcrossTheFewest()
    {
        var result = AnOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 1).WithLine("SKU-3", 1).ShippedTo(London.Islington).SourcedFrom(
            London.KingsCross.WithStock("SKU-1", 5),
            London.Shoreditch.WithStock("SKU-2", 5),
            London.Dartford.WithStock("SKU-2", 5).WithStock("SKU-3", 5));

        Assert.Equal(["KX01 SKU-1x1", "WH01 SKU-2x1", "WH01 SKU-3x1"], result.Picks());
        Assert.Equal("ship_to_home.fewest_locations", result.Value.Explanation.Rule);
        Assert.Equal("not needed: fewer or nearer locations cover the order", result.WhyNot("SH01"));
        Assert.Equal("Split across 2 locations (KX01, WH01) because no single location that ships has every line.", result.Value.Explanation.Summary);
    }

    [Fact]
    public void Decide_ShipToHome_TwoPairsCoverTheOrder_PicksThePairWithLessDistance()
    {
        var result = AnOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 1).ShippedTo(London.Islington).SourcedFrom(
            London.MiltonKeynes.WithStock("SKU-1", 5),
            London.Dartford.WithStock("SKU-2", 5),
            London.KingsCross.WithStock("SKU-1", 5),
            London.Brixton.WithStock("SKU-2", 5));

        Assert.Equal(["KX01 SKU-1x1", "BX01 SKU-2x1"], result.Picks());
    }

    [Fact]
    public void Decide_ShipToHome_GreedyWouldNeedThree_FindsTheTwoLocationCover()
    {
        var result = AnOrder().WithLine("A", 1).WithLine("B", 1).WithLine("C", 1).WithLine("D", 1).WithLine("E", 1).WithLine("F", 1)
            .ShippedTo(London.Islington).SourcedFrom(
                London.KingsCross.WithStock("A", 1).WithStock("B", 1).WithStock("C", 1).WithStock("D", 1),
                London.Dartford.WithStock("A", 1).WithStock("B", 1).WithStock("E", 1),
                London.MiltonKeynes.WithStock("C", 1).WithStock("D", 1).WithStock("F", 1));

        Assert.Equal(["loc_WH01", "loc_WH02"], result.Value.Locations.Select(id => id.Value).Order().ToArray());
    }

    [Fact]
    public void Decide_ShipToHome_LineOneMemberOfTheSplitCovers_IsNotSplit()
    {
        var result = AnOrder().WithLine("SKU-1", 5).WithLine("SKU-2", 5).ShippedTo(London.Islington).SourcedFrom(
            London.KingsCross.WithStock("SKU-1", 3).WithStock("SKU-2", 5),
            London.Dartford.WithStock("SKU-1", 5));

        Assert.Equal(["WH01 SKU-1x5", "KX01 SKU-2x5"], result.Picks());
    }

    [Fact]
    public void Decide_ShipToHome_LineLargerThanAnyLocationHolds_SplitsTheLine()
    {
        var result = AnOrder().WithLine("SKU-1", 10).ShippedTo(London.Islington).SourcedFrom(
            London.KingsCross.WithStock("SKU-1", 4),
            London.Shoreditch.WithStock("SKU-1", 2),
            London.Dartford.WithStock("SKU-1", 7));

        Assert.Equal(["WH01 SKU-1x7", "KX01 SKU-1x3"], result.Picks());
    }

    [Fact]
    public void Decide_ShipToHome_OnlySafetyStockNearby_NeverUsesIt()
    {
        var result = AnOrder().WithLine("SKU-1", 2).ShippedTo(London.Islington).SourcedFrom(
            London.KingsCross.WithStock("SKU-1", 1).WithSafetyStock("SKU-1", 5),
            London.Dartford.WithStock("SKU-1", 2));

        Assert.Equal(["WH01 SKU-1x2"], result.Picks());
        Assert.Equal("would dip into safety stock for SKU-1", result.WhyNot("KX01"));
    }

    [Fact]
    public void Decide_ShipToHome_NearerLocationsNotShippingOrFull_AreSkipped()
    {
        var result = AnOrder().WithLine("SKU-1", 1).ShippedTo(London.Islington).SourcedFrom(
            London.KingsCross.WithStock("SKU-1", 5).NotShipping(),
            London.Shoreditch.WithStock("SKU-1", 5).WithDailyCapacity(200, acceptedToday: 201),
            London.Dartford.WithStock("SKU-1", 5));

        Assert.Equal(["WH01 SKU-1x1"], result.Picks());
        Assert.Equal("does not ship", result.WhyNot("KX01"));
        Assert.Equal("daily capacity 200 reached", result.WhyNot("SH01"));
    }

    [Fact]
    public void Decide_ShipToHome_NoDailyCapacity_IsUnlimited()
    {
        var result = AnOrder().WithLine("SKU-1", 1).ShippedTo(London.Islington)
            .SourcedFrom(London.KingsCross.WithStock("SKU-1", 5).WithAcceptedToday(10_000));

        Assert.Equal(["KX01 SKU-1x1"], result.Picks());
    }

    [Fact]
    public void Decide_ShipToHome_StoreClosedNow_StillShips()
    {
        var result = AnOrder().WithLine("SKU-1", 1).ShippedTo(London.Islington).At(London.MondayNight)
            .SourcedFrom(London.KingsCross.WithStock("SKU-1", 5), London.Dartford.WithStock("SKU-1", 5));

        Assert.Equal(["KX01 SKU-1x1"], result.Picks());
    }

    [Fact]
    public void Decide_ShipToHome_NotEnoughUnitsAnywhere_ReturnsNoLocationCanFulfil()
    {
        var result = AnOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 8).ShippedTo(London.Islington).SourcedFrom(
            London.KingsCross.WithStock("SKU-2", 5).NotShipping(),
            London.Dartford.WithStock("SKU-1", 5).WithStock("SKU-2", 3));

        Assert.Equal(("fulfillment.no_location_can_fulfil", ErrorKind.Conflict), (result.ShouldFail().Code, result.ShouldFail().Kind));
        Assert.Contains("only 3 of 8 SKU-2 available where it can ship from; KX01: does not ship", result.ShouldFail().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ShipToHome_NoDestination_ReturnsDestinationRequired()
    {
        var result = AnOrder().WithLine("SKU-1", 1).ShippedTo(null).SourcedFrom(London.Dartford.WithStock("SKU-1", 5));

        Assert.Equal(("fulfillment.destination_required", ErrorKind.Validation, "destination"), (result.ShouldFail().Code, result.ShouldFail().Kind, result.ShouldFail().Field));
    }
}
