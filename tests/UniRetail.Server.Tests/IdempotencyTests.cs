using System.Net;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public abstract class IdempotencyTests(ServerFixture server) : ServerTests(server)
{
    private async Task<(Retailer Retailer, Location Warehouse, string Sku)> AShopWithStockAsync(int units)
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, units);
        return (retailer, warehouse, sku);
    }

    [Fact]
    public async Task RetryingWithTheSameIdempotencyKeyReplaysTheFirstOrderAndHoldsStockOnce()
    {
        var (retailer, warehouse, sku) = await AShopWithStockAsync(10);
        var order = AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 2);

        var first = await retailer.PlaceOrderAsync(order, "checkout-7f3a");
        var retry = await retailer.PlaceOrderAsync(order, "checkout-7f3a");

        var placed = await first.ShouldBeAsync<Order>(HttpStatusCode.Created);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        var replayed = await retry.ShouldBeAsync<Order>(HttpStatusCode.OK);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(placed.Id, replayed.Id);
        Assert.Single(await retailer.ListOrdersAsync());
        Assert.Equal(new StockLevel(sku, warehouse.Id, 10, 2, 0, 0, 8), await retailer.LevelAsync(sku, warehouse));
    }

    [Fact]
    public async Task AReplayAnswersByteForByteWhatTheFirstCallAnswered()
    {
        var (retailer, _, sku) = await AShopWithStockAsync(10);
        var order = AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 2).ForMember((await retailer.AddMemberAsync("Ann Lee", "ann@example.com")).Id);

        var first = await retailer.PlaceOrderAsync(order, "checkout-bytes");
        var retry = await retailer.PlaceOrderAsync(order, "checkout-bytes");

        await first.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await retry.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await retry.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ReusingAKeyForADifferentOrderIsAConflictAndWritesNothing()
    {
        var (retailer, _, sku) = await AShopWithStockAsync(10);
        await (await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 2), "checkout-7f3a")).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 5), "checkout-7f3a");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "orders.idempotency_key_reused", "Idempotency-Key");
        Assert.Single(await retailer.ListOrdersAsync());
        Assert.Equal(8, (await retailer.AtpAsync(sku)).NetworkAvailable);
    }

    [Fact]
    public async Task TheSameKeyFromAnotherTenantIsAnotherOrder()
    {
        var (camden, _, sku) = await AShopWithStockAsync(10);
        var (brixton, _, _) = await AShopWithStockAsync(10);

        var ours = await (await camden.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1), "checkout-1")).ShouldBeAsync<Order>(HttpStatusCode.Created);
        var theirs = await (await brixton.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 1), "checkout-1")).ShouldBeAsync<Order>(HttpStatusCode.Created);

        Assert.NotEqual(ours.Id, theirs.Id);
    }

    [Fact]
    public async Task TwentyConcurrentRetriesWithOneKeyPlaceExactlyOneOrder()
    {
        var (retailer, warehouse, sku) = await AShopWithStockAsync(100);
        var order = AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => retailer.PlaceOrderAsync(order, "checkout-burst")));

        var orders = await Task.WhenAll(responses.Select(r => r.StatusCode == HttpStatusCode.Created ? r.ShouldBeAsync<Order>(HttpStatusCode.Created) : r.ShouldBeAsync<Order>(HttpStatusCode.OK)));
        Assert.Single(orders.Select(o => o.Id).Distinct());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(await retailer.ListOrdersAsync());
        Assert.Equal(new StockLevel(sku, warehouse.Id, 100, 3, 0, 0, 97), await retailer.LevelAsync(sku, warehouse));
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task ConcurrentRetriesForTheLastUnitsAllGetTheOneOrder()
    {
        var (retailer, warehouse, sku) = await AShopWithStockAsync(3);
        var order = AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => retailer.PlaceOrderAsync(order, "checkout-last-units")));

        var orders = await Task.WhenAll(responses.Select(r => r.StatusCode == HttpStatusCode.Created ? r.ShouldBeAsync<Order>(HttpStatusCode.Created) : r.ShouldBeAsync<Order>(HttpStatusCode.OK)));
        Assert.Single(orders.Select(o => o.Id).Distinct());
        Assert.Single(await retailer.ListOrdersAsync());
        Assert.Equal(new StockLevel(sku, warehouse.Id, 3, 3, 0, 0, 0), await retailer.LevelAsync(sku, warehouse));
    }
}

public sealed class IdempotencySqliteTests(SqliteServer server) : IdempotencyTests(server), IClassFixture<SqliteServer>;

public sealed class IdempotencyPostgresTests(PostgresServer server) : IdempotencyTests(server), IClassFixture<PostgresServer>;
