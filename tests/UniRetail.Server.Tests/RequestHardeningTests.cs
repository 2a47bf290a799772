using System.Net;
using System.Net.Http.Json;
using System.Text;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>
/// Requests the framework or the kernel used to answer with a 500 (nulls inside arrays, a foreign charset, amounts beyond
/// 64 bits, huge inputs) are 4xx problems with a stable code that speak in API terms and leave nothing written.
/// </summary>
public abstract class RequestHardeningTests(ServerFixture server) : ShopTests(server)
{
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, contentType) }, Ct);

    private static async Task ShouldNotNameDotNetTypesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        foreach (var leak in new[] { "UniRetail.", "System.", "Nullable", "Int32", "IReadOnlyList", "`1", "   at " })
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/orders", """{"channel":"web","fulfilment":"ship_to_home","destination":{"latitude":51.5,"longitude":-0.1},"lines":[null]}""", "lines[0]")]
    [InlineData("/api/orders", """{"channel":"web","fulfilment":"ship_to_home","destination":{"latitude":51.5,"longitude":-0.1},"lines":[{"sku":"MUG-BLUE","quantity":1},null]}""", "lines[1]")]
    [InlineData("/api/inventory/holds", """{"lines":[null]}""", "lines[0]")]
    [InlineData("/api/members", """{"displayName":"Ann","identifiers":[null]}""", "identifiers[0]")]
    [InlineData("/api/catalog/products", """{"code":"P-1","name":"Mug","skus":[null]}""", "skus[0]")]
    [InlineData("/api/catalog/products", """{"code":"P-1","name":"Mug","skus":[{"sku":"S-1","price":{"amount":1},"attributes":{"colour":null}}]}""", "skus[0].attributes.colour")]
    [InlineData("/api/locations", """{"code":"ST-1","name":"Store","kind":"store","latitude":51.5,"longitude":-0.1,"openingHours":{"monday":null}}""", "openingHours.monday")]
    public async Task ANullWhereAnItemBelongsIsABadRequestNamingThePath(string path, string json, string field)
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await SendAsync(retailer.Admin, HttpMethod.Post, path, json);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.null_item", field);
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task NullItemsInAReceiptAReturnAndIdentityRulesAreBadRequestsToo()
    {
        var (retailer, warehouse) = await AShopAsync();

        var receipt = await SendAsync(retailer.Admin, HttpMethod.Post, "/api/inventory/receipts", $$"""{"locationId":"{{warehouse.Id}}","lines":[null]}""");
        var returned = await SendAsync(retailer.Admin, HttpMethod.Post, "/api/orders/ord_x/returns", """{"storeId":"loc_x","lines":[null]}""");
        var rules = await SendAsync(retailer.Admin, HttpMethod.Put, "/api/marketing/identity-rules", """{"rules":[null]}""");

        await receipt.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.null_item", "lines[0]");
        await returned.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.null_item", "lines[0]");
        await rules.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.null_item", "rules[0]");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Theory]
    [InlineData("application/json; charset=ebcdic")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=\"x-unknown\"")]
    [InlineData("application/json; charset=")]
    public async Task ABodyInACharsetOtherThanUtf8IsUnsupportedMediaType(string contentType)
    {
        var (retailer, warehouse) = await AShopAsync();
        var json = """{"channel":"web","fulfilment":"ship_to_home","destination":{"latitude":51.5,"longitude":-0.1},"lines":[{"sku":"MUG-BLUE","quantity":1}]}""";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await retailer.Admin.SendAsync(request, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_charset", "Content-Type");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AUtf8CharsetIsAccepted()
    {
        var (retailer, _) = await AShopAsync();

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(
                """{"channel":"web","fulfilment":"ship_to_home","destination":{"latitude":51.5,"longitude":-0.1},"lines":[{"sku":"MUG-BLUE","quantity":1}]}""")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=UTF-8");

        var response = await retailer.Admin.SendAsync(request, Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AnArrayWhereAnObjectBelongsSaysSoWithoutNamingADotNetType()
    {
        var (retailer, _) = await AShopAsync();

        var response = await SendAsync(retailer.Admin, HttpMethod.Post, "/api/locations", "[1, 2]");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        Assert.Contains("must be an object", problem.Detail, StringComparison.Ordinal);
        await ShouldNotNameDotNetTypesAsync(response);
    }

    [Theory]
    [InlineData("""{"lines":[{"sku":"MUG-BLUE","quantity":"two"}]}""", "lines[0].quantity", "a whole number")]
    [InlineData("""{"lines":[{"sku":"MUG-BLUE","quantity":99999999999}]}""", "lines[0].quantity", "a whole number")]
    [InlineData("""{"lines":{"sku":"MUG-BLUE"}}""", "lines", "an array")]
    [InlineData("""{"paymentCaptured":"yes","lines":[]}""", "paymentCaptured", "true or false")]
    [InlineData("""{"destination":{"latitude":"north"}}""", "destination.latitude", "a number")]
    public async Task AValueOfTheWrongKindSaysWhatKindTheFieldTakes(string json, string field, string expected)
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await SendAsync(retailer.Admin, HttpMethod.Post, "/api/orders", json);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed", field);
        Assert.Contains(expected, problem.Detail, StringComparison.Ordinal);
        await ShouldNotNameDotNetTypesAsync(response);
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Theory]
    [InlineData("/api/orders?limit=abc", "limit")]
    [InlineData("/api/inventory/levels?limit=many", "limit")]
    public async Task AQueryValueOfTheWrongKindNamesTheParameterNotItsType(string path, string field)
    {
        var (retailer, _) = await AShopAsync();

        var response = await retailer.Admin.GetAsync(path, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed", field);
        Assert.Contains("whole number", problem.Detail, StringComparison.Ordinal);
        await ShouldNotNameDotNetTypesAsync(response);
    }

    [Fact]
    public async Task TheFrameworksOwnAnswersCarryACode()
    {
        var (retailer, _) = await AShopAsync();

        var unknownRoute = await retailer.Admin.GetAsync("/api/no-such-thing", Ct);
        var wrongMethod = await retailer.Admin.DeleteAsync("/api/orders", Ct);
        var notJson = await SendAsync(retailer.Admin, HttpMethod.Post, "/api/orders", "channel=web", "text/plain");
        var noKey = await Server.Factory.CreateClient().GetAsync("/api/orders", Ct);

        await unknownRoute.ShouldBeProblemAsync(HttpStatusCode.NotFound, "request.not_found");
        await wrongMethod.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "request.method_not_allowed");
        await notJson.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        await noKey.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "identity.unauthenticated");
    }

    [Fact]
    public async Task ABodyLargerThanTheEndpointTakesIsTooLarge()
    {
        var (retailer, warehouse) = await AShopAsync();
        var padding = new string('x', 2 * 1024 * 1024);

        var response = await SendAsync(retailer.Admin, HttpMethod.Post, "/api/orders", $$"""{"channel":"{{padding}}"}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large", "body");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AnErrorQuotesAHugeInputOnlyInPart()
    {
        var (retailer, warehouse) = await AShopAsync();
        var huge = new string('q', 100_000);

        var response = await retailer.PlaceOrderAsync(new OrderBuilder("web", huge, null, London.Shoreditch).WithLine(Sku, 1));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.unknown_fulfilment", "fulfilment");
        Assert.True(problem.Detail!.Length < 300, $"The detail is {problem.Detail.Length} characters long.");
        Assert.Contains("ship_to_home", problem.Detail, StringComparison.Ordinal);
        Assert.True((await response.Content.ReadAsByteArrayAsync(Ct)).Length < 2000);
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Theory]
    [InlineData("92233720368547758.08")]
    [InlineData("1000000000.01")]
    public async Task APriceBeyondTheLargestAmountIsRejectedEverywhere(string amount)
    {
        var (retailer, _) = await AShopAsync();

        var created = await SendAsync(retailer.Admin, HttpMethod.Post, "/api/catalog/products",
            $$$"""{"code":"P-BIG","name":"Gold bar","skus":[{"sku":"BIG-1","price":{"amount":{{{amount}}},"currency":"GBP"}}]}""");
        var repriced = await SendAsync(retailer.Admin, HttpMethod.Put, $"/api/catalog/skus/{Sku}/price", $$"""{"amount":{{amount}}}""");
        var overridden = await SendAsync(retailer.Admin, HttpMethod.Put, $"/api/catalog/skus/{Sku}/overrides", $$$"""{"channel":"web","price":{"amount":{{{amount}}}}}""");
        var imported = await SendAsync(retailer.Admin, HttpMethod.Post, "/api/catalog/import",
            $"product_code,product_name,category,sku,price\nP-BIG,Gold bar,Food/Treats,BIG-1,{amount}\n", "text/csv");

        await created.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "money.too_large");
        await repriced.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "money.too_large");
        await overridden.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "money.too_large");
        await imported.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "money.too_large");
    }

    [Fact]
    public async Task TheLargestPriceTimesAQuantityIsAnOrderNotAnOverflow()
    {
        var retailer = await NewRetailerAsync();
        var warehouse = await retailer.AddWarehouseAsync(London.ParkRoyal);
        await retailer.AddProductAsync("BIG-1", 1_000_000_000m);
        await retailer.ReceiveAsync(warehouse, "BIG-1", 2);

        var order = await retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine("BIG-1", 2));

        Assert.Equal(2_000_000_000m, order.Total.Amount);
    }

    [Fact]
    public async Task AQuantityBeyondTheLargestIsRejected()
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(Sku, 100_001));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "quantity.too_large", "lines[0].quantity");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AMemberWithMoreIdentifiersThanAPersonHasIsRefusedBeforeAnyWork()
    {
        var (retailer, _) = await AShopAsync();
        object Body(int count) => new { displayName = "Many", identifiers = Enumerable.Range(0, count).Select(i => new { kind = "email", value = $"p{i}@example.com" }) };

        var sixtyThousand = await retailer.Admin.PostAsJsonAsync("/api/members", Body(60_000), Ct);
        var twentyOne = await retailer.Admin.PostAsJsonAsync("/api/members", Body(21), Ct);
        var twenty = await retailer.Admin.PostAsJsonAsync("/api/members", Body(20), Ct);

        await sixtyThousand.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large", "body");
        await twentyOne.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "members.too_many_identifiers", "identifiers");
        await twenty.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AProductWithMoreSkusThanAnyRangeIsRefused()
    {
        var (retailer, _) = await AShopAsync();
        var skus = Enumerable.Range(0, 1001).Select(i => new { sku = $"S-{i}", price = new { amount = 1m } });

        var response = await retailer.Admin.PostAsJsonAsync("/api/catalog/products", new { code = "P-WIDE", name = "Wide", skus }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "catalog.too_many_skus", "skus");
    }

    [Fact]
    public async Task ATenantsBlockedValuesAreBoundedAndNamedByIndex()
    {
        var (retailer, _) = await AShopAsync();

        var tooMany = await retailer.Admin.PutAsJsonAsync("/api/marketing/identity-rules", new { blockedValues = Enumerable.Range(0, 10_001).Select(i => $"junk-{i}") }, Ct);
        var control = await retailer.Admin.PutAsJsonAsync("/api/marketing/identity-rules", new { blockedValues = new[] { "till-tablet", "bad\u0007" } }, Ct);

        await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_identity_rule", "blockedValues");
        await control.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_identity_rule", "blockedValues[1]");
    }

    [Fact]
    public async Task StoreStaffRegisterMembersAtTheTillButCannotChangeAnyMembersIdentifiersOrMergeThem()
    {
        var (retailer, _) = await AShopAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var staff = await retailer.KeyForStoreAsync(store);
        var ann = await retailer.AddMemberAsync("Ann", "ann@example.com");

        var registered = await staff.PostAsJsonAsync("/api/members", new { displayName = "Till sign-up", identifiers = new[] { new { kind = "email", value = "till@example.com" } } }, Ct);
        var added = await staff.PostAsJsonAsync($"/api/members/{ann.Id}/identifiers", new { kind = "email", value = "staff@example.com" }, Ct);
        var removed = await staff.DeleteAsync($"/api/members/{ann.Id}/identifiers/email/ann%40example.com", Ct);

        await registered.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await added.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        await removed.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        var member = await (await retailer.Admin.GetAsync($"/api/members/{ann.Id}", Ct)).ShouldBeAsync<System.Text.Json.JsonElement>(HttpStatusCode.OK);
        Assert.Equal(["ann@example.com"], member.GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("value").GetString()));
    }
}

public sealed class RequestHardeningSqliteTests(SqliteServer server) : RequestHardeningTests(server), IClassFixture<SqliteServer>;

public sealed class RequestHardeningPostgresTests(PostgresServer server) : RequestHardeningTests(server), IClassFixture<PostgresServer>;
