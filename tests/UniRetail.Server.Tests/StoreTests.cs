using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StbImageSharp;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;
using ZXing;
using ZXing.Common;

namespace UniRetail.Server.Tests;

/// <summary>The store through the API: the member's app asks for a member code, a till scans it once; a till's session from float to Z.</summary>
public abstract class StoreTests(ServerFixture server) : ServerTests(server)
{
    private sealed record Shop(Retailer Retailer, Location CoventGarden, Location Camden, HttpClient App, HttpClient Till, HttpClient CamdenTill, Member Ann);

    private async Task<Shop> AShopAsync()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        await (await retailer.Admin.PutAsJsonAsync("/api/loyalty/program", ValidCalls.AProgram(), Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var app = retailer.ClientWithKey((await retailer.CreateKeyAsync("integration")).Token);
        var ann = await retailer.AddMemberAsync("Ann Lee", $"ann.{Guid.NewGuid():N}@example.com");
        return new Shop(retailer, coventGarden, camden, app, await retailer.KeyForStoreAsync(coventGarden), await retailer.KeyForStoreAsync(camden), ann);
    }

    private static async Task<JsonElement> IssueAsync(Shop shop, bool wallet = false) =>
        await (await shop.App.PostAsJsonAsync($"/api/members/{shop.Ann.Id}/member-code", new { wallet }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> ScanAsync(HttpClient till, Location store, string? code) =>
        till.PostAsJsonAsync($"/api/pos/{store.Id}/member-code/scan", new { code }, Ct);

    [Fact]
    public async Task TheAppsMemberCodeDrawsAsAQrThatDecodesToItAndATillScansItOnce()
    {
        var shop = await AShopAsync();
        var purchase = new { reference = "web-1", memberId = shop.Ann.Id, channel = "web", lines = new[] { new { lineId = "1", sku = "LAMP-1", net = new { amount = 600.00m } } } };
        await (await shop.Retailer.Admin.PostAsJsonAsync("/api/loyalty/purchases", purchase, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var pointsBefore = await PointsAsync(shop);
        var issued = await IssueAsync(shop, wallet: true);
        var code = issued.GetProperty("code").GetString()!;

        var png = await shop.App.GetAsync(issued.GetProperty("images").GetProperty("qrPng").GetString(), Ct);
        var barcode = await shop.App.GetAsync(issued.GetProperty("images").GetProperty("barcodeSvg").GetString(), Ct);
        var scanned = await (await ScanAsync(shop.Till, shop.CoventGarden, code)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var again = await ScanAsync(shop.Till, shop.CoventGarden, code);

        await png.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, DecodeQr(await png.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal("image/svg+xml", barcode.Content.Headers.ContentType?.MediaType);
        Assert.Equal((shop.Ann.Id, "Ann Lee", "gold", true, 10), (scanned.GetProperty("memberId").GetString(), scanned.GetProperty("displayName").GetString(),
            scanned.GetProperty("tier").GetString(), scanned.GetProperty("walletPayment").GetBoolean(), scanned.GetProperty("visitPoints").GetInt32()));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.member_code_used", "code");
        Assert.Equal(pointsBefore + 10, await PointsAsync(shop));
    }

    [Fact]
    public async Task AForgedCodeAnUnknownMemberAndAnotherStoresTillAreProblemsThatWriteNothing()
    {
        var shop = await AShopAsync();
        var code = (await IssueAsync(shop)).GetProperty("code").GetString()!;
        var forged = code[..10] + (code[10] == 'Z' ? 'Y' : 'Z') + code[11..];

        await (await ScanAsync(shop.Till, shop.CoventGarden, forged)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.member_code_invalid", "code");
        await (await ScanAsync(shop.Till, shop.CoventGarden, null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.required", "code");
        await (await ScanAsync(shop.CamdenTill, shop.CoventGarden, code)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "storeId");
        await (await shop.Till.PostAsJsonAsync($"/api/members/{shop.Ann.Id}/member-code", new { }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        await (await shop.App.PostAsJsonAsync("/api/members/mem_0123456789abcdef0123456789abcdef/member-code", new { }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "store.unknown_member", "id");
        await (await shop.App.GetAsync($"/api/members/{shop.Ann.Id}/member-code/{forged}/qr.png", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.member_code_invalid", "code");
        await (await shop.App.GetAsync($"/api/members/{shop.Ann.Id}/member-code/{code}/qr.gif", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.bad_image", "image");
        Assert.Equal(0, await PointsAsync(shop));
        await (await ScanAsync(shop.Till, shop.CoventGarden, code)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SixtyFourTillsScanningOneCodeAtOnceIdentifyTheMemberOnce()
    {
        var shop = await AShopAsync();
        var code = (await IssueAsync(shop)).GetProperty("code").GetString()!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => ScanAsync(shop.Retailer.Admin, i % 2 == 0 ? shop.CoventGarden : shop.Camden, code)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.member_code_used", "code");
        Assert.Equal(10, await PointsAsync(shop));
    }

    [Fact]
    public async Task ATillSessionRunsFromItsFloatThroughCashMovementsToOneZReport()
    {
        var shop = await AShopAsync();
        var opens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            shop.Till.PostAsJsonAsync($"/api/pos/{shop.CoventGarden.Id}/tills/T1/sessions", new { @float = new { amount = 150.00m } }, Ct)));
        Assert.Single(opens, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in opens.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.till_already_open", "tillId");
        var session = await opens.Single(r => r.StatusCode == HttpStatusCode.Created).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var id = session.GetProperty("id").GetString();
        var at = $"/api/pos/{shop.CoventGarden.Id}/till-sessions/{id}";
        var drop = new { kind = "out", amount = new { amount = 100.00m }, reason = "safe drop", reference = "drop-1" };

        await (await shop.Till.PostAsJsonAsync($"{at}/cash-movements", new { kind = "in", amount = new { amount = 20.00m } }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await shop.Till.PostAsJsonAsync($"{at}/cash-movements", drop, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var retried = await shop.Till.PostAsJsonAsync($"{at}/cash-movements", drop, Ct);
        await (await shop.Till.PostAsJsonAsync($"{at}/cash-movements", new { kind = "out", amount = new { amount = 70.01m } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.cash_short", "amount.amount");
        var x = await (await shop.Till.GetAsync($"/api/pos/{shop.CoventGarden.Id}/tills/T1/session", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        await (await shop.CamdenTill.GetAsync($"/api/pos/{shop.Camden.Id}/till-sessions/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "store.unknown_till_session", "sessionId");
        await (await shop.CamdenTill.GetAsync(at, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "storeId");
        var closed = await (await shop.Till.PostAsJsonAsync($"{at}/close", new { counted = new { amount = 69.50m } }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var closedAgain = await shop.Till.PostAsJsonAsync($"{at}/close", new { counted = new { amount = 70.00m } }, Ct);

        await retried.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(("X", 70.00m), (x.GetProperty("report").GetProperty("kind").GetString(), Amount(x.GetProperty("report"), "expectedCash")));
        var z = closed.GetProperty("report");
        Assert.Equal(("closed", "Z", 70.00m, 69.50m, -0.50m), (closed.GetProperty("status").GetString(), z.GetProperty("kind").GetString(), Amount(z, "expectedCash"),
            Amount(z, "countedCash"), Amount(z, "overShort")));
        Assert.Equal((20.00m, 100.00m), (Amount(z, "cashIn"), Amount(z, "cashOut")));
        await closedAgain.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.till_session_closed", "sessionId");
        var read = await (await shop.Till.GetAsync(at, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(-0.50m, Amount(read.GetProperty("report"), "overShort"));
    }

    private static async Task<long> PointsAsync(Shop shop)
    {
        var account = await shop.Retailer.Admin.GetAsync($"/api/loyalty/members/{shop.Ann.Id}", Ct);
        if (account.StatusCode == HttpStatusCode.NotFound)
            return 0;
        return (await account.ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("pointsAvailable").GetInt64();
    }

    private static decimal Amount(JsonElement report, string name) => report.GetProperty(name).GetProperty("amount").GetDecimal();

    private static string? DecodeQr(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        return new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], PureBarcode = true } }.Decode(source)?.Text;
    }
}

public sealed class StoreSqliteTests(SqliteServer server) : StoreTests(server), IClassFixture<SqliteServer>;

public sealed class StorePostgresTests(PostgresServer server) : StoreTests(server), IClassFixture<PostgresServer>;
