using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Movements;
using UniRetail.Inventory.Queries;
using UniRetail.Inventory.Receipts;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Inventory.Tests;

/// <summary>A receipt answers what it booked; no accepted movement takes a level past its bound or asks for absurd numbers.</summary>
public abstract class ReceiptsAndBoundsTests(DatabaseProvider provider) : InventoryTest(provider)
{
    [Fact]
    public async Task HandleAsync_Receipt_AnswersItsLinesAndTheLedgerEntriesItMade()
    {
        var received = await Get<ReceiveGoods>().HandleAsync(Admin,
            new GoodsReceiptRequest(Store, " GRN-4471 ", [new ReceiptLine("MUG-1", 12), new ReceiptLine("BOWL-1", 5)]), None);

        var receipt = received.Value;
        Assert.StartsWith("rcp_", receipt.Id, StringComparison.Ordinal);
        Assert.Equal((Store, "GRN-4471"), (receipt.LocationId, receipt.Reference));
        Assert.Equal([("MUG-1", 12), ("BOWL-1", 5)], receipt.Lines.Select(l => (l.Sku, l.Quantity)));
        var ledger = (await Get<StockQueries>().LedgerAsync(Admin, "MUG-1", Store, PageQuery.First, None)).Value.Items;
        Assert.Equal(Assert.Single(ledger), receipt.Entries[0]);
        Assert.All(receipt.Entries, e => Assert.Equal(("receipt", receipt.Id), (e.Kind, e.Reference)));
        var readBack = (await Get<ReceiveGoods>().GetAsync(Admin, receipt.Id, None)).Value;
        Assert.Equal(receipt with { Lines = [], Entries = [] }, readBack with { Lines = [], Entries = [] });
        Assert.Equal(receipt.Lines, readBack.Lines);
        Assert.Equal(receipt.Entries, readBack.Entries);
    }

    [Fact]
    public async Task GetAsync_AnotherTenantsReceipt_IsNotFound()
    {
        var receipt = (await ReceiveAsync(Store, 3)).Value;
        var stranger = Caller.AdminOf(TenantId.New());

        Assert.Equal("inventory.unknown_receipt", (await Get<ReceiveGoods>().GetAsync(stranger, receipt.Id, None)).ShouldFail().Code);
    }

    [Fact]
    public async Task HandleAsync_MoreLinesThanTheLimit_IsRefusedWithoutBookingAny()
    {
        var lines = Enumerable.Range(0, StockLimits.MaxReceiptLines + 1).Select(_ => new ReceiptLine("MUG-1", 1)).ToList();

        var received = await Get<ReceiveGoods>().HandleAsync(Admin, new GoodsReceiptRequest(Store, null, lines), None);
        var largest = await Get<ReceiveGoods>().HandleAsync(Admin, new GoodsReceiptRequest(Store, null, lines.Skip(1).ToList()), None);

        Assert.Equal(("inventory.too_many_lines", "lines"), (received.ShouldFail().Code, received.ShouldFail().Field));
        Assert.True(largest.IsSuccess, largest.Error?.Message);
        Assert.Equal(StockLimits.MaxReceiptLines, (await LevelAsync(Store)).OnHand);
    }

    [Fact]
    public async Task HandleAsync_ReceiptPastTheLargestLevel_IsRefusedAndBooksNoLine()
    {
        await ReceiveAsync(Store, 1);
        await RaiseOnHandToAsync(Store, StockLimits.MaxLevel - 5);

        var tooMuch = await Get<ReceiveGoods>().HandleAsync(Admin,
            new GoodsReceiptRequest(Store, null, [new ReceiptLine("BOWL-1", 1), new ReceiptLine("MUG-1", 6)]), None);
        var upToTheBound = await ReceiveAsync(Store, 5);

        Assert.Equal(("inventory.level_too_large", "lines[1].quantity"), (tooMuch.ShouldFail().Code, tooMuch.ShouldFail().Field));
        Assert.Empty((await Get<StockQueries>().LevelsAsync(Admin, "BOWL-1", null, PageQuery.First, None)).Items);
        Assert.True(upToTheBound.IsSuccess);
        Assert.Equal(StockLimits.MaxLevel, (await LevelAsync(Store)).OnHand);
        Assert.Equal("inventory.level_too_large", (await ReceiveAsync(Store, 1)).ShouldFail().Code);
        await AssertLedgerConsistentAsync();
    }

    [Fact]
    public async Task AdjustTransferAndReturn_PastTheLargestLevel_AreRefused()
    {
        await ReceiveAsync(Store, 1);
        await ReceiveAsync(Warehouse, 10);
        await RaiseOnHandToAsync(Store, StockLimits.MaxLevel);

        var adjusted = await Get<RecordMovement>().AdjustAsync(Admin, new AdjustStockRequest("MUG-1", Store, 1, "count"), None);
        var transferred = await Get<RecordMovement>().TransferAsync(Admin, new TransferStockRequest("MUG-1", Warehouse, Store, 1), None);
        var returned = await Get<Database>().WriteAsync(session => Get<IStockMovements>().ReturnAsync(
            session, Admin.Tenant, Sku.FromStored("MUG-1"), new LocationId(Store), Quantity.FromStored(1), "ret_1", damaged: false, None), None);

        Assert.Equal(("inventory.level_too_large", "delta"), (adjusted.ShouldFail().Code, adjusted.ShouldFail().Field));
        Assert.Equal(("inventory.level_too_large", "quantity"), (transferred.ShouldFail().Code, transferred.ShouldFail().Field));
        Assert.Equal("inventory.level_too_large", returned.ShouldFail().Code);
        Assert.Equal(10, (await LevelAsync(Warehouse)).OnHand);
        await AssertLedgerConsistentAsync();
    }

    [Theory]
    [InlineData(100_001, "inventory.adjustment_too_large")]
    [InlineData(-100_001, "inventory.adjustment_too_large")]
    [InlineData(int.MinValue, "inventory.adjustment_too_large")]
    [InlineData(0, "inventory.zero_adjustment")]
    public async Task AdjustAsync_AbsurdDelta_IsRefused(int delta, string code)
    {
        await ReceiveAsync(Store, 5);

        var adjusted = await Get<RecordMovement>().AdjustAsync(Admin, new AdjustStockRequest("MUG-1", Store, delta, "count"), None);

        Assert.Equal((code, "delta"), (adjusted.ShouldFail().Code, adjusted.ShouldFail().Field));
        Assert.Equal(5, (await LevelAsync(Store)).OnHand);
    }

    [Theory]
    [InlineData(-1, "inventory.negative_safety_stock")]
    [InlineData(int.MaxValue, "inventory.safety_stock_too_large")]
    public async Task SetSafetyStockAsync_AbsurdValue_IsRefused(int units, string code)
    {
        var set = await Get<RecordMovement>().SetSafetyStockAsync(Admin, new SafetyStockRequest("MUG-1", Store, units), None);

        Assert.Equal((code, "safetyStock"), (set.ShouldFail().Code, set.ShouldFail().Field));
    }
}

public sealed class ReceiptsAndBoundsSqliteTests() : ReceiptsAndBoundsTests(DatabaseProvider.Sqlite);

public sealed class ReceiptsAndBoundsPostgresTests() : ReceiptsAndBoundsTests(DatabaseProvider.Postgres);
