using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Identity.Locations;
using UniRetail.Inventory.Reservations;
using UniRetail.Kernel;
using UniRetail.Orders.Lifecycle;
using UniRetail.Orders.PlaceOrder;
using Xunit;

namespace UniRetail.Orders.Tests;

/// <summary>A store that takes two pickup orders a day: a cancelled order gives its place back.</summary>
public abstract class CapacityReleaseTests(DatabaseProvider provider) : CommerceTest(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private string Soho { get; set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var soho = await Get<SaveLocation>().CreateAsync(Admin,
            new LocationRequest("ST-SOHO", "Soho", "store", "Carnaby St", 51.5133, -0.1389, "Europe/London", null, false, true, 0, 2), None);
        Soho = soho.Value.Id;
        await ReceiveAsync(Soho, "85123A", 10);
    }

    private PlaceOrderRequest PickupAtSoho(bool paid = true) =>
        new("web", "pickup_in_store", Soho, null, null, "GBP", paid, [new OrderLineRequest("85123A", 1)]);

    /// <summary>Routing sees the full store on committed counts; the guarded claim in the write backs it under a race.</summary>
    private async Task AssertTurnedAwayAsync()
    {
        var refused = await PlaceAsync(PickupAtSoho());
        Assert.Contains(refused.Error?.Code, new[] { "fulfillment.no_location_can_fulfil", IOrderRouting.CapacityReached });
    }

    [Fact]
    public async Task CancelAsync_OrderAtAFullStore_GivesItsCapacityBack()
    {
        var first = await PlaceAsync(PickupAtSoho());
        Assert.True((await PlaceAsync(PickupAtSoho())).IsSuccess);
        await AssertTurnedAwayAsync();

        var cancelled = await Get<OrderLifecycle>().CancelAsync(Admin, new OrderId(first.Value.Order.Id), new CancelOrderRequest("changed mind"), None);
        Assert.True(cancelled.IsSuccess, cancelled.Error?.Message);

        var again = await PlaceAsync(PickupAtSoho());
        Assert.True(again.IsSuccess, again.Error?.Message);
        await AssertTurnedAwayAsync();
    }

    [Fact]
    public async Task CancelAsync_Twice_GivesTheCapacityBackOnce()
    {
        var first = await PlaceAsync(PickupAtSoho());
        Assert.True((await PlaceAsync(PickupAtSoho())).IsSuccess);
        var id = new OrderId(first.Value.Order.Id);

        Assert.True((await Get<OrderLifecycle>().CancelAsync(Admin, id, new CancelOrderRequest(null), None)).IsSuccess);
        Assert.False((await Get<OrderLifecycle>().CancelAsync(Admin, id, new CancelOrderRequest(null), None)).IsSuccess);

        Assert.True((await PlaceAsync(PickupAtSoho())).IsSuccess);
        await AssertTurnedAwayAsync();
    }

    [Fact]
    public async Task ExpireDueAsync_UnpaidOrdersCancelled_GiveTheirCapacityBack()
    {
        Assert.True((await PlaceAsync(PickupAtSoho(paid: false))).IsSuccess);
        Assert.True((await PlaceAsync(PickupAtSoho(paid: false))).IsSuccess);
        await AssertTurnedAwayAsync();

        Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(2, await Get<ManageHolds>().ExpireDueAsync(None));

        Assert.True((await PlaceAsync(PickupAtSoho())).IsSuccess);
        Assert.True((await PlaceAsync(PickupAtSoho())).IsSuccess);
        await AssertTurnedAwayAsync();
    }
}

public sealed class CapacityReleaseSqliteTests() : CapacityReleaseTests(DatabaseProvider.Sqlite);

public sealed class CapacityReleasePostgresTests() : CapacityReleaseTests(DatabaseProvider.Postgres);
