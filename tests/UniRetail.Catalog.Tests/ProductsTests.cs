using UniRetail.Catalog.Contracts;
using UniRetail.Catalog.Products;
using UniRetail.Catalog.Skus;
using UniRetail.Data;
using UniRetail.Kernel;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Catalog.Tests;

public abstract class ProductsTests(DatabaseProvider provider) : CatalogDatabaseTest(provider)
{
    [Fact]
    public async Task HandleAsync_ProductWithSkus_IsReadBackWithItsSkusAndPrices()
    {
        var admin = Identity.NewTenant();
        var created = await CreateAsync(admin, AProduct().WithSku("MUG-W", 12.50m, gtin: "5012345678900").WithSku("MUG-B", 13m, name: "Enamel mug, blue"));

        var read = (await Get<ProductQueries>().GetAsync(admin, created.Id, Ct)).Value;

        Assert.Equal("MUG-ENAMEL", read.Code);
        Assert.Equal("Home/Kitchen", read.Category);
        Assert.Equal("Falcon", read.Attributes["brand"]);
        Assert.Equal(["MUG-B", "MUG-W"], read.Skus.Select(s => s.Sku));
        var white = read.Skus.Single(s => s.Sku == "MUG-W");
        Assert.Equal(("5012345678900", "Enamel mug", 12.50m, "GBP", true), (white.Gtin, white.Name, white.Price.Amount, white.Price.Currency, white.Active));
        Assert.Equal("white", white.Attributes["colour"]);
        Assert.Equal("Enamel mug, blue", read.Skus.Single(s => s.Sku == "MUG-B").Name);
    }

    [Fact]
    public async Task ListAsync_CategoryAndSearch_FindsProductsInTheCategoryTreeWhoseNameMatches()
    {
        var admin = Identity.NewTenant();
        await CreateAsync(admin, AProduct("MUG-1", "Enamel Mug").InCategory("Home/Kitchen").WithSku("MUG-1", 12m));
        await CreateAsync(admin, AProduct("PAN-1", "Cast iron pan").InCategory("Home/Kitchen/Cookware").WithSku("PAN-1", 40m));
        await CreateAsync(admin, AProduct("MUG-2", "Travel mug").InCategory("Outdoor").WithSku("MUG-2", 15m));
        await CreateAsync(admin, AProduct("HOM-1", "Homeware voucher").InCategory("Homeware").WithSku("HOM-1", 25m));

        var inHome = (await Get<ProductQueries>().ListAsync(admin, new ProductQuery(Category: "Home"), PageQuery.First, Ct)).Value;
        var mugs = (await Get<ProductQueries>().ListAsync(admin, new ProductQuery(Search: "MUG"), PageQuery.First, Ct)).Value;
        var kitchenMugs = (await Get<ProductQueries>().ListAsync(admin, new ProductQuery("Home/Kitchen", "mug"), PageQuery.First, Ct)).Value;

        Assert.Equal(["MUG-1", "PAN-1"], inHome.Items.Select(p => p.Code));
        Assert.Equal(["MUG-1", "MUG-2"], mugs.Items.Select(p => p.Code));
        Assert.Equal("MUG-1", Assert.Single(kitchenMugs.Items).Code);
        Assert.Equal("MUG-1", Assert.Single(kitchenMugs.Items[0].Skus).Sku);
    }

    [Fact]
    public async Task ListAsync_Paging_WalksEveryProductOnceInCodeOrder()
    {
        var admin = Identity.NewTenant();
        foreach (var code in new[] { "P-3", "P-1", "P-5", "P-2", "P-4" })
            await CreateAsync(admin, AProduct(code, $"Product {code}").WithSku(code, 1m));

        var first = (await Get<ProductQueries>().ListAsync(admin, new ProductQuery(), new PageQuery(2, null), Ct)).Value;
        var second = (await Get<ProductQueries>().ListAsync(admin, new ProductQuery(), new PageQuery(2, first.NextAfter), Ct)).Value;
        var last = (await Get<ProductQueries>().ListAsync(admin, new ProductQuery(), new PageQuery(2, second.NextAfter), Ct)).Value;

        Assert.Equal(["P-1", "P-2", "P-3", "P-4", "P-5"], first.Items.Concat(second.Items).Concat(last.Items).Select(p => p.Code));
        Assert.Null(last.NextAfter);
    }

    [Fact]
    public async Task HandleAsync_DuplicateSku_IsConflictAndWritesNothing()
    {
        var admin = Identity.NewTenant();
        await CreateAsync(admin, AProduct("MUG-1").WithSku("MUG-W", 12m));

        var second = await Get<CreateProduct>().HandleAsync(admin, AProduct("MUG-2").WithSku("MUG-NEW", 9m).WithSku("MUG-W", 10m).Build(), Ct);

        Assert.Equal(("catalog.duplicate_sku", ErrorKind.Conflict, "skus[1].sku"), (second.ShouldFail().Code, second.ShouldFail().Kind, second.ShouldFail().Field));
        Assert.Equal(1, await CountAsync("catalog_product", admin.Tenant));
        Assert.Equal(1, await CountAsync("catalog_sku", admin.Tenant));
    }

