using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Catalog;
using UniRetail.Catalog.Import;
using UniRetail.Data;
using UniRetail.Fulfillment;
using UniRetail.Identity;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Inventory;
using UniRetail.Inventory.Receipts;
using UniRetail.Kernel;
using UniRetail.Loyalty;
using UniRetail.Members;
using UniRetail.Promotions;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Orders.Tests;

/// <summary>Every commerce module on a fresh database, a London retailer with a DC and two stores, and a small catalog.</summary>
public abstract class CommerceTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected ManualClock Time { get; } = new(ManualClock.TradingMorning);

    protected override TimeProvider? Clock => Time;

    protected override void AddModules(IServiceCollection services) =>
        services.AddIdentityModule().AddCatalogModule().AddInventoryModule().AddMembersModule().AddFulfillmentModule().AddPromotionsModule().AddLoyaltyModule().AddOrdersModule();

    protected Caller Admin { get; private set; } = null!;

    protected string Warehouse { get; private set; } = "";

    protected string CoventGarden { get; private set; } = "";

    protected string Camden { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var tenant = await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", CancellationToken.None);
        Admin = Caller.AdminOf(tenant.Value.TenantId);
        Warehouse = await AddLocationAsync(new LocationRequest("DC-DARTFORD", "Dartford DC", "warehouse", "Dartford", 51.4578, 0.2545, "Europe/London", null, true, false, 0, null));
        CoventGarden = await AddLocationAsync(new LocationRequest("ST-COVENT", "Covent Garden", "store", "Long Acre", 51.5129, -0.1243, "Europe/London", null, true, true, 3, null));
        Camden = await AddLocationAsync(new LocationRequest("ST-CAMDEN", "Camden Town", "store", "Camden High St", 51.5390, -0.1426, "Europe/London", null, true, true, 3, null));
        const string csv = """
            product_code,product_name,category,sku,gtin,sku_name,price,currency,attributes
            85123A,White Hanging Heart T-Light Holder,Home/Lighting,85123A,5012345000015,White Hanging Heart,2.55,GBP,
            22423,Regency Cakestand 3 Tier,Kitchen & Dining,22423,,Regency Cakestand,12.75,GBP,
            """;
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var imported = await Get<ImportCatalog>().HandleAsync(Admin, stream, CancellationToken.None);
        Assert.True(imported.IsSuccess, imported.Error?.Message);
    }

    protected async Task ReceiveAsync(string location, string sku, int units)
    {
        var received = await Get<ReceiveGoods>().HandleAsync(Admin, new GoodsReceiptRequest(location, "test", [new ReceiptLine(sku, units)]), CancellationToken.None);
        Assert.True(received.IsSuccess, received.Error?.Message);
    }

    private protected static PlaceOrderRequest ShipToHome(string sku, int quantity, bool paid = true) => new(
        "web", "ship_to_home", null, null, new DestinationRequest(51.5155, -0.1300, "1 Museum St"), "GBP", paid, [new OrderLineRequest(sku, quantity)]);

    private protected Task<Kernel.Result<PlacedOrder>> PlaceAsync(PlaceOrderRequest request, string? key = null) =>
        Get<PlaceOrderHandler>().HandleAsync(Admin, request, key, CancellationToken.None);

    private async Task<string> AddLocationAsync(LocationRequest request) =>
        (await Get<SaveLocation>().CreateAsync(Admin, request, CancellationToken.None)).Value.Id;
}
