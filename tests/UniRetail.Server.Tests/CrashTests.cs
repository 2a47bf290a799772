using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Orders.Contracts;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>A failure in the middle of placing an order rolls back everything the order wrote.</summary>
public abstract class CrashTests(ServerFixture server) : ServerTests(server)
{
    private const string CrashMessage = "Simulated crash after the order was written";

    private sealed class CrashWhenOrderPlaced : IDomainEventSubscriber<OrderPlaced>
    {
        public Task HandleAsync(OrderPlaced domainEvent, DbSession session, CancellationToken ct) => throw new InvalidOperationException(CrashMessage);
    }

    [Fact]
    public async Task ACrashWhilePlacingAnOrderLeavesNoOrderAndNoHold()
    {
        await using var crashing = Server.Factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<IDomainEventSubscriber<OrderPlaced>, CrashWhenOrderPlaced>()));
        var retailer = await Retailer.CreateAsync(crashing);
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 10);

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 4), "checkout-crash");

        var body = await response.Content.ReadAsStringAsync(Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "server.unexpected");
        Assert.DoesNotContain(CrashMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Empty(await retailer.ListOrdersAsync());
        Assert.Equal(new StockLevel(sku, warehouse.Id, 10, 0, 0, 0, 10), await retailer.LevelAsync(sku, warehouse));
        Assert.Equal(10, (await retailer.AtpAsync(sku)).NetworkAvailable);
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task AfterACrashTheSameIdempotencyKeyPlacesTheOrderOnAHealthyServer()
    {
        Retailer retailer;
        Location warehouse;
        string sku;
        await using (var crashing = Server.Factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<IDomainEventSubscriber<OrderPlaced>, CrashWhenOrderPlaced>())))
        {
            retailer = await Retailer.CreateAsync(crashing);
            warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
            sku = await retailer.AddProductAsync("MUG-BLUE");
            await retailer.ReceiveAsync(warehouse, sku, 10);
            await (await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 4), "checkout-crash"))
                .ShouldHaveStatusAsync(HttpStatusCode.InternalServerError);
        }
        var healthy = retailer.On(Server.Factory);

        var retried = await healthy.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 4), "checkout-crash");

        await retried.ShouldHaveStatusAsync(HttpStatusCode.Created);
        Assert.Equal(new StockLevel(sku, warehouse.Id, 10, 4, 0, 0, 6), await healthy.LevelAsync(sku, warehouse));
    }
}

public sealed class CrashSqliteTests(SqliteServer server) : CrashTests(server), IClassFixture<SqliteServer>;

public sealed class CrashPostgresTests(PostgresServer server) : CrashTests(server), IClassFixture<PostgresServer>;
