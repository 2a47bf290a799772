using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Reservations;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Inventory.Tests;

/// <summary>Cart holds through the inventory API: typed references, retries, the caller's reach, and orders' holds left alone.</summary>
public abstract class HoldsTests(DatabaseProvider provider) : InventoryTest(provider)
{
    private ManageHolds Holds => Get<ManageHolds>();

    /// <summary>Units held for an order, the way the orders module holds them.</summary>
    private Task<Result<Unit>> HoldForOrderAsync(OrderId order, int units) =>
        Get<Database>().WriteAsync(session => Get<IStockMovements>().HoldAsync(session, Admin.Tenant,
            new StockHolds(HoldReference.ForOrder(order), [new StockHoldLine(Sku.FromStored("MUG-1"), new LocationId(Store), Quantity.FromStored(units), "lines[0].quantity")],
                null, HoldPolicy.KeepSafetyStock), None), None);

    [Fact]
    public async Task HoldAsync_RetriedWithTheSameLines_HoldsOnceAndAnswersTheFirstHold()
    {
        await ReceiveAsync(Store, 10);

        var first = await HoldAsync(3);
        var retry = await HoldAsync(3);

        Assert.False(first.Value.Replayed);
        Assert.True(retry.Value.Replayed);
        Assert.Equal(first.Value.Hold.Reference, retry.Value.Hold.Reference);
        Assert.Equal(first.Value.Hold.ExpiresAt, retry.Value.Hold.ExpiresAt);
        Assert.Equal(first.Value.Hold.Lines, retry.Value.Hold.Lines);
        Assert.Equal(3, (await LevelAsync(Store)).Reserved);
    }

    [Fact]
    public async Task HoldAsync_SameReferenceForOtherLines_IsAConflictAndHoldsNothing()
    {
        await ReceiveAsync(Store, 10);
        await HoldAsync(3);

        var other = await HoldAsync(4);

        Assert.Equal(("inventory.hold_reference_reused", "reference"), (other.ShouldFail().Code, other.ShouldFail().Field));
        Assert.Equal(3, (await LevelAsync(Store)).Reserved);
    }

