using Microsoft.Extensions.DependencyInjection;
using UniRetail.Catalog;
using UniRetail.Catalog.Products;
using UniRetail.Data;
using UniRetail.Fulfillment;
using UniRetail.Identity;
using UniRetail.Inventory;
using UniRetail.Kernel;
using UniRetail.Loyalty;
using UniRetail.Members;
using UniRetail.Orders;
using UniRetail.Promotions;
using UniRetail.Store.Bags;
using UniRetail.Store.Contracts;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Store.Tests;

/// <summary>A bag under a hand-moved clock: it takes scans and checks out for four hours after its start, and then neither.</summary>
public abstract class BagExpiryTests(DatabaseProvider provider) : StoreDatabaseTest(provider)
{
    private const string Gtin = "5012345678900";

    protected override void AddModules(IServiceCollection services) =>
        services.AddIdentityModule().AddCatalogModule().AddInventoryModule().AddMembersModule().AddPromotionsModule().AddLoyaltyModule()
            .AddFulfillmentModule().AddOrdersModule().AddStoreModule();

    private async Task<string> ABagWithATeapotAsync(MemberId member)
    {
        var product = await Get<CreateProduct>().HandleAsync(Admin, new CreateProductRequest(
            "P-TEAPOT", "Teapot", null, "Home/Kitchen", null, [new SkuRequest("TEAPOT-1", Gtin, "Teapot", null, new PriceRequest(20.00m, "GBP"))]), Ct);
        Assert.True(product.IsSuccess, product.Error?.Message);
        var started = await Get<StartBag>().HandleAsync(Admin, new StartBagRequest(CoventGarden.Value, null, member.Value), null, Ct);
        Assert.True(started.IsSuccess, started.Error?.Message);
        var scanned = await Get<ScanIntoBag>().HandleAsync(Admin, started.Value.Bag.Id, null, new ScanRequest(Gtin, 2), null, Ct);
        Assert.True(scanned.IsSuccess, scanned.Error?.Message);
        return started.Value.Bag.Id;
    }

    [Fact]
    public async Task ABag_FourHoursAfterItsStart_IsExpiredForScansReadsAndCheckout()
    {
        var ada = await NewMemberAsync();
        var bag = await ABagWithATeapotAsync(ada);

        Time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        var justBefore = await Get<IBagCheckout>().ReadAsync(Tenant, CoventGarden, bag, "bagId", Ct);
        Time.Advance(TimeSpan.FromSeconds(1));
        var scan = await Get<ScanIntoBag>().HandleAsync(Admin, bag, null, new ScanRequest(Gtin, 1), null, Ct);
        var read = await Get<ChangeBagLine>().GetAsync(Admin, bag, ada.Value, Ct);
        var checkout = await Get<IBagCheckout>().ReadAsync(Tenant, CoventGarden, bag, "bagId", Ct);
        var late = await WriteAsync(s => Get<IBagCheckout>().CheckOutAsync(s, Tenant, justBefore.Value, "sale-1", Time.GetUtcNow(), "bagId", Ct));

        Assert.True(justBefore.IsSuccess, justBefore.Error?.Message);
        Assert.Equal(("store.bag_expired", "bagId"), (scan.ShouldFail().Code, scan.ShouldFail().Field));
        Assert.Equal(("expired", 2), (read.Value.Status, read.Value.Lines.Single().Quantity));
        Assert.Null(read.Value.Totals);
        Assert.Equal("store.bag_expired", checkout.ShouldFail().Code);
        Assert.Equal(("store.bag_expired", "bagId"), (late.ShouldFail().Code, late.ShouldFail().Field));
    }
}

public sealed class BagExpirySqliteTests() : BagExpiryTests(DatabaseProvider.Sqlite);

public sealed class BagExpiryPostgresTests() : BagExpiryTests(DatabaseProvider.Postgres);
