using Xunit;
using static UniRetail.Fulfillment.Tests.OrderBuilder;
using UniRetail.Testing;

namespace UniRetail.Fulfillment.Tests;

public sealed class EndlessAisleTests
{
    [Fact]
    public void Decide_EndlessAisle_NeverShipsFromTheOriginatingStore()
    {
        var result = AnOrder().WithLine("SKU-1", 1).SoldFromTheEndlessAisleIn("CG01", London.Islington).SourcedFrom(
            London.CoventGarden.WithStock("SKU-1", 5),
            London.Dartford.WithStock("SKU-1", 5));

        Assert.Equal(["WH01 SKU-1x1"], result.Picks());
        Assert.Equal("endless_aisle.nearest_single_location", result.Value.Explanation.Rule);
        Assert.Equal("originating store", result.WhyNot("CG01"));
    }

    [Fact]
    public void Decide_EndlessAisle_NoCustomerAddress_MeasuresFromTheOriginatingStore()
    {
        var result = AnOrder().WithLine("SKU-1", 1).SoldFromTheEndlessAisleIn("BX01").SourcedFrom(
            London.Brixton,
            London.KingsCross.WithStock("SKU-1", 5),
            London.OxfordStreet.WithStock("SKU-1", 5));

        Assert.Equal(["OX01 SKU-1x1"], result.Picks());
        Assert.Equal(0, result.Candidate("BX01").DistanceKm);
    }

    [Fact]
    public void Decide_EndlessAisle_NoStore_ReturnsStoreRequired()
    {
        var result = AnOrder().WithLine("SKU-1", 1).SoldFromTheEndlessAisleIn(null, London.Islington)
            .SourcedFrom(London.Dartford.WithStock("SKU-1", 5));

        Assert.Equal(("fulfillment.store_required", "storeId"), (result.ShouldFail().Code, result.ShouldFail().Field));
    }

    [Fact]
    public void Decide_EndlessAisle_UnknownOriginatingStore_ReturnsUnknownStore()
    {
        var result = AnOrder().WithLine("SKU-1", 1).SoldFromTheEndlessAisleIn("ZZ99", London.Islington)
            .SourcedFrom(London.Dartford.WithStock("SKU-1", 5));

        Assert.Equal(("fulfillment.unknown_store", "storeId"), (result.ShouldFail().Code, result.ShouldFail().Field));
    }
}
