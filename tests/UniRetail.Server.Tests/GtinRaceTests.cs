using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>Many writers give one GTIN to different SKUs at once: one wins, the rest get a 409 and leave nothing behind.</summary>
public abstract class GtinRaceTests(ServerFixture server) : ServerTests(server)
{
    private const string Gtin = "5012345678900";

    private const int Writers = 12;

    private static StringContent ACatalogFile(int writer) => new StringContent(
        $"""
        product_code,product_name,category,sku,gtin,sku_name,price,currency,attributes
        MUG-{writer},Stoneware mug {writer},Home/Kitchen,MUG-{writer}-BLUE,{Gtin},Blue mug,8.50,GBP,
        """,
        Encoding.UTF8, "text/csv");

    private static object AMug(int writer) => new
    {
        code = $"MUG-{writer}",
        name = $"Stoneware mug {writer}",
        category = "Home/Kitchen",
        skus = new[] { new { sku = $"MUG-{writer}-BLUE", gtin = Gtin, price = new { amount = 8.50m, currency = "GBP" } } },
    };

    [Fact]
    public async Task ConcurrentImportsGivingOneGtinToDifferentSkusLetOneWinAndRefuseTheRestWithProblemDetails()
    {
        var retailer = await NewRetailerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => retailer.Admin.PostAsync("/api/catalog/import", ACatalogFile(w), Ct)));

        await AssertOneWinnerAsync(retailer, responses, HttpStatusCode.OK, "row 2: gtin");
    }

    [Fact]
    public async Task ConcurrentProductCreationsWithOneGtinLetOneWinAndRefuseTheRestWithProblemDetails()
    {
        var retailer = await NewRetailerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => retailer.Admin.PostAsJsonAsync("/api/catalog/products", AMug(w), Ct)));

        await AssertOneWinnerAsync(retailer, responses, HttpStatusCode.Created, "skus[0].gtin");
    }

    [Fact]
    public async Task ImportsAndProductCreationsRacingForOneGtinLetOneWinAndRefuseTheRestWithProblemDetails()
    {
        var retailer = await NewRetailerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => w % 2 == 0
            ? retailer.Admin.PostAsync("/api/catalog/import", ACatalogFile(w), Ct)
            : retailer.Admin.PostAsJsonAsync("/api/catalog/products", AMug(w), Ct)));

        Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
        await AssertRefusedAsync(responses.Where(r => !r.IsSuccessStatusCode));
        Assert.Equal(1, await ProductCountAsync(retailer));
    }

    private static async Task AssertOneWinnerAsync(Retailer retailer, HttpResponseMessage[] responses, HttpStatusCode won, string field)
    {
        Assert.Equal(1, responses.Count(r => r.StatusCode == won));
        var problems = await AssertRefusedAsync(responses.Where(r => r.StatusCode != won));
        Assert.All(problems, p => Assert.Equal(field, p.Field));
        var holder = await retailer.Admin.GetAsync($"/api/catalog/skus/by-gtin/{Gtin}", Ct);
        await holder.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, await ProductCountAsync(retailer));
    }

    private static async Task<int> ProductCountAsync(Retailer retailer)
    {
        var page = await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/catalog/products?limit=100", Ct);
        return page.GetProperty("items").GetArrayLength();
    }

    /// <summary>Each loser is a 409 naming the GTIN; that it wrote nothing, the product count shows.</summary>
    private static async Task<Problem[]> AssertRefusedAsync(IEnumerable<HttpResponseMessage> refused)
    {
        var problems = await Task.WhenAll(refused.Select(r => r.ShouldBeAsync<Problem>(HttpStatusCode.Conflict)));
        Assert.Equal(Writers - 1, problems.Length);
        Assert.All(problems, p => Assert.Equal("catalog.duplicate_gtin", p.Code));
        Assert.All(problems, p => Assert.NotNull(p.TraceId));
        return problems;
    }
}

public sealed class GtinRaceSqliteTests(SqliteServer server) : GtinRaceTests(server), IClassFixture<SqliteServer>;

public sealed class GtinRacePostgresTests(PostgresServer server) : GtinRaceTests(server), IClassFixture<PostgresServer>;
