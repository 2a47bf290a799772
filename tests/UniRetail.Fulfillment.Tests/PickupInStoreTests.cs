using UniRetail.Fulfillment.Sourcing;
using UniRetail.Kernel;
using Xunit;
using static UniRetail.Fulfillment.Tests.OrderBuilder;
using UniRetail.Testing;

namespace UniRetail.Fulfillment.Tests;

public sealed class PickupInStoreTests
{
    [Fact]
    public void Decide_Pickup_ChosenStoreHasEveryLine_PicksUpThere()
    {
        var result = AnOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1).PickedUpAt("CG01")
            .SourcedFrom(London.CoventGarden.WithStock("SKU-1", 2).WithStock("SKU-2", 1), London.OxfordStreet.WithStock("SKU-1", 9).WithStock("SKU-2", 9));

        Assert.Equal(["CG01 SKU-1x2", "CG01 SKU-2x1"], result.Picks());
        Assert.Equal(PickupSourcing.ChosenStoreRule, result.Value.Explanation.Rule);
    }

    [Fact]
    public void Decide_Pickup_ChosenStoreClosedNow_StillPicksUpThereLater()
    {
        var result = AnOrder().WithLine("SKU-1", 1).PickedUpAt("CG01").At(London.MondayNight)
            .SourcedFrom(London.CoventGarden.WithStock("SKU-1", 1));

        Assert.Equal(["CG01 SKU-1x1"], result.Picks());
    }

    [Fact]
    public void Decide_Pickup_ChosenStoreOutOfStock_MovesToNearestOtherPickupStore()
    {
        var result = AnOrder().WithLine("SKU-1", 1).PickedUpAt("CG01").SourcedFrom(
            London.CoventGarden,
            London.Brixton.WithStock("SKU-1", 5),
            London.OxfordStreet.WithStock("SKU-1", 5));

        Assert.Equal(["OX01 SKU-1x1"], result.Picks());
        Assert.Equal(PickupSourcing.NearestOtherRule, result.Value.Explanation.Rule);
        Assert.Equal("out of stock for SKU-1", result.WhyNot("CG01"));
        Assert.Equal("farther than OX01 (1.3 km)", result.WhyNot("BX01"));
        Assert.Equal(1.3, result.Candidate("OX01").DistanceKm);
        Assert.Contains("moved from CG01 (out of stock for SKU-1) to OX01", result.Value.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Pickup_ChosenStoreWouldDipIntoSafetyStock_MovesElsewhere()
    {
        var result = AnOrder().WithLine("SKU-1", 2).PickedUpAt("CG01").SourcedFrom(
            London.CoventGarden.WithStock("SKU-1", 1).WithSafetyStock("SKU-1", 3),
            London.KingsCross.WithStock("SKU-1", 2));

        Assert.Equal(["KX01 SKU-1x2"], result.Picks());
        Assert.Equal("would dip into safety stock for SKU-1", result.WhyNot("CG01"));
    }

    [Fact]
    public void Decide_Pickup_ChosenStoreAtDailyCapacity_MovesElsewhere()
    {
        var result = AnOrder().WithLine("SKU-1", 1).PickedUpAt("CG01").SourcedFrom(
            London.CoventGarden.WithStock("SKU-1", 5).WithDailyCapacity(50, acceptedToday: 50),
            London.OxfordStreet.WithStock("SKU-1", 5));

        Assert.Equal(["OX01 SKU-1x1"], result.Picks());
        Assert.Equal("daily capacity 50 reached", result.WhyNot("CG01"));
    }

    [Fact]
    public void Decide_Pickup_NearestFallbackClosedOrWithoutPickup_SkipsThem()
    {
        var result = AnOrder().WithLine("SKU-1", 1).PickedUpAt("CG01").SourcedFrom(
            London.CoventGarden,
            London.OxfordStreet.WithStock("SKU-1", 5).ClosedOnMondays(),
            London.KingsCross.WithStock("SKU-1", 5).WithoutPickup(),
            London.Brixton.WithStock("SKU-1", 5));

        Assert.Equal(["BX01 SKU-1x1"], result.Picks());
        Assert.Equal("closed", result.WhyNot("OX01"));
        Assert.Equal("does not offer pickup", result.WhyNot("KX01"));
    }

    [Fact]
    public void Decide_Pickup_NoOtherStoreCanServe_ReturnsNoLocationCanFulfilWithReasons()
    {
        var result = AnOrder().WithLine("SKU-1", 1).PickedUpAt("CG01").SourcedFrom(
            London.CoventGarden,
            London.OxfordStreet.ClosedOnMondays().WithStock("SKU-1", 1),
            London.Dartford.WithStock("SKU-1", 100));

        Assert.Equal(("fulfillment.no_location_can_fulfil", ErrorKind.Conflict), (result.ShouldFail().Code, result.ShouldFail().Kind));
        Assert.Contains("CG01: out of stock for SKU-1; OX01: closed; WH01: does not offer pickup", result.ShouldFail().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Pickup_ChosenLocationDoesNotOfferPickup_ReturnsNotAPickupStore()
    {
        var result = AnOrder().WithLine("SKU-1", 1).PickedUpAt("WH01").SourcedFrom(London.Dartford.WithStock("SKU-1", 1));

        Assert.Equal(("fulfillment.not_a_pickup_store", ErrorKind.Validation, "storeId"), (result.ShouldFail().Code, result.ShouldFail().Kind, result.ShouldFail().Field));
    }

    [Fact]
    public void Decide_Pickup_NoStore_ReturnsStoreRequired()
    {
        var result = AnOrder().WithLine("SKU-1", 1).PickedUpAt(null).SourcedFrom(London.CoventGarden.WithStock("SKU-1", 1));

        Assert.Equal(("fulfillment.store_required", "storeId"), (result.ShouldFail().Code, result.ShouldFail().Field));
    }
}
