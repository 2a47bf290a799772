using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Movements;
using UniRetail.Inventory.Queries;
using UniRetail.Inventory.Receipts;
using UniRetail.Inventory.Reservations;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Inventory.Tests;

public abstract class StockTests(DatabaseProvider provider) : InventoryTest(provider)
{
    [Fact]
    public async Task ReceiveAsync_GoodsArrive_OnHandAndLedgerAgree()
    {
        await ReceiveAsync(Store, 12);
        await ReceiveAsync(Store, 8);

        Assert.Equal(20, (await LevelAsync(Store)).OnHand);
        var ledger = await Get<StockQueries>().LedgerAsync(Admin, "MUG-1", Store, PageQuery.First, None);
        Assert.Equal(["receipt", "receipt"], ledger.Value.Items.Select(e => e.Kind));
        Assert.True((await Get<StockQueries>().VerifyAsync(Admin, None)).Consistent);
    }

    [Fact]
    public async Task ReceiveAsync_UnknownSkuOrLocation_WritesNothing()
    {
        var unknownSku = await ReceiveAsync(Store, 5, "NOPE");
        var unknownLocation = await ReceiveAsync("loc_nowhere", 5);

        Assert.Equal(("inventory.unknown_sku", "lines[0].sku"), (unknownSku.ShouldFail().Code, unknownSku.ShouldFail().Field));
        Assert.Equal("inventory.unknown_location", unknownLocation.ShouldFail().Code);
        Assert.Empty((await Get<StockQueries>().LevelsAsync(Admin, null, null, PageQuery.First, None)).Items);
    }

    [Fact]
    public async Task ReceiveAsync_SkuTakenOffSale_StillBooksStock()
    {
        var offSale = await Get<UniRetail.Catalog.Skus.UpdateSku>().SetActiveAsync(Admin, "MUG-1", new UniRetail.Catalog.Skus.SkuActiveRequest(false), None);
        Assert.True(offSale.IsSuccess);

        var received = await ReceiveAsync(Store, 6);

        Assert.True(received.IsSuccess, received.Error?.Message);
        Assert.Equal(6, (await LevelAsync(Store)).OnHand);
    }

    [Fact]
    public async Task HoldAsync_NeverDipsIntoSafetyStock()
    {
        await ReceiveAsync(Store, 10);
        await Get<RecordMovement>().SetSafetyStockAsync(Admin, new SafetyStockRequest("MUG-1", Store, 3), None);

        var tooMuch = await HoldAsync(8);
        var enough = await HoldAsync(7, "cart-2");

        Assert.Equal("inventory.insufficient_stock", tooMuch.ShouldFail().Code);
        Assert.True(enough.IsSuccess);
        var level = await LevelAsync(Store);
        Assert.Equal((10, 7, 0), (level.OnHand, level.Reserved, level.Available));
    }

    [Fact]
    public async Task ReleaseAsync_HeldUnits_ComeBackAndTheLedgerRecordsBoth()
    {
        await ReceiveAsync(Store, 10);
        await HoldAsync(4);

        Assert.True((await Get<ManageHolds>().ReleaseAsync(Admin, "cart-1", None)).IsSuccess);

        Assert.Equal(0, (await LevelAsync(Store)).Reserved);
        var kinds = (await Get<StockQueries>().LedgerAsync(Admin, "MUG-1", Store, PageQuery.First, None)).Value.Items.Select(e => e.Kind);
        Assert.Equal(["receipt", "reservation", "release"], kinds);
        Assert.Equal("inventory.unknown_hold", (await Get<ManageHolds>().ReleaseAsync(Admin, "cart-1", None)).ShouldFail().Code);
    }

    [Fact]
    public async Task ExpireDueAsync_UnconfirmedHold_IsReleasedButConfirmedOneStays()
    {
        await ReceiveAsync(Store, 10);
        await HoldAsync(3, "cart-a");
        await HoldAsync(2, "cart-b");
        await Get<ManageHolds>().ConfirmAsync(Admin, "cart-b", None);

        Time.Advance(TimeSpan.FromMinutes(16));
        var expired = await Get<ManageHolds>().ExpireDueAsync(None);

        Assert.Equal(1, expired);
        Assert.Equal(2, (await LevelAsync(Store)).Reserved);
    }

