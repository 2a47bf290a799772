using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Catalog;
using UniRetail.Catalog.Import;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Inventory;
using UniRetail.Inventory.Receipts;
using UniRetail.Kernel;
using UniRetail.Network.Replenishment;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Network.Tests;

/// <summary>The network module with the real Identity, Catalog and Inventory: a shop tenant with its shop and a second shop, SKUs MUG-1 and BOWL-1.</summary>
public abstract class NetworkTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected ManualClock Time { get; } = new(ManualClock.TradingMorning);

    protected override TimeProvider? Clock => Time;

    protected Caller Admin { get; private set; } = null!;

    protected string Shop { get; private set; } = "";

    protected string OtherShop { get; private set; } = "";

    protected DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    protected override void AddModules(IServiceCollection services) =>
        services.AddIdentityModule().AddCatalogModule().AddInventoryModule().AddNetworkModule();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await NewTenantAsync("Lu's Corner Shop");
        Shop = await AddShopAsync(Admin, "LU", "Lu Qiwei's shop");
        OtherShop = await AddShopAsync(Admin, "WA", "Wang's shop");
    }

    protected async Task<Caller> NewTenantAsync(string name)
    {
        var caller = Caller.AdminOf((await Get<CreateTenant>().HandleAsync(name, "GBP", None)).Value.TenantId);
        await using var csv = new MemoryStream(Encoding.UTF8.GetBytes("product_code,product_name,category,sku,price\nMUG,Mug,Kitchen,MUG-1,4.50\nBOWL,Bowl,Kitchen,BOWL-1,6.00\n"));
        Assert.True((await Get<ImportCatalog>().HandleAsync(caller, csv, None)).IsSuccess);
        return caller;
    }

    protected async Task<string> AddShopAsync(Caller owner, string code, string name) =>
        (await Get<SaveLocation>().CreateAsync(owner, new LocationRequest(code, name, "store", "", 30.27, 120.15, null, null, false, true, 0, null), None)).Value.Id;

    protected Caller StaffOf(string shop) => new(Admin.Tenant, Role.StoreStaff, new LocationId(shop));

    private protected Task<Result<ShopSkuView>> ConfigureAsync(string sku, ShopSkuRequest request, Caller? caller = null) =>
        Get<ConfigureShopSku>().HandleAsync(caller ?? Admin, sku, request, None);

    private protected Task<Result<ShopSalesView>> RecordSalesAsync(string shop, IEnumerable<ShopSalesLine> lines, Caller? caller = null) =>
        Get<RecordShopSales>().HandleAsync(caller ?? Admin, new ShopSalesRequest(shop, [.. lines]), None);

    private protected Task<Result<ReplenishmentView>> AdviseAsync(string shop, Caller? caller = null) =>
        Get<AdviseReplenishment>().HandleAsync(caller ?? Admin, shop, None);

    /// <summary>The last <paramref name="days"/> days before today, each selling <paramref name="units"/>(day index from the oldest).</summary>
    private protected IEnumerable<ShopSalesLine> Daily(string sku, int days, Func<int, int> units) =>
        Enumerable.Range(0, days).Select(d => new ShopSalesLine(Today.AddDays(d - days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), sku, units(d)));

    protected async Task ReceiveAsync(string shop, string sku, int units) =>
        Assert.True((await Get<ReceiveGoods>().HandleAsync(Admin, new GoodsReceiptRequest(shop, "GRN-1", [new ReceiptLine(sku, units)]), None)).IsSuccess);
}
