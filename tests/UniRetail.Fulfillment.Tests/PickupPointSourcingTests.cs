using Xunit;
using static UniRetail.Fulfillment.Tests.OrderBuilder;

namespace UniRetail.Fulfillment.Tests;

/// <summary>A pickup at a network shop's counter: shipped there like a home delivery, the point's parcels counted, never moved elsewhere.</summary>
public sealed class PickupPointSourcingTests
{
    private static LocationBuilder Counter => LocationBuilder.APickupPoint("PP01").At(51.5308, -0.1238);

    [Fact]
    public void Decide_PickupPoint_ShipsFromTheNearestLocationWithEveryLineAndCountsThePoint()
    {
        var result = AnOrder().WithLine("SKU-1", 2).PickedUpAt("PP01").At(London.MondayNight)
            .SourcedFrom(Counter.WithDailyCapacity(5, 4), London.Dartford.WithStock("SKU-1", 9), London.MiltonKeynes.WithStock("SKU-1", 9));

        Assert.Equal(["WH01 SKU-1x2"], result.Picks());
        Assert.Equal("pickup_point.nearest_single_location", result.Value.Explanation.Rule);
        Assert.StartsWith("Parcel for pickup point PP01", result.Value.Explanation.Summary, StringComparison.Ordinal);
        Assert.Equal("does not ship", result.WhyNot("PP01"));
        Assert.Equal(LocationBuilder.IdOf("PP01"), result.Value.PickupPoint);
        Assert.Equal([LocationBuilder.IdOf("WH01"), LocationBuilder.IdOf("PP01")], result.Value.Counted);
    }

    [Fact]
    public void Decide_PickupPoint_SplitsAcrossLocationsWhenNoneHasEveryLine()
    {
        var result = AnOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 1).PickedUpAt("PP01")
            .SourcedFrom(Counter, London.Dartford.WithStock("SKU-1", 9), London.MiltonKeynes.WithStock("SKU-2", 9));

        Assert.Equal(["WH01 SKU-1x1", "WH02 SKU-2x1"], result.Picks());
        Assert.Equal("pickup_point.fewest_locations", result.Value.Explanation.Rule);
    }

    [Fact]
    public void Decide_PickupPoint_Full_RefusesRatherThanMovingThePickup()
    {
        var result = AnOrder().WithLine("SKU-1", 1).PickedUpAt("PP01")
            .SourcedFrom(Counter.WithDailyCapacity(3, 3), London.Dartford.WithStock("SKU-1", 9), London.CoventGarden.WithStock("SKU-1", 9));

        Assert.Equal(("fulfillment.pickup_point_full", "storeId"), (result.Error?.Code, result.Error?.Field));
    }

    [Fact]
    public void Decide_PickupPoint_Stopped_IsNotAPickupStore()
    {
        var result = AnOrder().WithLine("SKU-1", 1).PickedUpAt("PP01").SourcedFrom(Counter.WithoutPickup(), London.Dartford.WithStock("SKU-1", 9));

        Assert.Equal("fulfillment.not_a_pickup_store", result.Error?.Code);
    }

    [Fact]
    public void Decide_PickupPoint_NoStockAnywhere_SaysWhatIsShort()
    {
        var result = AnOrder().WithLine("SKU-1", 4).PickedUpAt("PP01").SourcedFrom(Counter, London.Dartford.WithStock("SKU-1", 3));

        Assert.Equal("fulfillment.no_location_can_fulfil", result.Error?.Code);
        Assert.Contains("only 3 of 4 SKU-1", result.Error!.Message, StringComparison.Ordinal);
    }
}
