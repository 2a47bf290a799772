using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Catalog;
using UniRetail.Catalog.Import;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Movements;
using UniRetail.Inventory.Queries;
using UniRetail.Inventory.Reservations;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Inventory.Tests;

public abstract class StockTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualClock _time = new(ManualClock.TradingMorning);
    private Caller _admin = null!;
    private string _store = "";
    private string _warehouse = "";

    protected override TimeProvider? Clock => _time;

    protected override void AddModules(IServiceCollection services) => services.AddIdentityModule().AddCatalogModule().AddInventoryModule();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = Caller.AdminOf((await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", None)).Value.TenantId);
        _warehouse = (await Get<SaveLocation>().CreateAsync(_admin, new LocationRequest("DC", "Dartford DC", "warehouse", "", 51.4578, 0.2545, null, null, true, false, 0, null), None)).Value.Id;
        _store = (await Get<SaveLocation>().CreateAsync(_admin, new LocationRequest("ST", "Covent Garden", "store", "", 51.5129, -0.1243, null, null, true, true, 3, null), None)).Value.Id;
        await using var csv = new MemoryStream(Encoding.UTF8.GetBytes("product_code,product_name,category,sku,price\nMUG,Mug,Kitchen,MUG-1,4.50\n"));
        Assert.True((await Get<ImportCatalog>().HandleAsync(_admin, csv, None)).IsSuccess);
    }

    private async Task<StockLevelView> LevelAsync(string location) =>
        Assert.Single(await Get<StockQueries>().LevelsAsync(_admin, "MUG-1", location, null, null, None));

    private Task<Result<int>> ReceiveAsync(string location, int units, string sku = "MUG-1") =>
        Get<RecordMovement>().ReceiveAsync(_admin, new GoodsReceiptRequest(location, "GRN-1", [new ReceiptLine(sku, units)]), None);

    private Task<Result<HoldView>> HoldAsync(int units, string reference = "cart-1") =>
        Get<ManageHolds>().HoldAsync(_admin, new HoldRequest(reference, 15, [new HoldLine("MUG-1", _store, units)]), None);

    [Fact]
    public async Task ReceiveAsync_GoodsArrive_OnHandAndLedgerAgree()
    {
        await ReceiveAsync(_store, 12);
        await ReceiveAsync(_store, 8);

        Assert.Equal(20, (await LevelAsync(_store)).OnHand);
        var ledger = await Get<StockQueries>().LedgerAsync(_admin, "MUG-1", _store, null, null, None);
        Assert.Equal(["receipt", "receipt"], ledger.Value.Select(e => e.Kind));
        Assert.True((await Get<StockQueries>().VerifyAsync(_admin, None)).Consistent);
    }

    [Fact]
    public async Task ReceiveAsync_UnknownSkuOrLocation_WritesNothing()
    {
        var unknownSku = await ReceiveAsync(_store, 5, "NOPE");
        var unknownLocation = await ReceiveAsync("loc_nowhere", 5);

        Assert.Equal(("inventory.unknown_sku", "lines[0].sku"), (unknownSku.ShouldFail().Code, unknownSku.ShouldFail().Field));
        Assert.Equal("inventory.unknown_location", unknownLocation.ShouldFail().Code);
        Assert.Empty(await Get<StockQueries>().LevelsAsync(_admin, null, null, null, null, None));
    }

    [Fact]
    public async Task ReceiveAsync_SkuTakenOffSale_StillBooksStock()
    {
        var offSale = await Get<UniRetail.Catalog.Skus.UpdateSku>().SetActiveAsync(_admin, "MUG-1", new UniRetail.Catalog.Skus.SkuActiveRequest(false), None);
        Assert.True(offSale.IsSuccess);

        var received = await ReceiveAsync(_store, 6);

        Assert.True(received.IsSuccess, received.Error?.Message);
        Assert.Equal(6, (await LevelAsync(_store)).OnHand);
    }

    [Fact]
    public async Task HoldAsync_NeverDipsIntoSafetyStock()
    {
        await ReceiveAsync(_store, 10);
        await Get<RecordMovement>().SetSafetyStockAsync(_admin, new SafetyStockRequest("MUG-1", _store, 3), None);

        var tooMuch = await HoldAsync(8);
        var enough = await HoldAsync(7, "cart-2");

        Assert.Equal("inventory.insufficient_stock", tooMuch.ShouldFail().Code);
        Assert.True(enough.IsSuccess);
        var level = await LevelAsync(_store);
        Assert.Equal((10, 7, 0), (level.OnHand, level.Reserved, level.Available));
    }

    [Fact]
    public async Task ReleaseAsync_HeldUnits_ComeBackAndTheLedgerRecordsBoth()
    {
        await ReceiveAsync(_store, 10);
        await HoldAsync(4);

        Assert.True((await Get<ManageHolds>().ReleaseAsync(_admin, "cart-1", None)).IsSuccess);

        Assert.Equal(0, (await LevelAsync(_store)).Reserved);
        var kinds = (await Get<StockQueries>().LedgerAsync(_admin, "MUG-1", _store, null, null, None)).Value.Select(e => e.Kind);
        Assert.Equal(["receipt", "reservation", "release"], kinds);
        Assert.Equal("inventory.unknown_hold", (await Get<ManageHolds>().ReleaseAsync(_admin, "cart-1", None)).ShouldFail().Code);
    }

    [Fact]
    public async Task ExpireDueAsync_UnconfirmedHold_IsReleasedButConfirmedOneStays()
    {
        await ReceiveAsync(_store, 10);
        await HoldAsync(3, "cart-a");
        await HoldAsync(2, "cart-b");
        await Get<ManageHolds>().ConfirmAsync(_admin, "cart-b", None);

        _time.Advance(TimeSpan.FromMinutes(16));
        var expired = await Get<ManageHolds>().ExpireDueAsync(None);

        Assert.Equal(1, expired);
        Assert.Equal(2, (await LevelAsync(_store)).Reserved);
    }

    [Fact]
    public async Task AdjustAsync_BelowWhatIsReserved_IsRefused()
    {
        await ReceiveAsync(_store, 5);
        await HoldAsync(4);

        var adjusted = await Get<RecordMovement>().AdjustAsync(_admin, new AdjustStockRequest("MUG-1", _store, -2, "count"), None);
        var noReason = await Get<RecordMovement>().AdjustAsync(_admin, new AdjustStockRequest("MUG-1", _store, -1, " "), None);

        Assert.Equal("inventory.below_reserved", adjusted.ShouldFail().Code);
        Assert.Equal("inventory.reason_required", noReason.ShouldFail().Code);
        Assert.Equal(5, (await LevelAsync(_store)).OnHand);
    }

    [Fact]
    public async Task TransferAsync_MovesUnitsBetweenLocationsInOneStep()
    {
        await ReceiveAsync(_warehouse, 30);

        var moved = await Get<RecordMovement>().TransferAsync(_admin, new TransferStockRequest("MUG-1", _warehouse, _store, 12), None);
        var tooMany = await Get<RecordMovement>().TransferAsync(_admin, new TransferStockRequest("MUG-1", _warehouse, _store, 19), None);

        Assert.True(moved.IsSuccess);
        Assert.Equal("inventory.insufficient_stock", tooMany.ShouldFail().Code);
        Assert.Equal((18L, 12L), ((await LevelAsync(_warehouse)).OnHand, (await LevelAsync(_store)).OnHand));
        Assert.True((await Get<StockQueries>().VerifyAsync(_admin, None)).Consistent);
    }

    [Fact]
    public async Task ReceiveAsync_StoreStaffOfAnotherStore_IsForbidden()
    {
        var staff = new Caller(_admin.Tenant, Role.StoreStaff, new LocationId(_store));

        var atWarehouse = await Get<RecordMovement>().ReceiveAsync(staff, new GoodsReceiptRequest(_warehouse, null, [new ReceiptLine("MUG-1", 1)]), None);
        var atOwnStore = await Get<RecordMovement>().ReceiveAsync(staff, new GoodsReceiptRequest(_store, null, [new ReceiptLine("MUG-1", 1)]), None);

        Assert.Equal("identity.other_store", atWarehouse.ShouldFail().Code);
        Assert.True(atOwnStore.IsSuccess);
    }

    [Fact]
    public async Task HoldAsync_ManyCartsForTheLastUnits_NeverOversell()
    {
        await ReceiveAsync(_store, 40);

        var holds = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => HoldAsync(1, $"cart-{i}"))));

        Assert.Equal(40, holds.Count(h => h.IsSuccess));
        var level = await LevelAsync(_store);
        Assert.Equal((40L, 40L), (level.OnHand, level.Reserved));
        Assert.Equal(0, await Get<StockQueries>().OversoldAsync(_admin, None));
    }

    [Fact]
    public async Task ReturnAsync_DamagedGoods_AreKeptApartFromSellableStock()
    {
        await Get<Data.Database>().WriteAsync<Unit>(async session =>
        {
            var movements = Get<IStockMovements>();
            await movements.ReturnAsync(session, _admin.Tenant, Sku.FromStored("MUG-1"), new LocationId(_store), Quantity.FromStored(2), "ret_1", damaged: true, None);
            await movements.ReturnAsync(session, _admin.Tenant, Sku.FromStored("MUG-1"), new LocationId(_store), Quantity.FromStored(1), "ret_1", damaged: false, None);
            return Unit.Value;
        }, None);

        var level = await LevelAsync(_store);
        Assert.Equal((1L, 2L), (level.OnHand, level.Damaged));
        Assert.True((await Get<StockQueries>().VerifyAsync(_admin, None)).Consistent);
    }
}

public sealed class StockSqliteTests() : StockTests(DatabaseProvider.Sqlite);

public sealed class StockPostgresTests() : StockTests(DatabaseProvider.Postgres);
