using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Catalog;
using UniRetail.Catalog.Import;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Inventory.Queries;
using UniRetail.Inventory.Receipts;
using UniRetail.Inventory.Reservations;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Inventory.Tests;

/// <summary>Inventory with the real Identity and Catalog modules: a tenant with a warehouse, two stores and the SKUs MUG-1 and BOWL-1.</summary>
public abstract class InventoryTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected ManualClock Time { get; } = new(ManualClock.TradingMorning);

    protected override TimeProvider? Clock => Time;

    protected Caller Admin { get; private set; } = null!;

    protected string Warehouse { get; private set; } = "";

    protected string Store { get; private set; } = "";

    protected string OtherStore { get; private set; } = "";

    protected override void AddModules(IServiceCollection services) => services.AddIdentityModule().AddCatalogModule().AddInventoryModule();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = Caller.AdminOf((await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", None)).Value.TenantId);
        Warehouse = await AddLocationAsync(new LocationRequest("DC", "Dartford DC", "warehouse", "", 51.4578, 0.2545, null, null, true, false, 0, null));
        Store = await AddLocationAsync(new LocationRequest("ST", "Covent Garden", "store", "", 51.5129, -0.1243, null, null, true, true, 3, null));
        OtherStore = await AddLocationAsync(new LocationRequest("CM", "Camden Town", "store", "", 51.5390, -0.1426, null, null, true, true, 3, null));
        await using var csv = new MemoryStream(Encoding.UTF8.GetBytes("product_code,product_name,category,sku,price\nMUG,Mug,Kitchen,MUG-1,4.50\nBOWL,Bowl,Kitchen,BOWL-1,6.00\n"));
        Assert.True((await Get<ImportCatalog>().HandleAsync(Admin, csv, None)).IsSuccess);
    }

    protected Caller StaffOf(string store) => new(Admin.Tenant, Role.StoreStaff, new LocationId(store));

    private protected async Task<StockLevelView> LevelAsync(string location, string sku = "MUG-1") =>
        Assert.Single((await Get<StockQueries>().LevelsAsync(Admin, sku, location, PageQuery.First, None)).Items);

    private protected Task<Result<ReceiptView>> ReceiveAsync(string location, int units, string sku = "MUG-1") =>
        Get<ReceiveGoods>().HandleAsync(Admin, new GoodsReceiptRequest(location, "GRN-1", [new ReceiptLine(sku, units)]), None);

    private protected Task<Result<HeldCart>> HoldAsync(int units, string? reference = "cart-1", Caller? caller = null, string? location = null) =>
        Get<ManageHolds>().HoldAsync(caller ?? Admin, new HoldRequest(reference, 15, [new HoldLine("MUG-1", location ?? Store, units)]), None);

    protected async Task AssertLedgerConsistentAsync() => Assert.True((await Get<StockQueries>().VerifyAsync(Admin, None)).Consistent);

    /// <summary>Brings a level close to its bound without ten thousand receipts: one entry whose delta is the jump, so the ledger still agrees.</summary>
    protected Task RaiseOnHandToAsync(string location, long onHand, string sku = "MUG-1") =>
        Get<Database>().WriteAsync<Unit>(async session =>
        {
            var values = new { Tenant = Admin.Tenant.Value, Sku = sku, Location = location, OnHand = onHand };
            await session.Connection.ExecuteAsync(
                """
                INSERT INTO inventory_ledger (tenant_id, sku, location_id, kind, on_hand_delta, reserved_delta, damaged_delta, occurred_at_ms)
                SELECT tenant_id, sku, location_id, 'adjustment', @OnHand - on_hand, 0, 0, 0 FROM inventory_stock_level
                WHERE tenant_id = @Tenant AND sku = @Sku AND location_id = @Location
                """, values, session.Transaction);
            await session.Connection.ExecuteAsync(
                "UPDATE inventory_stock_level SET on_hand = @OnHand WHERE tenant_id = @Tenant AND sku = @Sku AND location_id = @Location", values, session.Transaction);
            return Unit.Value;
        }, None);

    private async Task<string> AddLocationAsync(LocationRequest request) => (await Get<SaveLocation>().CreateAsync(Admin, request, None)).Value.Id;
}
