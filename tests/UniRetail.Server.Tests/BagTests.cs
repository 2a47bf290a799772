using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Server.Tests.Marketing;
using UniRetail.Store.Contracts;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>
/// Scan-to-bag through the API: a member's app or the entrance scanner starts a bag, scans add lines, and each scan answers
/// complements in stock at that store (learnt from the tenant's orders) and promotion reminders.
/// </summary>
public abstract class BagTests(ServerFixture server) : ServerTests(server)
{
    private const string Tea = "TEAPOT-1", Cup = "CUP-1", Milk = "MILKJUG-1", Sugar = "SUGAR-1";

    private sealed record Shop(Retailer Retailer, Location CoventGarden, Location Camden, HttpClient App, HttpClient Till, HttpClient CamdenTill, Member Ann, Member Bob);

    private async Task<Shop> AShopAsync()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        foreach (var (sku, price) in new[] { (Tea, 20.00m), (Cup, 6.00m), (Milk, 8.00m), (Sugar, 3.00m) })
        {
            var body = new { code = $"P-{sku}", name = $"Product {sku}", category = "Home/Kitchen", skus = new[] { new { sku, gtin = GtinOf(sku), price = new { amount = price, currency = "GBP" } } } };
            await (await retailer.Admin.PostAsJsonAsync("/api/catalog/products", body, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        await (await retailer.Admin.PutAsJsonAsync("/api/loyalty/program", ValidCalls.AProgram(), Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var app = retailer.ClientWithKey((await retailer.CreateKeyAsync("integration")).Token);
        var ann = await retailer.AddMemberAsync("Ann Lee", $"ann.{Guid.NewGuid():N}@example.com");
        var bob = await retailer.AddMemberAsync("Bob Hart", $"bob.{Guid.NewGuid():N}@example.com");
        return new Shop(retailer, coventGarden, camden, app, await retailer.KeyForStoreAsync(coventGarden), await retailer.KeyForStoreAsync(camden), ann, bob);
    }

    /// <summary>A GTIN-13 of the SKU's letters, with its check digit.</summary>
    private static string GtinOf(string sku)
    {
        var payload = "50" + string.Concat(sku.Where(char.IsLetter).Take(10).Select(c => (char)('0' + (c % 10)))).PadRight(10, '0');
        var sum = payload.Reverse().Select((c, i) => (c - '0') * (i % 2 == 0 ? 3 : 1)).Sum();
        return payload + (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static async Task<string> StartFromAppAsync(Shop shop, Location store, Member member) =>
        (await (await shop.App.PostAsJsonAsync("/api/bags", new { storeId = store.Id, memberId = member.Id }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> ScanAsync(HttpClient client, string bag, Member member, string sku, int quantity = 1, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/bags/{bag}/scans?memberId={member.Id}") { Content = JsonContent.Create(new { gtin = GtinOf(sku), quantity }) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, Ct);
    }

    private static IEnumerable<string?> Skus(JsonElement items) => items.EnumerateArray().Select(i => i.GetProperty("sku").GetString());

    /// <summary>Four orders of a teapot with a cup and a milk jug, four of sugar alone: cup and milk jug each lift the teapot 8 × 4 / (4 × 4) = 2.</summary>
    private static async Task LearnAsync(Shop shop)
    {
        var warehouse = await shop.Retailer.AddWarehouseAsync(London.ParkRoyal);
        foreach (var sku in new[] { Tea, Cup, Milk, Sugar })
            await shop.Retailer.ReceiveAsync(warehouse, sku, 100);
        for (var i = 0; i < 4; i++)
        {
            await shop.Retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(Tea, 1).WithLine(Cup, 2).WithLine(Milk, 1));
            await shop.Retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(Sugar, 1));
        }
        var refreshed = await (await shop.Retailer.Admin.PostAsync("/api/store/complements/refresh", null, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal((8, 8L, false), (refreshed.GetProperty("orders").GetInt32(), refreshed.GetProperty("baskets").GetInt64(), refreshed.GetProperty("more").GetBoolean()));
    }

    [Fact]
    public async Task AScanSuggestsOnlyComplementsInStockAtTheBagsStore()
    {
        var shop = await AShopAsync();
        await LearnAsync(shop);
        // The cup is on the shelf at Covent Garden only, the milk jug at Camden only; sugar is everywhere but goes with nothing.
        await shop.Retailer.ReceiveAsync(shop.CoventGarden, Cup, 5);
        await shop.Retailer.ReceiveAsync(shop.Camden, Milk, 5);
        await shop.Retailer.ReceiveAsync(shop.CoventGarden, Sugar, 5);
        await shop.Retailer.ReceiveAsync(shop.Camden, Sugar, 5);
        var atCoventGarden = await StartFromAppAsync(shop, shop.CoventGarden, shop.Ann);
        var atCamden = await StartFromAppAsync(shop, shop.Camden, shop.Ann);

        var here = await (await ScanAsync(shop.App, atCoventGarden, shop.Ann, Tea)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var there = await (await ScanAsync(shop.App, atCamden, shop.Ann, Tea)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var withCup = await (await ScanAsync(shop.App, atCoventGarden, shop.Ann, Cup)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

        Assert.Equal([Cup], Skus(here.GetProperty("complements")));
        var cup = here.GetProperty("complements")[0];
        Assert.Equal((2.0, 5, 6.00m), (cup.GetProperty("lift").GetDouble(), cup.GetProperty("available").GetInt32(), cup.GetProperty("price").GetProperty("amount").GetDecimal()));
        Assert.Equal([Milk], Skus(there.GetProperty("complements")));
        // The cup's complements are the teapot (already in the bag) and the milk jug (not at Covent Garden): none.
        Assert.Empty(withCup.GetProperty("complements").EnumerateArray());
        Assert.Equal([Tea, Cup], Skus(withCup.GetProperty("bag").GetProperty("lines")));
        Assert.Equal(26.00m, withCup.GetProperty("bag").GetProperty("totals").GetProperty("total").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task ARetriedScanAddsOnceAndAKeyReusedForAnotherProductIsRefused()
    {
        var shop = await AShopAsync();
        var bag = await StartFromAppAsync(shop, shop.CoventGarden, shop.Ann);

        var copies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ScanAsync(shop.App, bag, shop.Ann, Tea, 2, key: "scan-1")));
        var other = await ScanAsync(shop.App, bag, shop.Ann, Cup, 2, key: "scan-1");
        var read = await (await shop.App.GetAsync($"/api/bags/{bag}?memberId={shop.Ann.Id}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Single(copies, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var replay in copies.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var body = await replay.ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
            Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(2, body.GetProperty("bag").GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        }
        await other.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.idempotency_key_reused", "Idempotency-Key");
        var line = read.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal((Tea, 2), (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32()));
        Assert.Equal(2, read.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AnotherMembersBagAnotherStoresStaffAndAnotherTenantCannotReachABag()
    {
        var shop = await AShopAsync();
        var bag = await StartFromAppAsync(shop, shop.CoventGarden, shop.Ann);
        await (await ScanAsync(shop.App, bag, shop.Ann, Tea)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var marketer = shop.Retailer.ClientWithKey((await shop.Retailer.CreateKeyAsync("marketer")).Token);
        var elsewhere = await NewRetailerAsync("Brixton Bazaar");

        await (await ScanAsync(shop.App, bag, shop.Bob, Tea)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "store.unknown_bag", "bagId");
        await (await shop.App.GetAsync($"/api/bags/{bag}?memberId={shop.Bob.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "store.unknown_bag", "bagId");
        await (await shop.App.DeleteAsync($"/api/bags/{bag}/lines/{Tea}?memberId={shop.Bob.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "store.unknown_bag", "bagId");
        await (await shop.App.GetAsync($"/api/bags/{bag}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.required", "memberId");
        await (await shop.CamdenTill.GetAsync($"/api/bags/{bag}", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "bagId");
        await (await marketer.GetAsync($"/api/bags/{bag}", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        await (await elsewhere.Admin.GetAsync($"/api/bags/{bag}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "store.unknown_bag", "bagId");
        await (await shop.Till.PostAsJsonAsync("/api/bags", new { storeId = shop.CoventGarden.Id, memberId = shop.Ann.Id }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "store.member_code_required", "memberId");
        await (await ScanAsync(shop.App, bag, shop.Ann, "NOSUCH-1")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "catalog.unknown_gtin", "gtin");
        var untouched = await (await shop.Till.GetAsync($"/api/bags/{bag}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal((1, 2L), (untouched.GetProperty("lines")[0].GetProperty("quantity").GetInt32(), untouched.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task AMemberCodeAtTheEntranceStartsABagOnceRecordsTheVisitAndLinesGoDownOrOut()
    {
        var shop = await AShopAsync();
        var code = (await (await shop.App.PostAsJsonAsync($"/api/members/{shop.Ann.Id}/member-code", new { }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created))
            .GetProperty("code").GetString();

        var started = await (await shop.Till.PostAsJsonAsync("/api/bags", new { storeId = shop.CoventGarden.Id, memberCode = code }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var again = await shop.Till.PostAsJsonAsync("/api/bags", new { storeId = shop.CoventGarden.Id, memberCode = code }, Ct);
        var bag = started.GetProperty("id").GetString()!;
        await (await ScanAsync(shop.Till, bag, shop.Ann, Tea, 3)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await ScanAsync(shop.Till, bag, shop.Ann, Cup, 1)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var lowered = await (await shop.Till.PutAsJsonAsync($"/api/bags/{bag}/lines/{Tea}", new { quantity = 1 }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var raised = await shop.Till.PutAsJsonAsync($"/api/bags/{bag}/lines/{Tea}", new { quantity = 2 }, Ct);
        var removed = await (await shop.Till.DeleteAsync($"/api/bags/{bag}/lines/{Cup}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var removedAgain = await shop.Till.DeleteAsync($"/api/bags/{bag}/lines/{Cup}", Ct);

        Assert.Equal((shop.Ann.Id, "member_code", "open"), (started.GetProperty("memberId").GetString(), started.GetProperty("startedBy").GetString(), started.GetProperty("status").GetString()));
        Assert.Equal(started.GetProperty("startedAt").GetDateTimeOffset().AddHours(4), started.GetProperty("expiresAt").GetDateTimeOffset());
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.member_code_used", "memberCode");
        var account = await (await shop.Retailer.Admin.GetAsync($"/api/loyalty/members/{shop.Ann.Id}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(10, account.GetProperty("pointsAvailable").GetInt64());
        Assert.Equal(1, lowered.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        await raised.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.scan_to_add", "quantity");
        Assert.Equal([Tea], Skus(removed.GetProperty("lines")));
        await removedAgain.ShouldBeProblemAsync(HttpStatusCode.NotFound, "store.unknown_bag_line", "sku");
    }

    [Fact]
    public async Task AScanRemindsOfASpendThresholdCloseByAndOfAPromotionStartingSoon()
    {
        var shop = await AShopAsync();
        var threshold = new { code = "SPEND40", name = "Spend £40, save £5", rule = new { kind = "spend_threshold", threshold = 40.00m, amount = 5.00m } };
        var soon = new
        {
            code = "TEA-LATER", name = "Teapots 10% off this afternoon", rule = new { kind = "percent_off", skus = new[] { Tea }, percent = 10 },
            conditions = new { validFrom = DateTimeOffset.UtcNow.AddMinutes(90) },
        };
        foreach (var promotion in new object[] { threshold, soon })
            await (await shop.Retailer.Admin.PostAsJsonAsync("/api/promotions", promotion, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var bag = await StartFromAppAsync(shop, shop.CoventGarden, shop.Ann);

        var scanned = await (await ScanAsync(shop.App, bag, shop.Ann, Tea, 1)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

        var reminders = scanned.GetProperty("reminders").EnumerateArray().ToList();
        var spend = reminders.Single(r => r.GetProperty("kind").GetString() == "spend_more");
        Assert.Equal(20.00m, spend.GetProperty("spendMore").GetProperty("amount").GetDecimal());
        var starts = reminders.Single(r => r.GetProperty("kind").GetString() == "starts_soon");
        Assert.Equal(("TEA-LATER", 2.00m), (starts.GetProperty("code").GetString(), starts.GetProperty("saving").GetProperty("amount").GetDecimal()));
        Assert.Equal(20.00m, scanned.GetProperty("bag").GetProperty("totals").GetProperty("total").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task EachScanIsAProductAddedOfTheStoreOnTheMembersProfile()
    {
        var shop = await AShopAsync();
        var bag = await StartFromAppAsync(shop, shop.CoventGarden, shop.Ann);

        await (await ScanAsync(shop.App, bag, shop.Ann, Tea, 2, key: "scan-a")).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await ScanAsync(shop.App, bag, shop.Ann, Tea, 2, key: "scan-a")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await ScanAsync(shop.App, bag, shop.Ann, Cup, 1)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var added = (await shop.Retailer.EventsAsync($"?userId={shop.Ann.Id}")).Where(e => e.Event == "Product Added").ToList();
        Assert.Equal([Tea, Cup], added.Select(e => e.Properties!.Value.GetProperty("sku").GetString()));
        Assert.All(added, e => Assert.Equal(("track", "store", shop.CoventGarden.Id), (e.Type, e.SourceKind, e.LocationId)));
        Assert.Equal((bag, 2, 20.00m), (added[0].Properties!.Value.GetProperty("cart_id").GetString(), added[0].Properties!.Value.GetProperty("quantity").GetInt32(),
            added[0].Properties!.Value.GetProperty("price").GetDecimal()));
        // The registration's identify and the two scans; a user id of a member's id is read as the member.
        var profile = await shop.Retailer.Admin.WaitForProfileAsync("member_id", shop.Ann.Id, events: 3);
        var timeline = await shop.Retailer.Admin.GetFromJsonAsync<JsonElement>($"/api/marketing/profiles/{profile.GetProperty("profileId").GetString()}/timeline", Ct);
        Assert.Equal(2, timeline.GetProperty("items").EnumerateArray().Count(e => e.TryGetProperty("event", out var name) && name.GetString() == "Product Added"));
    }

    [Fact]
    public async Task ACheckoutTakesTheBagsLinesOnceAndNotAfterTheBagChanged()
    {
        var shop = await AShopAsync();
        var bag = await StartFromAppAsync(shop, shop.CoventGarden, shop.Ann);
        await (await ScanAsync(shop.App, bag, shop.Ann, Tea, 2)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var checkout = Server.Factory.Services.GetRequiredService<IBagCheckout>();
        var database = Server.Factory.Services.GetRequiredService<Database>();
        var tenant = new TenantId((await shop.Retailer.Admin.GetFromJsonAsync<JsonElement>("/api/tenant", Ct)).GetProperty("id").GetString()!);
        // The writer runs the work on its own thread, where the test's context is not: the token is taken here.
        var ct = Ct;

        var read = await checkout.ReadAsync(tenant, new LocationId(shop.CoventGarden.Id), bag, "bagId", Ct);
        await (await ScanAsync(shop.App, bag, shop.Ann, Cup, 1)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var stale = await database.WriteAsync(s => checkout.CheckOutAsync(s, tenant, read.Value, "ord-1", DateTimeOffset.UtcNow, "bagId", ct), ct);
        var fresh = await checkout.ReadAsync(tenant, new LocationId(shop.CoventGarden.Id), bag, "bagId", Ct);
        var done = await database.WriteAsync(s => checkout.CheckOutAsync(s, tenant, fresh.Value, "ord-2", DateTimeOffset.UtcNow, "bagId", ct), ct);
        var twice = await database.WriteAsync(s => checkout.CheckOutAsync(s, tenant, fresh.Value, "ord-3", DateTimeOffset.UtcNow, "bagId", ct), ct);
        var elsewhere = await checkout.ReadAsync(tenant, new LocationId(shop.Camden.Id), bag, "bagId", Ct);

        Assert.Equal(("store.bag_changed", "bagId"), (stale.Error?.Code, stale.Error?.Field));
        Assert.Equal([(Tea, 2), (Cup, 1)], fresh.Value.Lines.Select(l => (l.Sku.Value, l.Quantity.Value)));
        Assert.Equal(new MemberId(shop.Ann.Id), fresh.Value.Member);
        Assert.True(done.IsSuccess, done.Error?.Message);
        Assert.Equal("store.bag_checked_out", twice.Error?.Code);
        Assert.Equal("store.unknown_bag", elsewhere.Error?.Code);
        var after = await (await shop.App.GetAsync($"/api/bags/{bag}?memberId={shop.Ann.Id}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(("checked_out", "ord-2"), (after.GetProperty("status").GetString(), after.GetProperty("checkoutReference").GetString()));
        await (await ScanAsync(shop.App, bag, shop.Ann, Tea)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.bag_checked_out", "bagId");
    }

    [Fact]
    public async Task TheTillSellsTheBagForItsMemberOnceAndRefusesAnotherMembersCodeOrLinesBesideIt()
    {
        var shop = await AShopAsync();
        await shop.Retailer.ReceiveAsync(shop.CoventGarden, Tea, 10);
        await shop.Retailer.ReceiveAsync(shop.CoventGarden, Cup, 10);
        var bag = await StartFromAppAsync(shop, shop.CoventGarden, shop.Ann);
        await (await ScanAsync(shop.App, bag, shop.Ann, Tea, 1)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await ScanAsync(shop.App, bag, shop.Ann, Cup, 2)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var session = (await (await shop.Till.PostAsJsonAsync($"/api/pos/{shop.CoventGarden.Id}/tills/T1/sessions", new { @float = new { amount = 50.00m } }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var bobsCode = (await (await shop.Retailer.Admin.PostAsJsonAsync($"/api/members/{shop.Bob.Id}/member-code", new { wallet = false }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("code").GetString()!;
        object Sale(string saleId, string? memberCode = null, object[]? lines = null) => new
        {
            sessionId = session, saleId, bagId = bag, memberCode, lines, payments = new[] { new { type = "cash", amount = new { amount = 50.00m } } },
        };
        Task<HttpResponseMessage> CheckoutAsync(object sale) => shop.Till.PostAsJsonAsync($"/api/pos/{shop.CoventGarden.Id}/checkout", sale, Ct);

        await (await CheckoutAsync(Sale("B-0", lines: [new { gtin = GtinOf(Tea), quantity = 1 }]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.bag_or_lines", "lines");
        await (await CheckoutAsync(Sale("B-0", memberCode: bobsCode))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.bag_of_other_member", "memberCode");
        var receipt = await (await CheckoutAsync(Sale("B-1"))).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var again = await CheckoutAsync(Sale("B-2"));
        var bobScans = await shop.Till.PostAsJsonAsync($"/api/pos/{shop.CoventGarden.Id}/member-code/scan", new { code = bobsCode }, Ct);
        var after = await (await shop.App.GetAsync($"/api/bags/{bag}?memberId={shop.Ann.Id}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var order = await (await shop.Retailer.Admin.GetAsync($"/api/orders/{receipt.GetProperty("orderId").GetString()}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Equal(shop.Ann.Id, receipt.GetProperty("memberId").GetString());
        Assert.Equal([(Tea, 1), (Cup, 2)], receipt.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetInt32())));
        Assert.Equal(32.00m, receipt.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal(("checked_out", receipt.GetProperty("orderId").GetString()), (after.GetProperty("status").GetString(), after.GetProperty("checkoutReference").GetString()));
        Assert.Equal((shop.Ann.Id, "pos"), (order.GetProperty("memberId").GetString(), order.GetProperty("channel").GetString()));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.bag_checked_out", "bagId");
        // The refused sale with Bob's code consumed nothing: his code still scans.
        await bobScans.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }
}

public sealed class BagSqliteTests(SqliteServer server) : BagTests(server), IClassFixture<SqliteServer>;

public sealed class BagPostgresTests(PostgresServer server) : BagTests(server), IClassFixture<PostgresServer>;
