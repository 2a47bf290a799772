using System.Text;
using UniRetail.Catalog.Import;
using UniRetail.Data;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Tenants;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Receipts;
using UniRetail.Kernel;
using UniRetail.Network.Agreements;
using UniRetail.Network.ShopOrders;
using UniRetail.Network.Wholesale;
using Xunit;

namespace UniRetail.Network.Tests;

/// <summary>
/// The shop of <see cref="NetworkTest"/> on a platform: a wholesaler with a DC holding 100 cases of mugs (MUG-W6, 6 a
/// case, at least 2 cases an order, cheaper from 20 and 50 cases a month) and 10 cases of bowls (BOWL-W4, 4 a case), a
/// representative who signed the shop up (delivery on Tuesdays), and the shop selling a case of mugs as 6 of its MUG-1.
/// </summary>
public abstract class ShopNetworkTest(DatabaseProvider provider) : NetworkTest(provider)
{
    protected Caller Platform { get; private set; } = null!;

    protected string Dc { get; private set; } = "";

    protected RepView Rep { get; private set; } = null!;

    protected AgreementView Agreement { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Platform = Caller.AdminOf((await Get<CreateTenant>().HandleAsync("Hangzhou Wholesale", "GBP", None)).Value.TenantId);
        await using (var csv = new MemoryStream(Encoding.UTF8.GetBytes("product_code,product_name,category,sku,price\nMUG,Mug case,Kitchen,MUG-W6,2.10\nBOWL,Bowl case,Kitchen,BOWL-W4,3.60\n")))
            Assert.True((await Get<ImportCatalog>().HandleAsync(Platform, csv, None)).IsSuccess);
        Dc = (await Get<SaveLocation>().CreateAsync(Platform, new LocationRequest("DC", "Hangzhou DC", "warehouse", "", 30.2, 120.1, null, null, true, false, 0, null), None)).Value.Id;
        Assert.True((await Get<ReceiveGoods>().HandleAsync(Platform, new GoodsReceiptRequest(Dc, "GRN-DC", [new ReceiptLine("MUG-W6", 600), new ReceiptLine("BOWL-W4", 40)]), None)).IsSuccess);
        Rep = (await Get<ManageReps>().CreateAsync(Platform, new RepRequest("Zhang Wei", 0.02m), None)).Value;
        Assert.True((await Get<ManageWholesale>().SetItemAsync(Platform, "MUG-W6", new WholesaleItemRequest(6, 0.40m, 2.10m, 2, [new(20, 1.90m), new(50, 1.80m)]), None)).IsSuccess);
        Assert.True((await Get<ManageWholesale>().SetItemAsync(Platform, "BOWL-W4", new WholesaleItemRequest(4, 1.00m, 3.60m, 1, null), None)).IsSuccess);
        Agreement = (await Get<SignUpShop>().LinkAsync(Platform.Tenant, Admin.Tenant, new AgreementTermsRequest(Rep.Id, Dc, "tuesday", false, true), None)).Value;
        Assert.True((await Get<ManageWholesale>().MapAsync(Admin, "MUG-W6", new MappingRequest("MUG-1", 6), None)).IsSuccess);
    }

    private protected Task<Result<PlacedShopOrder>> OrderAsync(string shop, params (string Sku, int Units)[] lines) =>
        OrderAsync(Admin, new ShopOrderRequest(shop, [.. lines.Select(l => new ShopOrderLineRequest(l.Sku, l.Units))], null));

    private protected Task<Result<PlacedShopOrder>> OrderAsync(Caller shop, ShopOrderRequest request, string? key = null) =>
        Get<PlaceShopOrder>().HandleAsync(shop, request, key, None);

    private protected Task<Result<ShopOrderView>> ReceiveOrderAsync(string id, params ReceiveLineRequest[] lines) =>
        Get<ReceiveShopOrder>().HandleAsync(Admin, id, new ReceiveShopOrderRequest(lines), None);

    /// <summary>A SKU's stock at one location of a tenant.</summary>
    protected async Task<StockPosition?> StockAsync(Caller tenant, string sku, string location) =>
        (await Get<IStockMovements>().PositionsAsync(tenant.Tenant, [Sku.FromStored(sku)], None)).SingleOrDefault(p => p.Location.Value == location);
}
