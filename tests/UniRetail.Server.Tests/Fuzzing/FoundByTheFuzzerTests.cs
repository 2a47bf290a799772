using System.Net;
using System.Net.Http.Json;
using System.Text;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Server.Tests.Marketing;
using Xunit;

namespace UniRetail.Server.Tests.Fuzzing;

/// <summary>
/// Defects the HTTP fuzzer found, each kept as a request a person can read and replay. The fuzzer finds a class of
/// defect by chance and by seed; these keep its examples fixed on every run.
/// </summary>
public abstract class FoundByTheFuzzerTests(ServerFixture server) : ShopTests(server)
{
    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    /// <summary>PostgreSQL refuses a NUL in text (a 500 today) and SQLite stores it: the API must refuse it first, the same on both.</summary>
    [Theory]
    [InlineData("/api/locations", """{"code":"a\u0000b","name":"Greenwich","kind":"store","latitude":51.48,"longitude":-0.01,"timeZone":"Europe/London"}""", "code")]
    [InlineData("/api/catalog/products", """{"code":"P-2","name":"a\u0000b","category":"Home","skus":[{"sku":"S-2","price":{"amount":5,"currency":"GBP"}}]}""", "name")]
    [InlineData("/api/keys", """{"name":"a\u0000b","role":"integration"}""", "name")]
    public async Task ANulInTextIsABadRequestNamingTheFieldOnEitherEngine(string path, string json, string field)
    {
        var (retailer, _) = await AShopAsync();

        var response = await PostJsonAsync(retailer.Admin, path, json);

        await ShouldBeBadRequestNamingAsync(response, field);
    }

    /// <summary>A catalog CSV cell with a NUL answered 500 on PostgreSQL (seed 1207, once the bag endpoints shifted the cases): the row's cell is named.</summary>
    [Fact]
    public async Task ACatalogCsvCellWithANulIsABadRequestNamingTheRowOnEitherEngine()
    {
        var (retailer, _) = await AShopAsync();
        var csv = "product_code,product_name,category,sku,gtin,price,attributes\nP-NUL,a\0b,Home/Kitchen,JUG-NUL,,9.99,colour=white\n";

        var response = await retailer.Admin.PostAsync("/api/catalog/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_text", "row 2: product_name");
        await (await retailer.Admin.GetAsync("/api/catalog/skus/JUG-NUL", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "catalog.unknown_sku", "sku");
    }

    /// <summary>A filter or an id with a NUL is refused (the host itself refuses one in the path), naming it, as text in a body is; PostgreSQL answered 500.</summary>
    [Theory]
    [InlineData("/api/orders?storeId=a%00b", "storeId")]
    [InlineData("/api/inventory/levels?sku=a%00b", "sku")]
    [InlineData("/api/marketing/events?userId=a%00b", "userId")]
    public async Task AFilterWithANulIsABadRequestNamingItOnEitherEngine(string path, string field)
    {
        var (retailer, _) = await AShopAsync();

        await ShouldBeBadRequestNamingAsync(await retailer.Admin.GetAsync(path, Ct), field);
    }

    [Fact]
    public async Task MergingAMemberWhoseIdHasANulIsABadRequestNamingTheIdOnEitherEngine()
    {
        var (retailer, _) = await AShopAsync();
        var ann = await retailer.AddMemberAsync("Ann Lee", "ann@example.com");

        var response = await retailer.Admin.PostAsJsonAsync("/api/members/merge", new { sourceId = "a\0b", targetId = ann.Id }, Ct);

        await ShouldBeBadRequestNamingAsync(response, "sourceId");
        Assert.Equal("active", (await retailer.Admin.GetFromJsonAsync<Member>($"/api/members/{ann.Id}", Ct))!.Status);
    }

    /// <summary>
    /// On PostgreSQL, after adjustments the database refused (a NUL in the reason), some good adjustments from another
    /// client answered 500: "Received unexpected backend message DataRow", then ObjectDisposedException on the rollback.
    /// The reason is now refused before any write; and the writer unprepares a connection's statements after an operation
    /// threw (Npgsql kept an auto-prepared statement out of step after the rollback: npgsql/npgsql#6391), which
    /// GroupCommitTests checks with a refused write of its own.
    /// </summary>
    [Fact]
    public async Task AdjustmentsWithABadReasonNeverFailAnotherClientsGoodAdjustments()
    {
        var (retailer, warehouse) = await AShopAsync();
        object Adjustment(string reason) => new { sku = Sku, locationId = warehouse.Id, delta = 1, reason };

        var clients = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var answers = new List<string>();
            for (var round = 0; round < 100; round++)
            {
                var refused = await retailer.Admin.PostAsJsonAsync("/api/inventory/adjustments", Adjustment("a\0b"), Ct);
                var good = await retailer.Admin.PostAsJsonAsync("/api/inventory/adjustments", Adjustment("found in the back room"), Ct);
                answers.Add($"{(int)refused.StatusCode} then {(int)good.StatusCode}");
            }
            return answers;
        }, Ct)).ToList();
        var answers = (await Task.WhenAll(clients)).SelectMany(a => a).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int> { ["400 then 204"] = 200 }, answers);
        Assert.Equal(10 + 200, (await retailer.LevelAsync(Sku, warehouse)).OnHand);
        Assert.True((await retailer.CheckLedgerAsync()).Consistent);
    }

    /// <summary>The event API answers in Segment's shape whatever stops a request; past 1 MiB it was a problem document.</summary>
    [Fact]
    public async Task AnEventRequestLargerThanAMebibyteIsTooLargeInSegmentsShape()
    {
        var retailer = await NewRetailerAsync();
        var sdk = Server.SdkClient((await retailer.AddSourceAsync()).WriteKey);
        var json = $$$"""{"batch":[{"type":"track","userId":"u-1","event":"Product Viewed","properties":{"note":"{{{new string('x', 1_100_000)}}}"}}]}""";

        var response = await sdk.SendJsonAsync("/v1/batch", json);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = await response.ShouldAnswerAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("marketing.request_too_large", answer.Code);
    }

    private static async Task ShouldBeBadRequestNamingAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(Ct))!;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(problem.Code));
        Assert.Equal(field, problem.Field);
    }
}

public sealed class FoundByTheFuzzerSqliteTests(UnlimitedSqliteServer server) : FoundByTheFuzzerTests(server), IClassFixture<UnlimitedSqliteServer>;

public sealed class FoundByTheFuzzerPostgresTests(UnlimitedPostgresServer server) : FoundByTheFuzzerTests(server), IClassFixture<UnlimitedPostgresServer>;
