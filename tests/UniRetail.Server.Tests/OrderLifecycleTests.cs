using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public abstract class OrderLifecycleTests(ServerFixture server) : ServerTests(server)
{
    private async Task<(Retailer Retailer, Location Store, string Sku)> AStoreWithStockAsync(int units)
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(store, sku, units);
        return (retailer, store, sku);
    }

    [Fact]
    public async Task ShippingACancelledOrderIsAConflict()
    {
        var (retailer, _, sku) = await AStoreWithStockAsync(10);
        var order = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1));
        var cancelled = await (await retailer.Admin.PostAsJsonAsync($"/api/orders/{order.Id}/cancel", new { reason = "customer changed their mind" }, Ct))
            .ShouldBeAsync<Order>(HttpStatusCode.OK);

        var response = await retailer.Admin.PostAsync($"/api/orders/{order.Id}/ship", null, Ct);

        Assert.Equal(("cancelled", "customer changed their mind"), (cancelled.Status, cancelled.CancelReason));
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "orders.cannot_ship_cancelled");
        Assert.Equal("cancelled", (await retailer.GetOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task CancellingAnAllocatedOrderPutsItsStockBackOnSale()
    {
        var (retailer, store, sku) = await AStoreWithStockAsync(10);
        var order = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 3));
        Assert.Equal("allocated", order.Status);
        Assert.Equal(7, (await retailer.AtpAsync(sku)).NetworkAvailable);

        await retailer.MoveAsync(order, "cancel");

        Assert.Equal(10, (await retailer.AtpAsync(sku)).NetworkAvailable);
        Assert.Equal(new StockLevel(sku, store.Id, 10, 0, 0, 0, 10), await retailer.LevelAsync(sku, store));
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task APickupOrderGoesFromPaymentToCollectionAndTheGoodsLeaveOnlyWhenCollected()
    {
        var (retailer, store, sku) = await AStoreWithStockAsync(4);
        var order = await retailer.PlaceOrderOkAsync(AnOrder.PickupAt(store).WithLine(sku, 1).Unpaid());
        Assert.Equal("placed", order.Status);

        Assert.Equal("allocated", (await retailer.MoveAsync(order, "confirm-payment")).Status);
        Assert.Equal("picking", (await retailer.MoveAsync(order, "start-picking")).Status);
        Assert.Equal("ready_for_pickup", (await retailer.MoveAsync(order, "ready-for-pickup")).Status);
        Assert.Equal(new StockLevel(sku, store.Id, 4, 1, 0, 0, 3), await retailer.LevelAsync(sku, store));
        Assert.Equal("completed", (await retailer.MoveAsync(order, "complete")).Status);

        Assert.Equal(new StockLevel(sku, store.Id, 3, 0, 0, 0, 3), await retailer.LevelAsync(sku, store));
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Theory]
    [InlineData("start-picking", "orders.cannot_pick_placed")]
    [InlineData("ship", "orders.cannot_ship_placed")]
    [InlineData("complete", "orders.cannot_complete_placed")]
    public async Task AnUnpaidOrderCannotSkipAhead(string verb, string code)
    {
        var (retailer, _, sku) = await AStoreWithStockAsync(10);
        var order = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1).Unpaid());

        var response = await retailer.Admin.PostAsync($"/api/orders/{order.Id}/{verb}", null, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, code);
        Assert.Equal("placed", (await retailer.GetOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task APickupOrderCannotBeShippedNorACompletedOrderCancelled()
    {
        var (retailer, store, sku) = await AStoreWithStockAsync(10);
        var pickup = await retailer.PlaceOrderOkAsync(AnOrder.PickupAt(store).WithLine(sku, 1));
        var sold = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(store).WithLine(sku, 1));

        await (await retailer.Admin.PostAsync($"/api/orders/{pickup.Id}/ship", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "orders.cannot_ship_pickup_in_store");
        await (await retailer.Admin.PostAsync($"/api/orders/{sold.Id}/cancel", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "orders.cannot_cancel_completed");
        Assert.Equal(new StockLevel(sku, store.Id, 9, 1, 0, 0, 8), await retailer.LevelAsync(sku, store));
    }

    [Fact]
    public async Task MovingAnUnknownOrderIsNotFound()
    {
        var (retailer, _, _) = await AStoreWithStockAsync(1);

        var response = await retailer.Admin.PostAsync("/api/orders/ord_missing/confirm-payment", null, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "orders.unknown_order", "id");
    }
}

public sealed class OrderLifecycleSqliteTests(SqliteServer server) : OrderLifecycleTests(server), IClassFixture<SqliteServer>;

public sealed class OrderLifecyclePostgresTests(PostgresServer server) : OrderLifecycleTests(server), IClassFixture<PostgresServer>;
