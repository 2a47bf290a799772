using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Inventory.Reservations;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>An unpaid order holds its stock for the payment window; after it the order is cancelled and the stock is back on sale.</summary>
public abstract class HoldExpiryTests(ServerFixture server) : ServerTests(server)
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private WebApplicationFactory<Program> WithClock() =>
        Server.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));

    private static Task<int> ExpireDueHoldsAsync(WebApplicationFactory<Program> server) =>
        server.Services.GetRequiredService<ManageHolds>().ExpireDueAsync(Ct);

    private static async Task<(Retailer Retailer, Location Warehouse, string Sku)> AWarehouseWithTenMugsAsync(WebApplicationFactory<Program> server)
    {
        var retailer = await Retailer.CreateAsync(server);
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(warehouse, sku, 10);
        return (retailer, warehouse, sku);
    }

    [Fact]
    public async Task AnUnpaidOrderIsCancelledWhenItsHoldExpiresAndTheStockGoesBackOnSale()
    {
        await using var server = WithClock();
        var (retailer, warehouse, sku) = await AWarehouseWithTenMugsAsync(server);
        var unpaid = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 3).Unpaid());
        var paid = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 2));
        Assert.Equal(5, (await retailer.AtpAsync(sku)).NetworkAvailable);

        _clock.Advance(TimeSpan.FromMinutes(29));
        await ExpireDueHoldsAsync(server);
        Assert.Equal("placed", (await retailer.GetOrderAsync(unpaid.Id)).Status);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await ExpireDueHoldsAsync(server);

        var expired = await retailer.GetOrderAsync(unpaid.Id);
        Assert.Equal("cancelled", expired.Status);
        Assert.Contains("payment not captured", expired.CancelReason, StringComparison.Ordinal);
        Assert.Equal("allocated", (await retailer.GetOrderAsync(paid.Id)).Status);
        Assert.Equal(8, (await retailer.AtpAsync(sku)).NetworkAvailable);
        Assert.Equal(new StockLevel(sku, warehouse.Id, 10, 2, 0, 0, 8), await retailer.LevelAsync(sku, warehouse));
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task AnExpiringCartNamedLikeAnUnpaidOrderReleasesTheCartAndLeavesTheOrderAlone()
    {
        await using var server = WithClock();
        var (retailer, warehouse, sku) = await AWarehouseWithTenMugsAsync(server);
        var unpaid = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(sku, 3).Unpaid());
        var cart = new { reference = unpaid.Id, holdMinutes = 5, lines = new[] { new { sku, locationId = warehouse.Id, quantity = 2 } } };
        await (await retailer.Admin.PostAsJsonAsync("/api/inventory/holds", cart, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        _clock.Advance(TimeSpan.FromMinutes(6));
        await ExpireDueHoldsAsync(server);

        Assert.Equal("placed", (await retailer.GetOrderAsync(unpaid.Id)).Status);
        Assert.Equal(new StockLevel(sku, warehouse.Id, 10, 3, 0, 0, 7), await retailer.LevelAsync(sku, warehouse));

        _clock.Advance(TimeSpan.FromMinutes(25));
        await ExpireDueHoldsAsync(server);

        Assert.Equal("cancelled", (await retailer.GetOrderAsync(unpaid.Id)).Status);
        Assert.Equal(new StockLevel(sku, warehouse.Id, 10, 0, 0, 0, 10), await retailer.LevelAsync(sku, warehouse));
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task ConfirmingPaymentInTimeStopsTheHoldFromExpiring()
    {
        await using var server = WithClock();
        var retailer = await Retailer.CreateAsync(server);
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(store, sku, 4);
        var order = await retailer.PlaceOrderOkAsync(AnOrder.PickupAt(store).WithLine(sku, 1).Unpaid());
        await retailer.MoveAsync(order, "confirm-payment");

        _clock.Advance(TimeSpan.FromMinutes(31));
        await ExpireDueHoldsAsync(server);

        Assert.Equal("allocated", (await retailer.GetOrderAsync(order.Id)).Status);
        Assert.Equal(new StockLevel(sku, store.Id, 4, 1, 0, 0, 3), await retailer.LevelAsync(sku, store));
    }
}

public sealed class HoldExpirySqliteTests(SqliteServer server) : HoldExpiryTests(server), IClassFixture<SqliteServer>;

public sealed class HoldExpiryPostgresTests(PostgresServer server) : HoldExpiryTests(server), IClassFixture<PostgresServer>;
