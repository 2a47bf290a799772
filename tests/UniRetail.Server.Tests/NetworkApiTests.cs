using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Server.Tests.Marketing;
using Xunit;

namespace UniRetail.Server.Tests;

public sealed record AgreementDto(string Id, string ShopId, string ShopName, string RepId, string DeliveryDay);

public sealed record SignedUpShopDto(AgreementDto Agreement, string AdminKey);

public sealed record ShopOrderLineDto(int LineNo, string WholesaleSku, int Cases, string Sku, int DeliveredUnits, int? ReceivedUnits, int? DamagedUnits, int? ShortUnits);

public sealed record ShopOrderDto(string Id, string Status, string DeliveryDate, MoneyDto Total, IReadOnlyList<ShopOrderLineDto> Lines);

public sealed record RepCommissionDto(string RepId, int ShopsSigned, long Orders, MoneyDto OrderValue, MoneyDto Commission);

public sealed record CommissionDto(IReadOnlyList<RepCommissionDto> Reps);

/// <summary>The network over HTTP: a platform signs a shop up, the shop orders with its own key and receives the delivery into its stock.</summary>
public abstract class NetworkApiTests(ServerFixture server) : ServerTests(server)
{
    private const string Noodles = "NOODLE-W24";

    private async Task<(Retailer Platform, Location Dc, string Rep)> APlatformAsync()
    {
        var platform = await NewRetailerAsync("Hangzhou Wholesale");
        var dc = await platform.AddWarehouseAsync(London.ParkRoyal);
        await platform.AddProductAsync(Noodles, 9.60m);
        await platform.ReceiveAsync(dc, Noodles, 240);
        await (await platform.Admin.PutAsJsonAsync($"/api/network/wholesale/{Noodles}",
            new { casePack = 24, unitPrice = 0.45m, casePrice = 9.60m, minimumCases = 2, tiers = new[] { new { fromCases = 20, casePrice = 9.00m } } }, Ct))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var rep = await (await platform.Admin.PostAsJsonAsync("/api/network/reps", new { name = "Zhang Wei", commissionRate = 0.02m }, Ct))
            .ShouldBeAsync<RepDto>(HttpStatusCode.Created);
        return (platform, dc, rep.Id);
    }

