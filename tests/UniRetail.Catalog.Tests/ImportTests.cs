using System.Globalization;
using System.Text;
using UniRetail.Catalog.Contracts;
using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Import;
using UniRetail.Catalog.Products;
using UniRetail.Catalog.Skus;
using UniRetail.Data;
using UniRetail.Kernel;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Catalog.Tests;

public abstract class ImportTests(DatabaseProvider provider) : CatalogDatabaseTest(provider)
{
    private const string Header = "product_code,product_name,category,sku,gtin,sku_name,price,currency,attributes";

    private const string GoodFile = $"""
        {Header}
        TEE-1,Organic tee,Clothing/Tops,TEE-1-S,5012345678900,"Organic tee, small",15.00,GBP,size=S;colour=white
        TEE-1,Organic tee,Clothing/Tops,TEE-1-M,,,15.00,,size=M;colour=white
        MUG-1,Enamel mug,Home/Kitchen,MUG-1-W,036000291452,,12.5,,
        """;

    private async Task<Result<CatalogImported>> ImportAsync(Caller caller, string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await Get<ImportCatalog>().HandleAsync(caller, stream, Ct);
    }

    [Fact]
    public async Task HandleAsync_GoodFile_CreatesProductsAndSkusThenUpdatesThem()
    {
        var admin = Identity.NewTenant();

        var first = await ImportAsync(admin, GoodFile);
        var tee = (await Get<SkuQueries>().GetAsync(admin, "TEE-1-S", Ct)).Value;
        var again = await ImportAsync(admin, GoodFile.Replace("MUG-1-W,036000291452,,12.5", "MUG-1-W,036000291452,,13.75", StringComparison.Ordinal) + "\nMUG-1,Enamel mug,Home/Kitchen,MUG-1-B,,,13.75,,");

        Assert.Equal(new CatalogImported(2, 0, 3, 0), first.Value);
        Assert.Equal(("Organic tee, small", "5012345678900", 15m), (tee.Name, tee.Gtin, tee.Price.Amount));
        Assert.Equal(new Dictionary<string, string> { ["colour"] = "white", ["size"] = "S" }, tee.Attributes);
        Assert.Equal("Organic tee", (await Get<SkuQueries>().GetAsync(admin, "TEE-1-M", Ct)).Value.Name);
        Assert.Equal(new CatalogImported(0, 2, 1, 3), again.Value);
        var mug = (await Get<ProductQueries>().ListAsync(admin, new ProductQuery(Search: "enamel"), PageQuery.First, Ct)).Value.Items.Single();
        Assert.Equal(["MUG-1-B", "MUG-1-W"], mug.Skus.Select(s => s.Sku));
        Assert.Equal("MUG-1-W", (await Get<SkuQueries>().FindByGtinAsync(admin, "0036000291452", Ct)).Value.Sku);
        var priced = await Get<ISkuPricing>().PriceAsync(admin.Tenant, [Sku.Parse("MUG-1-W").Value], SalesChannel.Web, null, Ct);
        Assert.Equal(13.75m, priced.Single().Value.UnitPrice.Amount);
    }