    [Fact]
    public async Task HoldAsync_ManyConcurrentRetriesOfOneCart_HoldOnce()
    {
        await ReceiveAsync(Store, 10);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => HoldAsync(2, "cart-burst"))));

        Assert.All(attempts, a => Assert.True(a.IsSuccess, a.Error?.Message));
        Assert.Single(attempts, a => !a.Value.Replayed);
        Assert.Equal(2, (await LevelAsync(Store)).Reserved);
        await AssertLedgerConsistentAsync();
    }

    [Theory]
    [InlineData("cart 1")]
    [InlineData("cart/1")]
    [InlineData("..")]
    [InlineData("panier-é")]
    [InlineData("cart\u00001")]
    [InlineData("cart\u001f")]
    public async Task HoldAsync_ReferenceNotPrintableAscii_IsRefusedBeforeAnythingIsHeld(string reference)
    {
        await ReceiveAsync(Store, 10);

        var held = await HoldAsync(1, reference);

        Assert.Equal(("inventory.bad_hold_reference", "reference"), (held.ShouldFail().Code, held.ShouldFail().Field));
        Assert.Contains("printable ASCII", held.ShouldFail().Message, StringComparison.Ordinal);
        Assert.Equal(0, (await LevelAsync(Store)).Reserved);
    }

    [Fact]
    public async Task HoldAsync_ReferenceLongerThanTheLimit_IsRefused()
    {
        await ReceiveAsync(Store, 10);

        var held = await HoldAsync(1, new string('c', HoldReference.MaxCartLength + 1));
        var longest = await HoldAsync(1, new string('c', HoldReference.MaxCartLength));

        Assert.Equal("inventory.bad_hold_reference", held.ShouldFail().Code);
        Assert.True(longest.IsSuccess);
    }

    [Fact]
    public async Task HoldAsync_TooManyOrRepeatedLines_IsRefused()
    {
        await ReceiveAsync(Store, 10);
        var tooMany = Enumerable.Range(0, 101).Select(_ => new HoldLine("MUG-1", Store, 1)).ToList();

        var many = await Holds.HoldAsync(Admin, new HoldRequest("cart-1", 15, tooMany), None);
        var twice = await Holds.HoldAsync(Admin, new HoldRequest("cart-2", 15, [new HoldLine("MUG-1", Store, 1), new HoldLine("MUG-1", Store, 2)]), None);

        Assert.Equal(("inventory.too_many_lines", "lines"), (many.ShouldFail().Code, many.ShouldFail().Field));
        Assert.Equal(("inventory.duplicate_line", "lines[1].sku"), (twice.ShouldFail().Code, twice.ShouldFail().Field));
        Assert.Equal(0, (await LevelAsync(Store)).Reserved);
    }

    [Fact]
    public async Task HoldAsync_OneLineShort_HoldsNoneAndNamesThatLine()
    {
        await ReceiveAsync(Store, 10);
        await ReceiveAsync(Store, 1, "BOWL-1");

        var held = await Holds.HoldAsync(Admin, new HoldRequest("cart-1", 15, [new HoldLine("MUG-1", Store, 4), new HoldLine("BOWL-1", Store, 2)]), None);

        Assert.Equal(("inventory.insufficient_stock", "lines[1].quantity"), (held.ShouldFail().Code, held.ShouldFail().Field));
        Assert.Equal(0, (await LevelAsync(Store)).Reserved);
        Assert.Equal(0, (await LevelAsync(Store, "BOWL-1")).Reserved);
        var retried = await Holds.HoldAsync(Admin, new HoldRequest("cart-1", 15, [new HoldLine("MUG-1", Store, 4), new HoldLine("BOWL-1", Store, 1)]), None);
        Assert.True(retried.IsSuccess, retried.Error?.Message);
    }

    [Fact]
    public async Task ReleaseAndConfirm_AnOrdersReference_AreRefusedAndTheOrderKeepsItsHold()
    {
        await ReceiveAsync(Store, 1);
        var order = OrderId.New();
        Assert.True((await HoldForOrderAsync(order, 1)).IsSuccess);

        var released = await Holds.ReleaseAsync(Admin, order.Value, None);
        var confirmed = await Holds.ConfirmAsync(Admin, order.Value, None);

        Assert.Equal(("inventory.order_hold", "reference"), (released.ShouldFail().Code, released.ShouldFail().Field));
        Assert.Equal("inventory.order_hold", confirmed.ShouldFail().Code);
        Assert.Equal((1L, 1L), ((await LevelAsync(Store)).OnHand, (await LevelAsync(Store)).Reserved));
        Assert.Equal("inventory.insufficient_stock", (await HoldAsync(1)).ShouldFail().Code);
    }

    [Fact]
    public async Task ACartNamedLikeAnOrder_IsAnotherHoldThanTheOrders()
    {
        await ReceiveAsync(Store, 5);
        var order = OrderId.New();
        await HoldForOrderAsync(order, 2);
        await HoldAsync(1, order.Value);

        Assert.True((await Holds.ReleaseAsync(Admin, order.Value, None)).IsSuccess);

        Assert.Equal(2, (await LevelAsync(Store)).Reserved);
        Assert.Equal("inventory.order_hold", (await Holds.ReleaseAsync(Admin, order.Value, None)).ShouldFail().Code);
    }

    [Fact]
    public async Task ConfirmAsync_ConfirmedAlready_IsAConflict()
    {
        await ReceiveAsync(Store, 5);
        await HoldAsync(1);

        Assert.True((await Holds.ConfirmAsync(Admin, "cart-1", None)).IsSuccess);
        Assert.Equal("inventory.hold_confirmed", (await Holds.ConfirmAsync(Admin, "cart-1", None)).ShouldFail().Code);
    }

    [Fact]
    public async Task StoreStaff_MoveCartsHeldOnlyAtTheirStore()
    {
        await ReceiveAsync(Store, 5);
        await ReceiveAsync(OtherStore, 5);
        await HoldAsync(1, "cart-here");
        await HoldAsync(1, "cart-there", location: OtherStore);
        await Holds.HoldAsync(Admin, new HoldRequest("cart-both", 15, [new HoldLine("MUG-1", Store, 1), new HoldLine("MUG-1", OtherStore, 1)]), None);
        var staff = StaffOf(Store);

        var there = await Holds.ReleaseAsync(staff, "cart-there", None);
        var both = await Holds.ConfirmAsync(staff, "cart-both", None);
        var here = await Holds.ReleaseAsync(staff, "cart-here", None);

        Assert.Equal(("identity.other_store", "reference"), (there.ShouldFail().Code, there.ShouldFail().Field));
        Assert.Equal("identity.other_store", both.ShouldFail().Code);
        Assert.True(here.IsSuccess, here.Error?.Message);
        Assert.Equal(1, (await LevelAsync(Store)).Reserved);
        Assert.Equal(2, (await LevelAsync(OtherStore)).Reserved);
        Assert.Equal("identity.other_store", (await HoldAsync(1, "cart-new", staff, OtherStore)).ShouldFail().Code);
    }

    [Fact]
    public async Task ExpireDueAsync_ReleasesTheCart_AndARetryAnswersItReleased()
    {
        await ReceiveAsync(Store, 5);
        var order = OrderId.New();
        await HoldAsync(1, order.Value);
        Time.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(1, await Holds.ExpireDueAsync(None));

        Assert.Equal(0, (await LevelAsync(Store)).Reserved);
        var replay = await HoldAsync(1, order.Value);
        Assert.Equal(("released", (DateTimeOffset?)null), (replay.Value.Hold.Status, replay.Value.Hold.ExpiresAt));
    }
}

public sealed class HoldsSqliteTests() : HoldsTests(DatabaseProvider.Sqlite);

public sealed class HoldsPostgresTests() : HoldsTests(DatabaseProvider.Postgres);
