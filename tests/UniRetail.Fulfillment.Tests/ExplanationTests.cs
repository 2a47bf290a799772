using UniRetail.Fulfillment.Contracts;
using System.Text.Json;
using UniRetail.Fulfillment.Sourcing;
using Xunit;
using static UniRetail.Fulfillment.Tests.OrderBuilder;

namespace UniRetail.Fulfillment.Tests;

public sealed class ExplanationTests
{
    [Fact]
    public void Decide_CandidatesGivenInAnyOrder_GiveTheSameDecision()
    {
        var order = AnOrder().WithLine("SKU-1", 3).WithLine("SKU-2", 2).ShippedTo(London.Islington).Build();
        var locations = new[]
        {
            London.KingsCross.WithStock("SKU-1", 2).WithStock("SKU-2", 1).Build(),
            London.Shoreditch.WithStock("SKU-1", 1).WithStock("SKU-2", 2).Build(),
            London.Dartford.WithStock("SKU-1", 2).Build(),
            London.Brixton.WithStock("SKU-2", 2).Build(),
        };

        var decisions = Enumerable.Range(0, 6)
            .Select(seed => new Random(seed))
            .Select(random => locations.OrderBy(_ => random.Next()).ToList())
            .Append(locations.Reverse().ToList())
            .Select(shuffled => SourcingPolicy.Decide(order, shuffled).Value)
            .Select(d => (string.Join(",", d.Allocations), d.Explanation.ToJson()))
            .Distinct();

        Assert.Single(decisions);
    }

    [Fact]
    public void Decide_TwoLocationsAtTheSameDistance_TakesTheLowerCode()
    {
        var twin = LocationBuilder.AWarehouse("WH09").At(51.4440, 0.2190).WithStock("SKU-1", 5);

        var result = AnOrder().WithLine("SKU-1", 1).ShippedTo(London.Islington)
            .SourcedFrom(twin, London.Dartford.WithStock("SKU-1", 5));

        Assert.Equal(["WH01 SKU-1x1"], result.Picks());
        Assert.Equal("farther than WH01 (24.6 km)", result.WhyNot("WH09"));
    }

    [Fact]
    public void Decide_Explanation_ListsEveryCandidateNearestFirstWithRoundedDistance()
    {
        var result = AnOrder().WithLine("SKU-1", 1).DeliveredSameDayTo(London.Soho).SourcedFrom(
            London.Brixton.WithStock("SKU-1", 1).DeliveringWithin(8),
            London.CoventGarden.WithStock("SKU-1", 1).DeliveringWithin(3),
            London.Dartford.WithStock("SKU-1", 1));

        Assert.Equal([("CG01", 0.9, true), ("BX01", 6.0, false), ("WH01", 25.8, false)],
            result.Value.Explanation.Candidates.Select(c => (c.Code, c.DistanceKm, c.Chosen)).ToArray());
        Assert.Null(result.WhyNot("CG01"));
        Assert.Equal("Delivered same day from CG01, the nearest open location in range with every line, 0.9 km away.", result.Value.Explanation.Summary);
    }

    [Fact]
    public void ToJson_Explanation_CarriesRuleSummaryAndCandidates()
    {
        var result = AnOrder().WithLine("SKU-1", 1).ShippedTo(London.Islington).SourcedFrom(
            London.KingsCross.NotShipping(),
            London.Dartford.WithStock("SKU-1", 5));

        using var json = JsonDocument.Parse(result.Value.Explanation.ToJson());

        var root = json.RootElement;
        Assert.Equal("ship_to_home.nearest_single_location", root.GetProperty("rule").GetString());
        Assert.StartsWith("Shipped from WH01", root.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var kingsCross = root.GetProperty("candidates")[0];
        Assert.Equal("loc_KX01", kingsCross.GetProperty("locationId").GetString());
        Assert.Equal(1.5, kingsCross.GetProperty("distanceKm").GetDouble());
        Assert.False(kingsCross.GetProperty("chosen").GetBoolean());
        Assert.Equal("does not ship", kingsCross.GetProperty("whyNot").GetString());
        Assert.False(root.GetProperty("candidates")[1].TryGetProperty("whyNot", out _));
    }

    [Fact]
    public void Decide_OrderWithoutLines_Throws()
    {
        var order = new SourcingRequest(FulfilmentType.ShipToHome, [], London.Soho, null, London.MondayAfternoon);

        Assert.Throws<ArgumentException>(() => SourcingPolicy.Decide(order, []));
    }

    [Fact]
    public void Decide_PartnerShopStoreAndWarehouse_AllShipInOneSplit()
    {
        var result = AnOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 1).WithLine("SKU-3", 1).ShippedTo(London.Islington).SourcedFrom(
            London.KingsCross.WithStock("SKU-1", 1),
            London.Shoreditch.WithStock("SKU-2", 1),
            London.Dartford.WithStock("SKU-3", 1));

        Assert.Equal(["KX01 SKU-1x1", "SH01 SKU-2x1", "WH01 SKU-3x1"], result.Picks());
        Assert.All(result.Value.Explanation.Candidates, c => Assert.True(c.Chosen));
    }
}
