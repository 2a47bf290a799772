using System.Net;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public abstract class ShipToHomeTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task AShipToHomeOrderIsAllocatedToTheNearestLocationWithStockAndSaysWhy()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        var greenwich = await retailer.AddStoreAsync(London.Greenwich);
        var sku = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        await retailer.ReceiveAsync(warehouse, sku, 10);
        await retailer.ReceiveAsync(camden, sku, 5);
        await retailer.ReceiveAsync(greenwich, sku, 5);

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 2));

        var order = await response.ShouldBeAsync<Order>(HttpStatusCode.Created);
        Assert.Equal($"/api/orders/{order.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("allocated", order.Status);
        Assert.Equal(new Money(25.00m, "GBP"), order.Total);
        Assert.Equal(new OrderAllocation(1, camden.Id, 2), Assert.Single(order.Allocations));
        Assert.Equal("ship_to_home.nearest_single_location", order.RoutingRule);
        Assert.Contains("CM01", order.RoutingSummary, StringComparison.Ordinal);
        Assert.Equal("out of stock for MUG-BLUE", order.WhyNot(coventGarden));
        Assert.StartsWith("farther than CM01", order.WhyNot(greenwich), StringComparison.Ordinal);
        Assert.Equal(18, (await retailer.AtpAsync(sku)).NetworkAvailable);
        Assert.Equal(new StockLevel(sku, camden.Id, 5, 2, 0, 0, 3), await retailer.LevelAsync(sku, camden));
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task TheOrderIsReadableWithItsRoutingExplanationAfterwards()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 10);
        var placed = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1));

        var read = await retailer.GetOrderAsync(placed.Id);

        Assert.Equal(placed.Id, read.Id);
        Assert.Equal(placed.RoutingSummary, read.RoutingSummary);
        Assert.Equal(warehouse.Id, Assert.Single(read.Allocations).LocationId);
        Assert.Equal(placed.Id, Assert.Single(await retailer.ListOrdersAsync()).Id);
    }

    [Fact]
    public async Task AnOrderNoSingleLocationCanCoverIsSplitAcrossTheFewestLocations()
    {
        var retailer = await NewRetailerAsync();
        await retailer.AddWarehouseAsync(London.ParkRoyal);
        var camden = await retailer.AddStoreAsync(London.Camden);
        var greenwich = await retailer.AddStoreAsync(London.Greenwich);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(camden, sku, 5);
        await retailer.ReceiveAsync(greenwich, sku, 5);

        var order = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 8));

        Assert.Equal("ship_to_home.fewest_locations", order.RoutingRule);
        Assert.Equal(8, order.Allocations.Sum(a => a.Quantity));
        Assert.Equal(new[] { camden.Id, greenwich.Id }.Order(), order.Allocations.Select(a => a.LocationId).Order());
        Assert.Equal(2, (await retailer.AtpAsync(sku)).NetworkAvailable);
    }

    [Fact]
    public async Task AShippedOrderHasLeftTheBuildingAndCanBeCompleted()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 10);
        var order = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 3));

        Assert.Equal("picking", (await retailer.MoveAsync(order, "start-picking")).Status);
        Assert.Equal(new StockLevel(sku, warehouse.Id, 10, 3, 0, 0, 7), await retailer.LevelAsync(sku, warehouse));
        Assert.Equal("shipped", (await retailer.MoveAsync(order, "ship")).Status);
        Assert.Equal(new StockLevel(sku, warehouse.Id, 7, 0, 0, 0, 7), await retailer.LevelAsync(sku, warehouse));
        Assert.Equal("completed", (await retailer.MoveAsync(order, "complete")).Status);
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }
}

public sealed class ShipToHomeSqliteTests(SqliteServer server) : ShipToHomeTests(server), IClassFixture<SqliteServer>;

public sealed class ShipToHomePostgresTests(PostgresServer server) : ShipToHomeTests(server), IClassFixture<PostgresServer>;
