using System.Net;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>Where pickups, same-day deliveries and endless-aisle sales are sourced from, and the explanation kept with each.</summary>
public abstract class RoutingTests(ServerFixture server) : ServerTests(server)
{
    [Theory]
    [InlineData("pos", "in_store_purchase")]
    [InlineData("pos", "endless_aisle")]
    [InlineData("web", "pickup_in_store")]
    [InlineData("web", "ship_to_home")]
    [InlineData("app", "same_day_delivery")]
    public async Task AnOrderWhoseStoreIsAWarehouseIsRefusedAndHoldsNothing(string channel, string fulfilment)
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 5);

        var response = await retailer.PlaceOrderAsync(new OrderBuilder(channel, fulfilment, warehouse.Id, London.Shoreditch).WithLine(sku, 1));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.not_a_store", "storeId");
        Assert.Contains("PR01", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Warehouse", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(await retailer.ListOrdersAsync());
        Assert.Equal(0, (await retailer.LevelAsync(sku, warehouse)).Reserved);
    }

    [Fact]
    public async Task AHomeDeliveryCreditsTheStoreItNames()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 5);

        var order = await retailer.PlaceOrderOkAsync(new OrderBuilder("web", "ship_to_home", coventGarden.Id, London.Shoreditch).WithLine(sku, 1));

        Assert.Equal(coventGarden.Id, order.StoreId);
        Assert.Equal(warehouse.Id, Assert.Single(order.Allocations).LocationId);
    }

    [Fact]
    public async Task APickupFallsBackToTheNearestOtherStoreWhenTheChosenStoreHasNoStock()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        var greenwich = await retailer.AddStoreAsync(London.Greenwich);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 50);
        await retailer.ReceiveAsync(camden, sku, 2);
        await retailer.ReceiveAsync(greenwich, sku, 2);

        var order = await retailer.PlaceOrderOkAsync(AnOrder.PickupAt(coventGarden).WithLine(sku, 2));

        Assert.Equal(new OrderAllocation(1, camden.Id, 2), Assert.Single(order.Allocations));
        Assert.Equal("pickup.nearest_other_store", order.RoutingRule);
        Assert.Contains("from CG01 (out of stock for MUG-BLUE) to CM01", order.RoutingSummary, StringComparison.Ordinal);
        Assert.Equal("does not offer pickup", order.WhyNot(warehouse));
        Assert.StartsWith("farther than CM01", order.WhyNot(greenwich), StringComparison.Ordinal);
        Assert.Equal(2, (await retailer.LevelAsync(sku, camden)).Reserved);
    }

    [Fact]
    public async Task SameDayDeliveryComesFromTheNearestStoreWhoseRadiusReachesTheCustomer()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden, deliveryRadiusKm: 5);
        var camden = await retailer.AddStoreAsync(London.Camden, deliveryRadiusKm: 1);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(coventGarden, sku, 3);
        await retailer.ReceiveAsync(camden, sku, 3);

        var order = await retailer.PlaceOrderOkAsync(AnOrder.SameDayTo(London.Islington).WithLine(sku, 1));

        Assert.Equal(coventGarden.Id, Assert.Single(order.Allocations).LocationId);
        Assert.Equal("same_day.nearest_in_radius", order.RoutingRule);
        Assert.Equal("outside delivery radius 1.0 km at 2.7 km", order.WhyNot(camden));
        Assert.Equal("out_for_delivery", (await retailer.MoveAsync(await retailer.MoveAsync(order, "start-picking"), "dispatch")).Status);
        Assert.Equal(2, (await retailer.LevelAsync(sku, coventGarden)).OnHand);
    }

    [Fact]
    public async Task SameDayDeliveryWithNoStoreInRangeIsAConflictAndHoldsNothing()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden, deliveryRadiusKm: 5);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(coventGarden, sku, 3);

        var response = await retailer.PlaceOrderAsync(AnOrder.SameDayTo(London.Wimbledon).WithLine(sku, 1));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "fulfillment.no_location_can_fulfil");
        Assert.Contains("CG01: outside delivery radius 5.0 km", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(await retailer.ListOrdersAsync());
        Assert.Equal(3, (await retailer.AtpAsync(sku)).NetworkAvailable);
    }

    [Fact]
    public async Task AStoreThatReachedItsDailyCapacityIsPassedOverForTheNextNearest()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden, dailyCapacity: 1);
        var camden = await retailer.AddStoreAsync(London.Camden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(coventGarden, sku, 5);
        await retailer.ReceiveAsync(camden, sku, 5);

        var first = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1));
        var second = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1));

        Assert.Equal(coventGarden.Id, Assert.Single(first.Allocations).LocationId);
        Assert.Equal(camden.Id, Assert.Single(second.Allocations).LocationId);
        Assert.Equal("daily capacity 1 reached", second.WhyNot(coventGarden));
    }

    [Fact]
    public async Task AnEndlessAisleSaleAtAStoreWithAnEmptyShelfShipsFromTheWarehouse()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 5);

        var order = await retailer.PlaceOrderOkAsync(AnOrder.EndlessAisleAt(coventGarden, London.Shoreditch).WithLine(sku, 2));

        Assert.Equal(("pos", "endless_aisle", coventGarden.Id), (order.Channel, order.Fulfilment, order.StoreId));
        Assert.Equal(new OrderAllocation(1, warehouse.Id, 2), Assert.Single(order.Allocations));
        Assert.Equal("endless_aisle.nearest_single_location", order.RoutingRule);
        Assert.Equal("originating store", order.WhyNot(coventGarden));
        Assert.Equal(new StockLevel(sku, warehouse.Id, 5, 2, 0, 0, 3), await retailer.LevelAsync(sku, warehouse));
    }

    [Fact]
    public async Task AnInStorePurchaseIsCompletedAtOnceAndTakesStockFromThatStoreOnly()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 20);
        await retailer.ReceiveAsync(coventGarden, sku, 4);

        var order = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 3));

        Assert.Equal("completed", order.Status);
        Assert.Equal(new StockLevel(sku, coventGarden.Id, 1, 0, 0, 0, 1), await retailer.LevelAsync(sku, coventGarden));
        Assert.Equal(20, (await retailer.LevelAsync(sku, warehouse)).OnHand);
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task AnInStorePurchaseMaySellTheSafetyStockButNotMoreThanTheShelf()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(coventGarden, sku, 2);
        await (await retailer.Admin.PutAsync("/api/inventory/safety-stock",
            System.Net.Http.Json.JsonContent.Create(new { sku, locationId = coventGarden.Id, safetyStock = 2 }), Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await retailer.PlaceOrderAsync(AnOrder.PickupAt(coventGarden).WithLine(sku, 1)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "fulfillment.no_location_can_fulfil");

        var tooMany = await retailer.PlaceOrderAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 3));
        var sold = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(coventGarden).WithLine(sku, 2));

        await tooMany.ShouldBeProblemAsync(HttpStatusCode.Conflict, "fulfillment.out_of_stock", "lines[0].sku");
        Assert.Equal("completed", sold.Status);
        Assert.Equal(0, (await retailer.LevelAsync(sku, coventGarden)).OnHand);
    }
}

public sealed class RoutingSqliteTests(SqliteServer server) : RoutingTests(server), IClassFixture<SqliteServer>;

public sealed class RoutingPostgresTests(PostgresServer server) : RoutingTests(server), IClassFixture<PostgresServer>;