    [Fact]
    public async Task HandleAsync_GtinOfAnotherSkuWrittenAsUpc_IsConflictAndWritesNothing()
    {
        var admin = Identity.NewTenant();
        await CreateAsync(admin, AProduct("SODA-1").WithSku("SODA-330", 1.20m, gtin: "0036000291452"));

        var second = await Get<CreateProduct>().HandleAsync(admin, AProduct("SODA-2").WithSku("SODA-500", 1.80m, gtin: "036000291452").Build(), Ct);

        Assert.Equal(("catalog.duplicate_gtin", ErrorKind.Conflict, "skus[0].gtin"), (second.ShouldFail().Code, second.ShouldFail().Kind, second.ShouldFail().Field));
        Assert.Equal(1, await CountAsync("catalog_product", admin.Tenant));
        Assert.Equal(1, await CountAsync("catalog_sku", admin.Tenant));
    }

    [Fact]
    public async Task HandleAsync_SameSkuTwiceInOneProduct_IsRejectedBeforeWriting()
    {
        var admin = Identity.NewTenant();

        var result = await Get<CreateProduct>().HandleAsync(admin, AProduct().WithSku("MUG-W", 12m).WithSku("MUG-W", 13m).Build(), Ct);

        Assert.Equal(("catalog.duplicate_sku", "skus[1].sku"), (result.ShouldFail().Code, result.ShouldFail().Field));
        Assert.Equal(0, await CountAsync("catalog_product", admin.Tenant));
    }

    [Fact]
    public async Task HandleAsync_PriceInAnotherCurrency_IsWrongCurrencyNamingTheField()
    {
        var admin = Identity.NewTenant("GBP");

        var result = await Get<CreateProduct>().HandleAsync(admin, AProduct().WithSku("MUG-W", 12m).WithSku("MUG-B", 12m, currency: "EUR").Build(), Ct);

        Assert.Equal(("catalog.wrong_currency", ErrorKind.Validation, "skus[1].price.currency"), (result.ShouldFail().Code, result.ShouldFail().Kind, result.ShouldFail().Field));
        Assert.Equal(0, await CountAsync("catalog_sku", admin.Tenant));
    }

    [Fact]
    public async Task FindByGtinAsync_ScannedAsUpc_FindsTheSkuStoredAsEan13()
    {
        var admin = Identity.NewTenant();
        await CreateAsync(admin, AProduct("SODA-1").WithSku("SODA-330", 1.20m, gtin: "0036000291452"));

        var found = await Get<SkuQueries>().FindByGtinAsync(admin, "036000291452", Ct);
        var unknown = await Get<SkuQueries>().FindByGtinAsync(admin, "4006381333931", Ct);
        var malformed = await Get<SkuQueries>().FindByGtinAsync(admin, "40063813339x1", Ct);

        Assert.Equal("SODA-330", found.Value.Sku);
        Assert.Equal("catalog.unknown_gtin", unknown.ShouldFail().Code);
        Assert.Equal("catalog.gtin_malformed", malformed.ShouldFail().Code);
    }

    [Fact]
    public async Task Reads_AnotherTenantsCatalog_SeeNothingOfIt()
    {
        var camden = Identity.NewTenant();
        var other = Identity.NewTenant();
        var product = await CreateAsync(camden, AProduct().WithSku("MUG-W", 12m, gtin: "5012345678900"));
        await CreateAsync(other, AProduct().WithSku("MUG-W", 20m));

        Assert.Equal("catalog.unknown_product", (await Get<ProductQueries>().GetAsync(other, product.Id, Ct)).ShouldFail().Code);
        Assert.Equal("catalog.unknown_gtin", (await Get<SkuQueries>().FindByGtinAsync(other, "5012345678900", Ct)).ShouldFail().Code);
        Assert.Equal(20m, (await Get<SkuQueries>().GetAsync(other, "MUG-W", Ct)).Value.Price.Amount);
        var prices = await Get<ISkuPricing>().PriceAsync(camden.Tenant, [Sku.Parse("MUG-W").Value], SalesChannel.Web, null, Ct);
        Assert.Equal(12m, prices[Sku.Parse("MUG-W").Value].UnitPrice.Amount);
        Assert.Single((await Get<ProductQueries>().ListAsync(other, new ProductQuery(), PageQuery.First, Ct)).Value.Items);
    }

    [Fact]
    public async Task HandleAsync_IntegrationKey_MayCreate()
    {
        var integration = Identity.NewTenant() with { Role = Role.Integration };

        var created = await Get<CreateProduct>().HandleAsync(integration, AProduct().WithSku("MUG-W", 12m).Build(), Ct);

        Assert.True(created.IsSuccess, created.Error?.Message);
    }
}

public sealed class ProductsSqliteTests() : ProductsTests(DatabaseProvider.Sqlite);

public sealed class ProductsPostgresTests() : ProductsTests(DatabaseProvider.Postgres);
