using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public abstract class TenantIsolationTests(ServerFixture server) : ServerTests(server)
{
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

    [Fact]
    public async Task AnotherTenantSeesNoneOfTheLocationsOrStock()
    {
        var camden = await NewRetailerAsync("Camden Goods");
        var brixton = await NewRetailerAsync("Brixton Bazaar");
        var warehouse = await camden.AddWarehouseAsync(London.ParkRoyal);
        var sku = await camden.AddProductAsync("MUG-BLUE");
        await camden.ReceiveAsync(warehouse, sku, 10);

        Assert.Empty(await brixton.Admin.GetFromJsonAsync<List<Location>>("/api/locations", Ct) ?? []);
        await (await brixton.Admin.GetAsync($"/api/locations/{warehouse.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "identity.unknown_location", "id");
        var atp = await brixton.AtpAsync(sku);
        Assert.Equal(0, atp.NetworkAvailable);
        Assert.Empty(atp.Locations);
        Assert.Empty(await brixton.Admin.GetFromJsonAsync<List<StockLevel>>("/api/inventory/levels", Ct) ?? []);
    }

    [Fact]
    public async Task AnotherTenantCannotReceiveStockIntoALocationItDoesNotOwn()
    {
        var camden = await NewRetailerAsync("Camden Goods");
        var brixton = await NewRetailerAsync("Brixton Bazaar");
        var warehouse = await camden.AddWarehouseAsync(London.ParkRoyal);
        var sku = await camden.AddProductAsync("MUG-BLUE");
        await brixton.AddProductAsync(sku);

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
