using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Inventory.Queries;
using UniRetail.Inventory.Reservations;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Lifecycle;
using UniRetail.Orders.Queries;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Orders.Tests;

public abstract class PlaceOrderTests(DatabaseProvider provider) : CommerceTest(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private Task<long> AvailableAsync(string sku) =>
        Get<StockQueries>().AtpAsync(Admin, sku, None).ContinueWith(t => t.Result.Value.NetworkAvailable, TaskScheduler.Default);

    [Fact]
    public async Task HandleAsync_HundredsOfBuyersForTheLastUnits_SellsExactlyTheStockAndNoMore()
    {
        await ReceiveAsync(Warehouse, "85123A", 60);
        await ReceiveAsync(CoventGarden, "85123A", 25);
        await ReceiveAsync(Camden, "85123A", 15);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => Task.Run(() => PlaceAsync(ShipToHome("85123A", 1)))));

        Assert.Equal(100, attempts.Count(a => a.IsSuccess));
        Assert.All(attempts.Where(a => !a.IsSuccess), a => Assert.Contains(a.ShouldFail().Code, new[] { "fulfillment.no_location_can_fulfil", "inventory.insufficient_stock" }));
        Assert.Equal(0, await AvailableAsync("85123A"));
        var ledger = await Get<StockQueries>().VerifyAsync(Admin, None);
        Assert.True(ledger.Consistent);
        Assert.Equal(0, await Get<StockQueries>().OversoldAsync(Admin, None));
    }

    [Fact]
    public async Task HandleAsync_ConcurrentRetriesWithOneIdempotencyKey_PlaceOneOrder()
    {
        await ReceiveAsync(Warehouse, "22423", 50);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => PlaceAsync(ShipToHome("22423", 2), "checkout-7731"))));

        Assert.All(attempts, a => Assert.True(a.IsSuccess));
        Assert.Single(attempts.Select(a => a.Value.Order.Id).Distinct());
        Assert.Single(attempts, a => !a.Value.Replayed);
        Assert.Equal(48, await AvailableAsync("22423"));
    }

    [Fact]
    public async Task HandleAsync_SameKeyDifferentOrder_IsRefused()
    {
        await ReceiveAsync(Warehouse, "22423", 50);
        await PlaceAsync(ShipToHome("22423", 2), "checkout-1");

        var second = await PlaceAsync(ShipToHome("22423", 3), "checkout-1");

        Assert.Equal("orders.idempotency_key_reused", second.ShouldFail().Code);
        Assert.Equal(48, await AvailableAsync("22423"));
    }

    [Fact]
    public async Task HandleAsync_UnknownSku_WritesNothing()
    {
        await ReceiveAsync(Warehouse, "22423", 5);

        var result = await PlaceAsync(new PlaceOrder.PlaceOrderRequest("web", "ship_to_home", null, null,
            new PlaceOrder.DestinationRequest(51.5, -0.1, null), "GBP", true, [new("22423", 1), new("NOPE-1", 1)]));

        Assert.Equal("orders.unknown_sku", result.ShouldFail().Code);
        Assert.Equal("lines[1].sku", result.ShouldFail().Field);
        Assert.Equal(5, await AvailableAsync("22423"));
        Assert.Empty((await Get<OrderQueries>().ListAsync(Admin, null, null, null, null, PageQuery.First, None)).Value.Items);
    }

    [Fact]
    public async Task HandleAsync_UnpaidOrderPastItsHold_IsCancelledAndStockReturns()
    {
        await ReceiveAsync(Warehouse, "22423", 10);
        var placed = await PlaceAsync(ShipToHome("22423", 4, paid: false));
        Assert.Equal("placed", placed.Value.Order.Status);
        Assert.Equal(6, await AvailableAsync("22423"));

        Time.Advance(TimeSpan.FromMinutes(31));
        var expired = await Get<ManageHolds>().ExpireDueAsync(None);

        Assert.Equal(1, expired);
        var order = (await Get<OrderQueries>().GetAsync(Admin, new OrderId(placed.Value.Order.Id), None)).Value;
        Assert.Equal("cancelled", order.Status);
        Assert.Equal(10, await AvailableAsync("22423"));
        Assert.True((await Get<StockQueries>().VerifyAsync(Admin, None)).Consistent);
    }

    [Fact]
    public async Task HandleAsync_PaidOrderPastThePaymentWindow_KeepsItsStock()
    {
        await ReceiveAsync(Warehouse, "22423", 10);
        await PlaceAsync(ShipToHome("22423", 4));

        Time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, await Get<ManageHolds>().ExpireDueAsync(None));
        Assert.Equal(6, await AvailableAsync("22423"));
    }

    [Fact]
    public async Task CancelAsync_AllocatedOrder_ReleasesItsStock()
    {
        await ReceiveAsync(Camden, "85123A", 3);
        var placed = await PlaceAsync(ShipToHome("85123A", 3));

        var cancelled = await Get<OrderLifecycle>().CancelAsync(Admin, new OrderId(placed.Value.Order.Id), new CancelOrderRequest("changed mind"), None);

        Assert.Equal("cancelled", cancelled.Value.Status);
        Assert.Equal(3, await AvailableAsync("85123A"));
    }
}

public sealed class PlaceOrderSqliteTests() : PlaceOrderTests(DatabaseProvider.Sqlite);

public sealed class PlaceOrderPostgresTests() : PlaceOrderTests(DatabaseProvider.Postgres);

/// <summary>A crash between the stock hold and the commit: a subscriber that throws stands in for the process dying mid-transaction.</summary>
public abstract class PlaceOrderCrashTests(DatabaseProvider provider) : CommerceTest(provider)
{
    protected override void AddModules(IServiceCollection services)
    {
        base.AddModules(services);
        services.AddSingleton<IDomainEventSubscriber<OrderPlaced>, CrashingSubscriber>();
    }

    [Fact]
    public async Task HandleAsync_FailureAfterStockWasHeld_LeavesNoOrderAndNoHold()
    {
        await ReceiveAsync(Warehouse, "22423", 10);

        await Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync(ShipToHome("22423", 4)));

        Assert.Equal(10, (await Get<StockQueries>().AtpAsync(Admin, "22423", CancellationToken.None)).Value.NetworkAvailable);
        Assert.Empty((await Get<OrderQueries>().ListAsync(Admin, null, null, null, null, PageQuery.First, CancellationToken.None)).Value.Items);
        Assert.True((await Get<StockQueries>().VerifyAsync(Admin, CancellationToken.None)).Consistent);
    }

    private sealed class CrashingSubscriber : IDomainEventSubscriber<OrderPlaced>
    {
        public Task HandleAsync(OrderPlaced domainEvent, DbSession session, CancellationToken ct) =>
            throw new InvalidOperationException("simulated crash after the stock hold");
    }
}

public sealed class PlaceOrderCrashSqliteTests() : PlaceOrderCrashTests(DatabaseProvider.Sqlite);

public sealed class PlaceOrderCrashPostgresTests() : PlaceOrderCrashTests(DatabaseProvider.Postgres);
