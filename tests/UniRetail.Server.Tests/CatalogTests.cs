using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public abstract class CatalogTests(ServerFixture server) : ServerTests(server)
{
    private static object AMug(string code, params (string Sku, string? Gtin)[] skus) => new
    {
        code,
        name = "Stoneware mug",
        category = "Home/Kitchen",
        attributes = new Dictionary<string, string> { ["material"] = "stoneware" },
        skus = skus.Select(s => new { sku = s.Sku, gtin = s.Gtin, attributes = new Dictionary<string, string> { ["colour"] = s.Sku[4..] }, price = new { amount = 8.50m, currency = "GBP" } }).ToList(),
    };

    [Fact]
    public async Task CreatingAProductWithSkusMakesEachSkuReadableBySkuAndGtin()
    {
        var retailer = await NewRetailerAsync();

        var response = await retailer.Admin.PostAsJsonAsync("/api/catalog/products", AMug("MUG", ("MUG-BLUE", "5012345678900"), ("MUG-RED", "5012345678917")), Ct);

        var product = await response.ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal($"/api/catalog/products/{product.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal(2, product.GetProperty("skus").GetArrayLength());
        var red = await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/catalog/skus/MUG-RED", Ct);
        Assert.Equal(8.50m, red.GetProperty("price").GetProperty("amount").GetDecimal());
        Assert.Equal("GBP", red.GetProperty("price").GetProperty("currency").GetString());
        var byGtin = await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/catalog/skus/by-gtin/5012345678900", Ct);
        Assert.Equal("MUG-BLUE", byGtin.GetProperty("sku").GetString());
    }

    [Theory]
    [InlineData("12345", "catalog.gtin_malformed")]
    [InlineData("50123456789AB", "catalog.gtin_malformed")]
    [InlineData("5012345678901", "catalog.gtin_bad_check_digit")]
    public async Task AMalformedGtinIsRejectedNamingTheFieldAndNothingIsCreated(string gtin, string code)
    {
        var retailer = await NewRetailerAsync();

        var response = await retailer.Admin.PostAsJsonAsync("/api/catalog/products", AMug("MUG", ("MUG-BLUE", "5012345678900"), ("MUG-RED", gtin)), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, "skus[1].gtin");
        await (await retailer.Admin.GetAsync("/api/catalog/skus/MUG-BLUE", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "catalog.unknown_sku");
    }

    [Fact]
    public async Task ASkuAlreadyInTheCatalogIsAConflictAndTheWholeProductIsRejected()
    {
        var retailer = await NewRetailerAsync();
        await (await retailer.Admin.PostAsJsonAsync("/api/catalog/products", AMug("MUG", ("MUG-BLUE", null)), Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var response = await retailer.Admin.PostAsJsonAsync("/api/catalog/products", AMug("MUG-2", ("MUG-PINK", null), ("MUG-BLUE", null)), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "catalog.duplicate_sku", "skus[1].sku");
        await (await retailer.Admin.GetAsync("/api/catalog/skus/MUG-PINK", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "catalog.unknown_sku");
    }

    [Fact]
    public async Task TheSameSkuTwiceInOneProductIsAConflict()
    {
        var retailer = await NewRetailerAsync();

        var response = await retailer.Admin.PostAsJsonAsync("/api/catalog/products", AMug("MUG", ("MUG-BLUE", null), ("MUG-BLUE", null)), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "catalog.duplicate_sku", "skus[1].sku");
    }

    [Fact]
    public async Task StoreStaffCannotChangeTheCatalog()
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var staff = await retailer.KeyForStoreAsync(store);

        var response = await staff.PostAsJsonAsync("/api/catalog/products", AMug("MUG", ("MUG-BLUE", null)), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
    }
}

public sealed class CatalogSqliteTests(SqliteServer server) : CatalogTests(server), IClassFixture<SqliteServer>;

public sealed class CatalogPostgresTests(PostgresServer server) : CatalogTests(server), IClassFixture<PostgresServer>;
