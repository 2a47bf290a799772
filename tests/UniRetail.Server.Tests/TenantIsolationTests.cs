using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public abstract class TenantIsolationTests(ServerFixture server) : ServerTests(server)
{
    /// <summary>Two tenants listing the same SKU code; only the first has a location (a warehouse).</summary>
    private async Task<(Retailer Camden, Retailer Brixton, Location Warehouse, string Sku)> TwoTenantsSellingOneSkuAsync()
    {
        var camden = await NewRetailerAsync("Camden Goods");
        var brixton = await NewRetailerAsync("Brixton Bazaar");
        var warehouse = await camden.AddWarehouseAsync(London.ParkRoyal);
        var sku = await camden.AddProductAsync("MUG-BLUE");
        await brixton.AddProductAsync(sku);
        return (camden, brixton, warehouse, sku);
    }

    [Fact]
    public async Task AnotherTenantCannotReadOrCancelAnOrder()
    {
        var camden = await NewRetailerAsync("Camden Goods");
        var brixton = await NewRetailerAsync("Brixton Bazaar");
        var warehouse = await camden.AddWarehouseAsync(London.ParkRoyal);
        var sku = await camden.AddProductAsync("MUG-BLUE");
        await camden.ReceiveAsync(warehouse, sku, 10);
        var order = await camden.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1));

        await (await brixton.Admin.GetAsync($"/api/orders/{order.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "orders.unknown_order", "id");
        await (await brixton.Admin.PostAsync($"/api/orders/{order.Id}/cancel", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "orders.unknown_order");

        Assert.Empty(await brixton.ListOrdersAsync());
        Assert.Equal("allocated", (await camden.GetOrderAsync(order.Id)).Status);
    }

    [Theory]
    [InlineData("web", "ship_to_home")]
    [InlineData("app", "same_day_delivery")]
    [InlineData("web", "pickup_in_store")]
    [InlineData("pos", "in_store_purchase")]
    public async Task AnOrderCannotNameAnotherTenantsStore(string channel, string fulfilment)
    {
        var camden = await NewRetailerAsync("Camden Goods");
        var brixton = await NewRetailerAsync("Brixton Bazaar");
        var ourStore = await camden.AddStoreAsync(London.CoventGarden, deliveryRadiusKm: 5);
        var theirStore = await brixton.AddStoreAsync(London.CoventGarden, deliveryRadiusKm: 5);
        var sku = await camden.AddProductAsync("MUG-BLUE");
        await camden.ReceiveAsync(ourStore, sku, 5);

        var response = await camden.PlaceOrderAsync(new OrderBuilder(channel, fulfilment, theirStore.Id, London.Shoreditch).WithLine(sku, 1));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "orders.unknown_store", "storeId");
        Assert.Empty(await camden.ListOrdersAsync());
        Assert.Empty(await brixton.ListOrdersAsync());
        Assert.Equal(0, (await camden.LevelAsync(sku, ourStore)).Reserved);
    }

    [Fact]
    public async Task AnotherTenantCannotHoldConfirmOrReleaseStockItDoesNotOwn()
    {
        var (camden, brixton, warehouse, sku) = await TwoTenantsSellingOneSkuAsync();
        await camden.ReceiveAsync(warehouse, sku, 5);
        var cart = new { reference = "basket-1", lines = new[] { new { sku, locationId = warehouse.Id, quantity = 1 } } };
        await (await camden.Admin.PostAsJsonAsync("/api/inventory/holds", cart, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        await (await brixton.Admin.PostAsJsonAsync("/api/inventory/holds", cart, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "inventory.unknown_location", "lines[0].locationId");
        await (await brixton.Admin.PostAsync("/api/inventory/holds/basket-1/confirm", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "inventory.unknown_hold");
        await (await brixton.Admin.DeleteAsync("/api/inventory/holds/basket-1", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "inventory.unknown_hold");

        Assert.Equal(1, (await camden.LevelAsync(sku, warehouse)).Reserved);
    }

    [Fact]
    public async Task AnotherTenantSeesNoneOfTheLocationsOrStock()
    {
        var camden = await NewRetailerAsync("Camden Goods");
        var brixton = await NewRetailerAsync("Brixton Bazaar");
        var warehouse = await camden.AddWarehouseAsync(London.ParkRoyal);
        var sku = await camden.AddProductAsync("MUG-BLUE");
        await camden.ReceiveAsync(warehouse, sku, 10);

        Assert.Empty((await brixton.Admin.GetFromJsonAsync<Page<Location>>("/api/locations", Ct))!.Items);
        await (await brixton.Admin.GetAsync($"/api/locations/{warehouse.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "identity.unknown_location", "id");
        var atp = await brixton.AtpAsync(sku);
        Assert.Equal(0, atp.NetworkAvailable);
        Assert.Empty(atp.Locations);
        Assert.Empty((await brixton.Admin.GetFromJsonAsync<Page<StockLevel>>("/api/inventory/levels", Ct))!.Items);
    }

    [Fact]
    public async Task AnotherTenantCannotReceiveStockIntoALocationItDoesNotOwn()
    {
        var (camden, brixton, warehouse, sku) = await TwoTenantsSellingOneSkuAsync();

        var receipt = new { locationId = warehouse.Id, lines = new[] { new { sku, quantity = 5 } } };
        var response = await brixton.Admin.PostAsJsonAsync("/api/inventory/receipts", receipt, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "inventory.unknown_location", "locationId");
        Assert.Equal(0, (await camden.LevelAsync(sku, warehouse)).OnHand);
    }

    [Fact]
    public async Task TwoTenantsMayUseTheSameCodesWithoutSharingStock()
    {
        var camden = await NewRetailerAsync("Camden Goods");
        var brixton = await NewRetailerAsync("Brixton Bazaar");
        var camdenWarehouse = await camden.AddWarehouseAsync(London.ParkRoyal);
        var brixtonWarehouse = await brixton.AddWarehouseAsync(London.ParkRoyal);
        var sku = await camden.AddProductAsync("MUG-BLUE");
        await brixton.AddProductAsync(sku);
        await camden.ReceiveAsync(camdenWarehouse, sku, 10);

        var response = await brixton.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "fulfillment.no_location_can_fulfil");
        Assert.Equal(0, (await brixton.LevelAsync(sku, brixtonWarehouse)).OnHand);
        Assert.Equal(10, (await camden.AtpAsync(sku)).NetworkAvailable);
    }
}

public sealed class TenantIsolationSqliteTests(SqliteServer server) : TenantIsolationTests(server), IClassFixture<SqliteServer>;

public sealed class TenantIsolationPostgresTests(PostgresServer server) : TenantIsolationTests(server), IClassFixture<PostgresServer>;