    [Theory]
    [InlineData("MUG-1,Enamel mug,Home/Kitchen,MUG-1-W,036000291453,,12.5,,", "row 4: gtin", "catalog.gtin_bad_check_digit")]
    [InlineData("MUG-1,Enamel mug,Home/Kitchen,MUG-1-W,,,12.5,EUR,", "row 4: currency", "catalog.wrong_currency")]
    [InlineData("MUG-1,Enamel mug,Home/Kitchen,MUG-1-W,,,twelve,,", "row 4: price", "catalog.bad_price")]
    [InlineData("MUG-1,Enamel mug,Home/Kitchen,MUG-1-W,,,12.555,,", "row 4: price", "money.too_precise")]
    [InlineData("MUG-1,Enamel mug,Home/Kitchen,TEE-1-S,,,12.5,,", "row 4: sku", "catalog.csv_repeated")]
    [InlineData("MUG-1,Enamel mug,Home/Kitchen,MUG-1-W,,,12.5,,colour", "row 4: attributes", "catalog.attribute_malformed")]
    [InlineData("TEE-1,Organic T-shirt,Clothing/Tops,TEE-1-L,,,15.00,,", "row 4: product_name", "catalog.csv_inconsistent_product")]
    [InlineData(",Enamel mug,Home/Kitchen,MUG-1-W,,,12.5,,", "row 4: product_code", "catalog.required")]
    public async Task HandleAsync_OneBadRow_NamesRowAndColumnAndWritesNothing(string badRow, string field, string code)
    {
        var admin = Identity.NewTenant("GBP");
        var lines = GoodFile.Split('\n');
        lines[3] = badRow;

        var result = await ImportAsync(admin, string.Join('\n', lines));

        Assert.Equal((code, field), (result.ShouldFail().Code, result.ShouldFail().Field));
        Assert.Equal(0, await CountAsync("catalog_product", admin.Tenant));
        Assert.Equal(0, await CountAsync("catalog_sku", admin.Tenant));
    }

    [Fact]
    public async Task HandleAsync_GtinHeldByASkuOutsideTheFile_IsConflictAndWritesNothing()
    {
        var admin = Identity.NewTenant();
        await CreateAsync(admin, AProduct("SODA-1").WithSku("SODA-330", 1.20m, gtin: "0036000291452"));

        var result = await ImportAsync(admin, GoodFile);

        Assert.Equal(("catalog.duplicate_gtin", ErrorKind.Conflict, "row 4: gtin"), (result.ShouldFail().Code, result.ShouldFail().Kind, result.ShouldFail().Field));
        Assert.Equal(1, await CountAsync("catalog_sku", admin.Tenant));
    }

    [Fact]
    public async Task HandleAsync_HeaderWithoutPrice_NamesTheMissingColumn()
    {
        var admin = Identity.NewTenant();

        var result = await ImportAsync(admin, "product_code,product_name,category,sku\nMUG-1,Enamel mug,Home,MUG-1-W\n");
        var empty = await ImportAsync(admin, "");

        Assert.Equal(("catalog.csv_missing_column", "row 1: price"), (result.ShouldFail().Code, result.ShouldFail().Field));
        Assert.Equal("catalog.csv_empty", empty.ShouldFail().Code);
    }

    [Fact]
    public async Task HandleAsync_UnclosedQuote_IsMalformedAtItsRow()
    {
        var admin = Identity.NewTenant();

        var result = await ImportAsync(admin, $"{Header}\nMUG-1,Enamel mug,Home,MUG-1-W,,\"Mug,12.5,,\nMUG-2,Mug,Home,MUG-2,,,1,,\n");

        Assert.Equal("catalog.csv_malformed", result.ShouldFail().Code);
        Assert.Equal(0, await CountAsync("catalog_sku", admin.Tenant));
    }

    [Fact]
    public async Task HandleAsync_FiveThousandSkus_ImportsThemAll()
    {
        var admin = Identity.NewTenant();
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 5_000; i++)
        {
            var gtin = Gtin.Complete(string.Create(CultureInfo.InvariantCulture, $"50{i:D10}")).Value;
            csv.Append(CultureInfo.InvariantCulture, $"P-{i / 5:D4},Product {i / 5},Home/Kitchen,SKU-{i:D5},{gtin},,{i % 100 + 0.99m},GBP,size={i % 5}\n");
        }

        var result = await ImportAsync(admin, csv.ToString());

        Assert.Equal(new CatalogImported(1_000, 0, 5_000, 0), result.Value);
        Assert.Equal(5_000, await CountAsync("catalog_sku", admin.Tenant));
    }
}

public sealed class ImportSqliteTests() : ImportTests(DatabaseProvider.Sqlite);

public sealed class ImportPostgresTests() : ImportTests(DatabaseProvider.Postgres);
