using UniRetail.Fulfillment.Sourcing;
using UniRetail.Kernel;
using Xunit;
using static UniRetail.Fulfillment.Tests.OrderBuilder;
using UniRetail.Testing;

namespace UniRetail.Fulfillment.Tests;

public sealed class InStorePurchaseTests
{
    [Fact]
    public void Decide_InStorePurchase_TakesEveryLineFromTheStore()
    {
        var result = AnOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1).SoldAtTheTillIn("CG01")
            .SourcedFrom(London.CoventGarden.WithStock("SKU-1", 5).WithStock("SKU-2", 1), London.OxfordStreet.WithStock("SKU-1", 50));

        Assert.Equal(["CG01 SKU-1x2", "CG01 SKU-2x1"], result.Picks());
        Assert.Equal(InStorePurchaseSourcing.Rule, result.Value.Explanation.Rule);
        Assert.True(result.Candidate("CG01").Chosen);
    }

    [Fact]
    public void Decide_InStorePurchase_OnlySafetyStockLeft_SellsFromTheShelf()
    {
        var result = AnOrder().WithLine("SKU-1", 3).SoldAtTheTillIn("CG01")
            .SourcedFrom(London.CoventGarden.WithSafetyStock("SKU-1", 3));

        Assert.Equal(["CG01 SKU-1x3"], result.Picks());
    }

    [Fact]
    public void Decide_InStorePurchase_SecondLineShortOnTheShelf_ReturnsOutOfStockNamingTheLine()
    {
        var result = AnOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 4).SoldAtTheTillIn("CG01")
            .SourcedFrom(London.CoventGarden.WithStock("SKU-1", 1).WithStock("SKU-2", 1).WithSafetyStock("SKU-2", 2));

        Assert.Equal("fulfillment.out_of_stock", result.ShouldFail().Code);
        Assert.Equal(ErrorKind.Conflict, result.ShouldFail().Kind);
        Assert.Equal("lines[1].sku", result.ShouldFail().Field);
        Assert.Contains("Only 3 of 4 SKU-2", result.ShouldFail().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InStorePurchase_SameSkuOnTwoLines_CountsBothLines()
    {
        var result = AnOrder().WithLine("SKU-1", 2).WithLine("SKU-1", 2).SoldAtTheTillIn("CG01")
            .SourcedFrom(London.CoventGarden.WithStock("SKU-1", 3));

        Assert.Equal("fulfillment.out_of_stock", result.ShouldFail().Code);
        Assert.Equal("lines[0].sku", result.ShouldFail().Field);
    }

    [Fact]
    public void Decide_InStorePurchase_NoStore_ReturnsStoreRequired()
    {
        var result = AnOrder().WithLine("SKU-1", 1).SoldAtTheTillIn(null).SourcedFrom(London.CoventGarden.WithStock("SKU-1", 1));

        Assert.Equal(("fulfillment.store_required", ErrorKind.Validation, "storeId"), (result.ShouldFail().Code, result.ShouldFail().Kind, result.ShouldFail().Field));
    }

    [Fact]
    public void Decide_InStorePurchase_StoreNotAmongCandidates_ReturnsUnknownStore()
    {
        var result = AnOrder().WithLine("SKU-1", 1).SoldAtTheTillIn("ZZ99").SourcedFrom(London.CoventGarden.WithStock("SKU-1", 1));

        Assert.Equal(("fulfillment.unknown_store", ErrorKind.NotFound, "storeId"), (result.ShouldFail().Code, result.ShouldFail().Kind, result.ShouldFail().Field));
    }
}