    [Fact]
    public async Task AdjustAsync_BelowWhatIsReserved_IsRefused()
    {
        await ReceiveAsync(Store, 5);
        await HoldAsync(4);

        var adjusted = await Get<RecordMovement>().AdjustAsync(Admin, new AdjustStockRequest("MUG-1", Store, -2, "count"), None);
        var noReason = await Get<RecordMovement>().AdjustAsync(Admin, new AdjustStockRequest("MUG-1", Store, -1, " "), None);

        Assert.Equal("inventory.below_reserved", adjusted.ShouldFail().Code);
        Assert.Equal("inventory.reason_required", noReason.ShouldFail().Code);
        Assert.Equal(5, (await LevelAsync(Store)).OnHand);
    }

    [Fact]
    public async Task TransferAsync_MovesUnitsBetweenLocationsInOneStep()
    {
        await ReceiveAsync(Warehouse, 30);

        var moved = await Get<RecordMovement>().TransferAsync(Admin, new TransferStockRequest("MUG-1", Warehouse, Store, 12), None);
        var tooMany = await Get<RecordMovement>().TransferAsync(Admin, new TransferStockRequest("MUG-1", Warehouse, Store, 19), None);

        Assert.True(moved.IsSuccess);
        Assert.Equal("inventory.insufficient_stock", tooMany.ShouldFail().Code);
        Assert.Equal((18L, 12L), ((await LevelAsync(Warehouse)).OnHand, (await LevelAsync(Store)).OnHand));
        Assert.True((await Get<StockQueries>().VerifyAsync(Admin, None)).Consistent);
    }

    [Fact]
    public async Task ReceiveAsync_StoreStaffOfAnotherStore_IsForbidden()
    {
        var staff = StaffOf(Store);

        var atWarehouse = await Get<ReceiveGoods>().HandleAsync(staff, new GoodsReceiptRequest(Warehouse, null, [new ReceiptLine("MUG-1", 1)]), None);
        var atOwnStore = await Get<ReceiveGoods>().HandleAsync(staff, new GoodsReceiptRequest(Store, null, [new ReceiptLine("MUG-1", 1)]), None);

        Assert.Equal("identity.other_store", atWarehouse.ShouldFail().Code);
        Assert.True(atOwnStore.IsSuccess);
    }

    [Fact]
    public async Task HoldAsync_ManyCartsForTheLastUnits_NeverOversell()
    {
        await ReceiveAsync(Store, 40);

        var holds = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => HoldAsync(1, $"cart-{i}"))));

        Assert.Equal(40, holds.Count(h => h.IsSuccess));
        var level = await LevelAsync(Store);
        Assert.Equal((40L, 40L), (level.OnHand, level.Reserved));
        Assert.Equal(0, await Get<StockQueries>().OversoldAsync(Admin, None));
    }

    [Fact]
    public async Task ReturnAsync_DamagedGoods_AreKeptApartFromSellableStock()
    {
        await Get<Data.Database>().WriteAsync<Unit>(async session =>
        {
            var movements = Get<IStockMovements>();
            await movements.ReturnAsync(session, Admin.Tenant, Sku.FromStored("MUG-1"), new LocationId(Store), Quantity.FromStored(2), "ret_1", damaged: true, None);
            await movements.ReturnAsync(session, Admin.Tenant, Sku.FromStored("MUG-1"), new LocationId(Store), Quantity.FromStored(1), "ret_1", damaged: false, None);
            return Unit.Value;
        }, None);

        var level = await LevelAsync(Store);
        Assert.Equal((1L, 2L), (level.OnHand, level.Damaged));
        Assert.True((await Get<StockQueries>().VerifyAsync(Admin, None)).Consistent);
    }
}

public sealed class StockSqliteTests() : StockTests(DatabaseProvider.Sqlite);

public sealed class StockPostgresTests() : StockTests(DatabaseProvider.Postgres);