    private async Task<(Retailer Shop, Location Store, AgreementDto Agreement)> ASignedUpShopAsync(Retailer platform, Location dc, string rep, bool sharesCustomers = false)
    {
        var signed = await (await platform.Admin.PostAsJsonAsync("/api/network/shops",
            new { name = "Lu's Corner Shop", repId = rep, warehouseId = dc.Id, deliveryDay = "tuesday", sharesCustomers, pickupPoint = true }, Ct))
            .ShouldBeAsync<SignedUpShopDto>(HttpStatusCode.Created);
        var shop = Retailer.WithAdminKey(Server.Factory, signed.AdminKey);
        var store = await shop.AddStoreAsync(London.Camden);
        await (await shop.Admin.PutAsJsonAsync($"/api/shop/wholesale/{Noodles}", new { sku = "NOODLE-1", unitsPerCase = 24 }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (shop, store, signed.Agreement);
    }

    [Fact]
    public async Task ASignedUpShopOrdersWithItsOwnKeyAndReceivesTheDeliveryIntoItsStock()
    {
        var (platform, dc, rep) = await APlatformAsync();
        var (shop, store, _) = await ASignedUpShopAsync(platform, dc, rep);
        var body = new { locationId = store.Id, lines = new[] { new { sku = Noodles, units = 48 } } };

        var placed = await shop.Admin.SendAsync(Post("/api/shop-orders", body, "restock-1"), Ct);
        var order = await placed.ShouldBeAsync<ShopOrderDto>(HttpStatusCode.Created);
        var replay = await shop.Admin.SendAsync(Post("/api/shop-orders", body, "restock-1"), Ct);

        Assert.Equal(order.Id, (await replay.ShouldBeAsync<ShopOrderDto>(HttpStatusCode.OK)).Id);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(19.20m, order.Total.Amount);
        Assert.Equal(new StockLevel(Noodles, dc.Id, 240, 48, 0, 0, 192), await platform.LevelAsync(Noodles, dc));

        var received = await (await shop.Admin.PostAsJsonAsync($"/api/shop-orders/{order.Id}/receive",
            new { lines = new[] { new { lineNo = 1, received = 46, damaged = 2 } } }, Ct)).ShouldBeAsync<ShopOrderDto>(HttpStatusCode.OK);

        Assert.Equal(("received", 46, 2, 0), (received.Status, received.Lines[0].ReceivedUnits, received.Lines[0].DamagedUnits, received.Lines[0].ShortUnits));
        Assert.Equal(46, (await shop.LevelAsync("NOODLE-1", store)).OnHand);
        Assert.Equal(new StockLevel(Noodles, dc.Id, 192, 0, 0, 0, 192), await platform.LevelAsync(Noodles, dc));
        await (await shop.Admin.PostAsJsonAsync($"/api/shop-orders/{order.Id}/receive", new { }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "network.already_received", "id");
        Assert.True((await shop.CheckLedgerAsync()).Consistent);
        Assert.True((await platform.CheckLedgerAsync()).Consistent);

        var commission = await (await platform.Admin.GetAsync("/api/network/commission?from=2026-01-01&to=2027-01-01", Ct)).ShouldBeAsync<CommissionDto>(HttpStatusCode.OK);
        Assert.Equal((1, 1L, 19.20m, 0.38m), commission.Reps.Select(r => (r.ShopsSigned, r.Orders, r.OrderValue.Amount, r.Commission.Amount)).Single());
    }

    [Fact]
    public async Task BadShopOrdersAnswerAProblemAtTheFieldAndHoldNothing()
    {
        var (platform, dc, rep) = await APlatformAsync();
        var (shop, store, _) = await ASignedUpShopAsync(platform, dc, rep);

        await (await shop.Admin.PostAsJsonAsync("/api/shop-orders", new { locationId = store.Id, lines = new[] { new { sku = Noodles, units = 50 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "network.off_case_pack", "lines[0].units");
        await (await shop.Admin.PostAsJsonAsync("/api/shop-orders", new { locationId = store.Id, lines = new[] { new { sku = Noodles, units = 24 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "network.below_minimum", "lines[0].units");
        await (await shop.Admin.PostAsJsonAsync("/api/shop-orders", new { locationId = store.Id, lines = new[] { new { sku = Noodles, units = 264 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "inventory.insufficient_stock", "lines[0].units");
        await (await shop.Admin.PostAsJsonAsync("/api/shop-orders", new { locationId = dc.Id, lines = new[] { new { sku = Noodles, units = 48 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_location", "locationId");
        await (await platform.Admin.PostAsJsonAsync("/api/network/shops", new { name = "Wang's", repId = rep, warehouseId = dc.Id, deliveryDay = "someday" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "network.bad_delivery_day", "deliveryDay");

        Assert.Equal(new StockLevel(Noodles, dc.Id, 240, 0, 0, 0, 240), await platform.LevelAsync(Noodles, dc));
        Assert.Single(await (await platform.Admin.GetAsync("/api/network/shops", Ct)).ShouldBeAsync<List<AgreementDto>>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task AShopSeesOnlyItsOwnOrdersAndThePlatformOnlyWhatTheShopShares()
    {
        var (platform, dc, rep) = await APlatformAsync();
        var (shop, store, agreement) = await ASignedUpShopAsync(platform, dc, rep);
        var order = await (await shop.Admin.PostAsJsonAsync("/api/shop-orders", new { locationId = store.Id, lines = new[] { new { sku = Noodles, units = 48 } } }, Ct))
            .ShouldBeAsync<ShopOrderDto>(HttpStatusCode.Created);
        var stranger = await NewRetailerAsync("Wang's shop");

        await (await stranger.Admin.GetAsync($"/api/shop-orders/{order.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_shop_order", "id");
        await (await platform.Admin.GetAsync($"/api/shop-orders/{order.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_shop_order", "id");
        await (await stranger.Admin.GetAsync($"/api/network/shops/{agreement.Id}/sales?from=2026-01-01&to=2027-01-01", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_shop", "agreementId");
        Assert.Empty(await (await shop.Admin.GetAsync("/api/network/shops", Ct)).ShouldBeAsync<List<AgreementDto>>(HttpStatusCode.OK));

        await (await shop.Admin.PostAsync("/api/shop/agreement/leave", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await shop.Admin.GetAsync("/api/shop/agreement", Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "network.not_a_shop");
        Assert.Equal(48, (await (await shop.Admin.GetAsync($"/api/shop-orders/{order.Id}", Ct)).ShouldBeAsync<ShopOrderDto>(HttpStatusCode.OK)).Lines[0].DeliveredUnits);
    }

    [Fact]
    public async Task ThePlatformReadsOnlyTheShopsCustomersWhoConsentedToSharingAndOnlyWhileTheAgreementSharesThem()
    {
        var (platform, dc, rep) = await APlatformAsync();
        var (shop, _, agreement) = await ASignedUpShopAsync(platform, dc, rep, sharesCustomers: true);
        var (other, _, otherAgreement) = await ASignedUpShopAsync(platform, dc, rep);
        // The shop's till app: Mei consents to sharing (a consent manager's "partners" category), Jun refuses it, Ola is never asked.
        var till = Server.SdkClient((await shop.AddSourceAsync("pos")).WriteKey);
        await (await till.SendJsonAsync("/v1/batch", """
            {"batch":[
              {"type":"identify","userId":"mei","traits":{"email":"mei@example.com","phone":"+44 7700 900123","firstName":"Mei","lastName":"Lin"},
               "context":{"consent":{"categoryPreferences":{"partners":true}}}},
              {"type":"track","userId":"mei","event":"Order Completed","properties":{"order_id":"t-1","revenue":12.5,"currency":"GBP"}},
              {"type":"identify","userId":"jun","traits":{"email":"jun@example.com"},"context":{"consent":{"categoryPreferences":{"partners":false}}}},
              {"type":"identify","userId":"ola","traits":{"email":"ola@example.com"}}
            ]}
            """)).ShouldAnswerAsync(HttpStatusCode.OK);
        await shop.Admin.WaitForProfileAsync("email", "mei@example.com", events: 2);
        await shop.Admin.WaitForProfileAsync("email", "jun@example.com");
        var ola = await shop.Admin.WaitForProfileAsync("email", "ola@example.com");

        var shared = await (await platform.Admin.GetAsync($"/api/network/shops/{agreement.Id}/customers", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        var mei = Assert.Single(shared.GetProperty("items").EnumerateArray());
        Assert.Equal(("Mei Lin", "mei@example.com", 1L), (mei.GetProperty("name").GetString(), mei.GetProperty("emails")[0].GetString(), mei.GetProperty("orders").GetInt64()));
        Assert.Equal(12.5m, mei.GetProperty("revenue")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, shared.GetProperty("next").ValueKind);

        // Ola consents later, through the shop's own API: she is listed from then on, one a page.
        await (await shop.Admin.PutAsJsonAsync($"/api/marketing/profiles/{ola.GetProperty("profileId").GetString()}/consent", new { purposes = new { sharing = true } }, Ct))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var first = await (await platform.Admin.GetAsync($"/api/network/shops/{agreement.Id}/customers?limit=1", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var second = await (await platform.Admin.GetAsync($"/api/network/shops/{agreement.Id}/customers?limit=1&cursor={Uri.EscapeDataString(first.GetProperty("next").GetString()!)}", Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(new[] { "mei@example.com", "ola@example.com" }, new[] { first, second }.Select(p => p.GetProperty("items")[0].GetProperty("emails")[0].GetString()).Order());

        // Another shop's agreement does not share customers; a stranger does not know the agreement; a shop that left shares nobody.
        await (await platform.Admin.GetAsync($"/api/network/shops/{otherAgreement.Id}/customers", Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "network.customers_not_shared", "agreementId");
        await (await other.Admin.GetAsync($"/api/network/shops/{agreement.Id}/customers", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_shop", "agreementId");
        await (await shop.Admin.PostAsync("/api/shop/agreement/leave", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await platform.Admin.GetAsync($"/api/network/shops/{agreement.Id}/customers", Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "network.shop_left", "agreementId");
    }

    private static HttpRequestMessage Post(string path, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}

public sealed record RepDto(string Id, string Name);

public sealed class NetworkApiSqliteTests(SqliteServer server) : NetworkApiTests(server), IClassFixture<SqliteServer>;

public sealed class NetworkApiPostgresTests(PostgresServer server) : NetworkApiTests(server), IClassFixture<PostgresServer>;
