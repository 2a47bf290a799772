using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Server.Tests.Marketing;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>
/// The till's checkout through the API: one call with GTINs, a member code, a coupon, points and split payments places the
/// order priced as /api/baskets/price prices it and lands in the session's reports; retries and re-posted offline sales
/// apply nothing twice; a sale beyond book stock is a discrepancy; one member code wins one till; returns refund at the till.
/// </summary>
public abstract class TillCheckoutTests(ServerFixture server) : ServerTests(server)
{
    private const string MugGtin = "5012345000015", PotGtin = "5012345000022";

    private sealed record Shop(Retailer Retailer, Location Store, Location Camden, HttpClient Till, HttpClient CamdenTill, Member Ann, string Mug, string CouponPromotion);

    /// <summary>
    /// A store selling mugs (£12.50, 20% off) and pots (£30), a loyalty program (100 points = £1, at most half the basket, 10
    /// points a visit), a £5-off promotion unlocked by the coupon SAVE5, and Ann with 1,000 points and £10 in her wallet.
    /// </summary>
    private async Task<Shop> AShopAsync(int stock = 100)
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        await (await retailer.Admin.PutAsJsonAsync("/api/loyalty/program", ValidCalls.AProgram(), Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await ProductAsync(retailer, "MUG-BLUE", MugGtin, 12.50m);
        await ProductAsync(retailer, "POT-WHITE", PotGtin, 30.00m);
        await retailer.ReceiveAsync(store, "MUG-BLUE", stock);
        await retailer.ReceiveAsync(store, "POT-WHITE", stock);
        await IdOfAsync(retailer, "/api/promotions", new { code = "MUGS20", name = "20% off mugs", rule = new { kind = "percent_off", skus = new[] { "MUG-BLUE" }, percent = 20 } });
        var five = await IdOfAsync(retailer, "/api/promotions", new
        {
            code = "COUPON5", name = "£5 off with a coupon", rule = new { kind = "amount_off", basket = true, amount = 5 }, conditions = new { couponRequired = true },
        });
        await IdOfAsync(retailer, "/api/loyalty/coupon-campaigns", new
        {
            name = "SAVE5", promotionId = five, kind = "shared", startsAt = DateTimeOffset.UtcNow.AddDays(-1), endsAt = DateTimeOffset.UtcNow.AddDays(30),
            minimumSpend = new { amount = 0 }, totalLimit = 1000, perMemberLimit = 1000, codes = new[] { "SAVE5" },
        });
        var ann = await retailer.AddMemberAsync("Ann Lee", $"ann.{Guid.NewGuid():N}@example.com");
        await (await retailer.Admin.PostAsJsonAsync($"/api/loyalty/members/{ann.Id}/adjustments", new { points = 1000, reason = "opening balance" }, Ct))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await retailer.Admin.PostAsJsonAsync($"/api/loyalty/members/{ann.Id}/wallet/top-ups",
            new { amount = new { amount = 10.00m }, reference = "cash-1", storeId = store.Id }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        return new Shop(retailer, store, camden, await retailer.KeyForStoreAsync(store), await retailer.KeyForStoreAsync(camden), ann, "MUG-BLUE", five);
    }

    private static async Task ProductAsync(Retailer retailer, string sku, string gtin, decimal price) =>
        await IdOfAsync(retailer, "/api/catalog/products", new
        {
            code = $"P-{sku}", name = sku, category = "Home/Kitchen", skus = new[] { new { sku, gtin, name = sku, price = new { amount = price, currency = "GBP" } } },
        });

    private static async Task<string> IdOfAsync(Retailer retailer, string path, object body) =>
        (await (await retailer.Admin.PostAsJsonAsync(path, body, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task<string> OpenTillAsync(Shop shop, string till = "T1") =>
        (await (await shop.Till.PostAsJsonAsync($"/api/pos/{shop.Store.Id}/tills/{till}/sessions", new { @float = new { amount = 100.00m } }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task<string> MemberCodeAsync(Shop shop, bool wallet = false) =>
        (await (await shop.Retailer.Admin.PostAsJsonAsync($"/api/members/{shop.Ann.Id}/member-code", new { wallet }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("code").GetString()!;

    private static object Sale(string session, string saleId, object payments, int mugs = 2, int pots = 1, string? memberCode = null, string[]? coupons = null,
        long? points = null, bool? offline = null, DateTimeOffset? soldAt = null, string mugGtin = MugGtin) => new
    {
        sessionId = session, saleId, memberCode, coupons, points, payments, offline, soldAt,
        lines = new[] { new { gtin = mugGtin, quantity = mugs }, new { gtin = PotGtin, quantity = pots } }.Where(l => l.quantity > 0).ToArray(),
    };

    private static object Pay(string type, decimal amount, string? reference = null) => new { type, amount = new { amount }, reference };

    private static Task<HttpResponseMessage> CheckoutAsync(HttpClient till, Location store, object sale, string query = "") =>
        till.PostAsJsonAsync($"/api/pos/{store.Id}/checkout{query}", sale, Ct);

    private static async Task<JsonElement> SessionAsync(Shop shop, string session) =>
        await (await shop.Till.GetAsync($"/api/pos/{shop.Store.Id}/till-sessions/{session}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

    private static decimal Amount(JsonElement money) => money.GetProperty("amount").GetDecimal();

    private static decimal PaidBy(JsonElement report, string type) =>
        report.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("type").GetString() == type).Select(p => Amount(p.GetProperty("net"))).SingleOrDefault();

    private static async Task<JsonElement> AccountAsync(Shop shop) =>
        await (await shop.Retailer.Admin.GetAsync($"/api/loyalty/members/{shop.Ann.Id}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

    [Fact]
    public async Task ATillSessionSellsWithEveryPaymentTypeAndItsZReportAddsUpTheReceipts()
    {
        var shop = await AShopAsync();
        var session = await OpenTillAsync(shop);
        var basket = await (await shop.Retailer.Admin.PostAsJsonAsync("/api/baskets/price", new
        {
            channel = "pos", storeId = shop.Store.Id, memberId = shop.Ann.Id, lines = new[] { new { sku = shop.Mug, quantity = 2 }, new { sku = "POT-WHITE", quantity = 1 } },
            unlockedPromotionIds = new[] { shop.CouponPromotion },
        }, Ct)).ShouldBeAsync<PricedBasketDto>(HttpStatusCode.OK);
        var due = basket.Total.Amount - 3.00m - 5.00m;

        var member = await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1",
            new[] { Pay("wallet", 5.00m), Pay("card", 20.00m, "auth-881"), Pay("cash", 50.00m) }, memberCode: await MemberCodeAsync(shop, wallet: true), coupons: ["SAVE5"], points: 300)))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var guest = await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-2", new[] { Pay("cash", 20.00m) }, mugs: 1, pots: 0)))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var text = await shop.Till.GetStringAsync($"/api/pos/{shop.Store.Id}/receipts/S-1?format=text", Ct);
        var z = (await (await shop.Till.PostAsJsonAsync($"/api/pos/{shop.Store.Id}/till-sessions/{session}/close", new { counted = new { amount = 100.00m } }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("report");

        Assert.Equal((basket.Subtotal.Amount, basket.DiscountTotal.Amount, basket.Total.Amount),
            (Amount(member.GetProperty("listTotal")), Amount(member.GetProperty("discount")), Amount(member.GetProperty("total"))));
        Assert.Equal((shop.Ann.Id, "SAVE5", 300L, 3.00m, 10L), (member.GetProperty("memberId").GetString(), member.GetProperty("coupon").GetString(),
            member.GetProperty("pointsRedeemed").GetInt64(), Amount(member.GetProperty("pointsValue")), member.GetProperty("visitPoints").GetInt64()));
        var cash = member.GetProperty("payments").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "cash");
        Assert.Equal((due - 20.00m, 50.00m, 50.00m - (due - 20.00m)), (Amount(cash.GetProperty("amount")), Amount(cash.GetProperty("tendered")), Amount(cash.GetProperty("change"))));
        Assert.Equal(50.00m - (due - 20.00m), Amount(member.GetProperty("change")));
        var order = await shop.Retailer.GetOrderAsync(member.GetProperty("orderId").GetString()!);
        Assert.Equal(("pos", "in_store_purchase", "completed", basket.Total.Amount), (order.Channel, order.Fulfilment, order.Status, order.Total.Amount));
        Assert.Contains("TOTAL", text, StringComparison.Ordinal);
        Assert.Contains("auth-881", text, StringComparison.Ordinal);
        Assert.Equal((2, 0), (z.GetProperty("sales").GetInt32(), z.GetProperty("refunds").GetInt32()));
        Assert.Equal(Amount(member.GetProperty("listTotal")) + Amount(guest.GetProperty("listTotal")), Amount(z.GetProperty("grossSales")));
        Assert.Equal(Amount(member.GetProperty("discount")) + Amount(guest.GetProperty("discount")), Amount(z.GetProperty("discounts")));
        Assert.Equal((20.00m, 5.00m, 3.00m), (PaidBy(z, "card"), PaidBy(z, "wallet"), PaidBy(z, "points")));
        Assert.Equal(due - 20.00m + Amount(guest.GetProperty("total")), PaidBy(z, "cash"));
        Assert.Equal(Amount(z.GetProperty("netSales")), PaidBy(z, "card") + PaidBy(z, "wallet") + PaidBy(z, "points") + PaidBy(z, "cash"));
        Assert.Equal((300L, member.GetProperty("pointsEarned").GetInt64()), (z.GetProperty("pointsRedeemed").GetInt64(), z.GetProperty("pointsEarned").GetInt64()));
        Assert.Equal(100.00m + PaidBy(z, "cash"), Amount(z.GetProperty("expectedCash")));
        var account = await AccountAsync(shop);
        Assert.Equal(5.00m, Amount(account.GetProperty("wallet")));
        Assert.True((await shop.Retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task ASaleSentTwiceAndAnOfflineSalePostedTwiceAnswerTheSameReceiptAndApplyNothingTwice()
    {
        var shop = await AShopAsync();
        var session = await OpenTillAsync(shop);
        var online = Sale(session, "S-7", new[] { Pay("cash", 60.00m) }, memberCode: await MemberCodeAsync(shop), points: 200);
        var offline = Sale(session, "OFF-1", new[] { Pay("cash", 60.00m) }, offline: true, soldAt: DateTimeOffset.UtcNow.AddHours(-2));

        var first = await (await CheckoutAsync(shop.Till, shop.Store, online)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var again = await CheckoutAsync(shop.Till, shop.Store, online);
        var posted = await (await CheckoutAsync(shop.Till, shop.Store, offline)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var reposted = await CheckoutAsync(shop.Till, shop.Store, offline);
        var changed = await CheckoutAsync(shop.Till, shop.Store, Sale(session, "OFF-1", new[] { Pay("cash", 70.00m) }, offline: true, soldAt: DateTimeOffset.UtcNow.AddHours(-2)));

        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetRawText(), (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetRawText());
        await reposted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(posted.GetProperty("orderId").GetString(), (await reposted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("orderId").GetString());
        Assert.True(posted.GetProperty("offline").GetBoolean());
        await changed.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.sale_id_reused", "saleId");
        Assert.Equal(2, (await shop.Retailer.ListOrdersAsync()).Count);
        Assert.Equal(2, (await SessionAsync(shop, session)).GetProperty("report").GetProperty("sales").GetInt32());
        Assert.Equal(800L, (await AccountAsync(shop)).GetProperty("pointsAvailable").GetInt64() - first.GetProperty("pointsEarned").GetInt64() - 10);
        Assert.Equal(100 - 4, (await shop.Retailer.LevelAsync(shop.Mug, shop.Store)).OnHand);
    }

    [Fact]
    public async Task AnOfflineSaleOfStockThatRanOutIsRecordedAndShowsAsADiscrepancyToCount()
    {
        var shop = await AShopAsync(stock: 1);
        var session = await OpenTillAsync(shop);

        var sold = await CheckoutAsync(shop.Till, shop.Store, Sale(session, "OFF-9", new[] { Pay("cash", 30.00m) }, mugs: 3, pots: 0, offline: true,
            soldAt: DateTimeOffset.UtcNow.AddMinutes(-30)));
        var online = await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-9", new[] { Pay("cash", 30.00m) }, mugs: 1, pots: 0));
        var discrepancies = await (await shop.Till.GetAsync($"/api/pos/{shop.Store.Id}/discrepancies", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        var receipt = await sold.ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var found = Assert.Single(discrepancies.GetProperty("items").EnumerateArray());
        Assert.Equal((shop.Mug, 2, receipt.GetProperty("orderId").GetString()), (found.GetProperty("sku").GetString(), found.GetProperty("units").GetInt32(), found.GetProperty("orderId").GetString()));
        Assert.Equal(0, (await shop.Retailer.LevelAsync(shop.Mug, shop.Store)).OnHand);
        Assert.True((await shop.Retailer.CheckLedgerAsync()).Consistent);
        await online.ShouldBeProblemAsync(HttpStatusCode.Conflict, "fulfillment.out_of_stock", "lines[0].gtin");
        await (await shop.CamdenTill.GetAsync($"/api/pos/{shop.Store.Id}/discrepancies", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "storeId");
    }

    [Fact]
    public async Task OneMemberCodeCheckedOutAtTwoTillsAtOnceIsAcceptedByOne()
    {
        var shop = await AShopAsync();
        var sessions = new[] { await OpenTillAsync(shop, "T1"), await OpenTillAsync(shop, "T2") };
        var code = await MemberCodeAsync(shop);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            CheckoutAsync(shop.Till, shop.Store, Sale(sessions[i % 2], $"S-{i}", new[] { Pay("cash", 60.00m) }, memberCode: code, points: 100))));

        var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var lost in answers.Where(a => a != won))
            await lost.ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.member_code_used", "memberCode");
        Assert.Single(await shop.Retailer.ListOrdersAsync());
        Assert.Equal(900L + 10, (await AccountAsync(shop)).GetProperty("pointsAvailable").GetInt64() - (await won.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("pointsEarned").GetInt64());
        Assert.Equal(1, (await SessionAsync(shop, sessions[0])).GetProperty("report").GetProperty("sales").GetInt32()
            + (await SessionAsync(shop, sessions[1])).GetProperty("report").GetProperty("sales").GetInt32());
    }

    [Fact]
    public async Task AReturnAtTheTillRefundsTheCardThenCashAndShowsInTheReport()
    {
        var shop = await AShopAsync();
        var session = await OpenTillAsync(shop);
        var sale = await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", new[] { Pay("card", 10.00m, "auth-5"), Pay("cash", 50.00m) }, mugs: 2, pots: 1)))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var potLine = sale.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == "POT-WHITE");
        var back = new { sessionId = session, returnId = "R-1", receiptId = "S-1", lines = new[] { new { lineNo = potLine.GetProperty("lineNo").GetInt32(), quantity = 1 } } };

        var refund = await (await shop.Till.PostAsJsonAsync($"/api/pos/{shop.Store.Id}/returns", back, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var again = await shop.Till.PostAsJsonAsync($"/api/pos/{shop.Store.Id}/returns", back, Ct);
        var tooMany = await shop.Till.PostAsJsonAsync($"/api/pos/{shop.Store.Id}/returns", back with { returnId = "R-2" }, Ct);
        var x = (await SessionAsync(shop, session)).GetProperty("report");

        var refunded = Amount(potLine.GetProperty("total"));
        Assert.Equal(("refund", "S-1", refunded), (refund.GetProperty("kind").GetString(), refund.GetProperty("originalId").GetString(), Amount(refund.GetProperty("total"))));
        Assert.Equal((1, refunded), (x.GetProperty("refunds").GetInt32(), Amount(x.GetProperty("refundsTotal"))));
        var card = x.GetProperty("payments").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "card");
        Assert.Equal((10.00m, 10.00m), (Amount(card.GetProperty("sales")), Amount(card.GetProperty("refunds"))));
        var cash = x.GetProperty("payments").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "cash");
        Assert.Equal(refunded - 10.00m, Amount(cash.GetProperty("refunds")));
        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await tooMany.ShouldBeProblemAsync(HttpStatusCode.Conflict, "orders.return_exceeds_sold", "lines[0].quantity");
        Assert.Equal(100 - 1 + 1, (await shop.Retailer.LevelAsync("POT-WHITE", shop.Store)).OnHand);
        Assert.Equal("partly_returned", (await shop.Retailer.GetOrderAsync(sale.GetProperty("orderId").GetString()!)).Status);
        Assert.True((await shop.Retailer.CheckLedgerAsync()).Consistent);
    }

    [Fact]
    public async Task RefusedCheckoutsAreProblemDetailsAndWriteNothing()
    {
        var shop = await AShopAsync();
        var session = await OpenTillAsync(shop);
        var code = await MemberCodeAsync(shop);
        var forged = code[..10] + (code[10] == 'Z' ? 'Y' : 'Z') + code[11..];
        var cash = new[] { Pay("cash", 100.00m) };

        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", cash, mugGtin: "5012345000091"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "catalog.unknown_gtin", "lines[0].gtin");
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", cash, mugGtin: "5012345000016"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "catalog.gtin_bad_check_digit", "lines[0].gtin");
        await (await CheckoutAsync(shop.CamdenTill, shop.Store, Sale(session, "S-1", cash))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "storeId");
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", new[] { Pay("card", 20.00m), Pay("cash", 20.00m) }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.payment_short", "payments");
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", new[] { Pay("card", 90.00m) }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.card_above_due", "payments[0].amount.amount");
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", cash, memberCode: forged))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.member_code_invalid", "memberCode");
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", new[] { Pay("wallet", 5.00m), Pay("card", 50.00m) }, memberCode: code)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.wallet_not_allowed", "payments[0].type");
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", cash, memberCode: code, points: 1500))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "loyalty.points_above_balance", "points");
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", cash, points: 100))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.member_code_required", "points");
        await (await CheckoutAsync(shop.Till, shop.Store, Sale("till_nope", "S-1", cash))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "store.unknown_till_session", "sessionId");
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", cash), "?format=xml")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.bad_format", "format");

        Assert.Empty(await shop.Retailer.ListOrdersAsync());
        Assert.Equal(100, (await shop.Retailer.LevelAsync(shop.Mug, shop.Store)).OnHand);
        Assert.Equal(0, (await SessionAsync(shop, session)).GetProperty("report").GetProperty("sales").GetInt32());
        Assert.Equal(1000L, (await AccountAsync(shop)).GetProperty("pointsAvailable").GetInt64());
        // The member code survived every refusal: it still pays, once.
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", cash, memberCode: code))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await shop.Till.PostAsJsonAsync($"/api/pos/{shop.Store.Id}/till-sessions/{session}/close", new { counted = new { amount = 100.00m } }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-2", cash))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "store.till_session_closed", "sessionId");
    }

    [Fact]
    public async Task TheBankSeesTheVisitAndTheTillSaleOnTheMembersProfileFromTheStoresSources()
    {
        var shop = await AShopAsync();
        var session = await OpenTillAsync(shop);

        var sale = await (await CheckoutAsync(shop.Till, shop.Store, Sale(session, "S-1", new[] { Pay("cash", 60.00m) }, memberCode: await MemberCodeAsync(shop))))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

        var events = await shop.Retailer.EventsAsync($"?userId={shop.Ann.Id}");
        var visit = Assert.Single(events, e => e.Event == "Store Visited");
        var till = Assert.Single(events, e => e.Event == "Till Sale");
        Assert.Equal(("store", shop.Store.Id), (visit.SourceKind, visit.LocationId));
        Assert.Equal(("pos", shop.Store.Id, "S-1"), (till.SourceKind, till.LocationId, till.Properties!.Value.GetProperty("sale_id").GetString()));
        Assert.Equal(sale.GetProperty("orderId").GetString(), till.Properties!.Value.GetProperty("order_id").GetString());
        Assert.Single(events, e => e.Event == "Order Completed");
    }
}

public sealed class TillCheckoutSqliteTests(SqliteServer server) : TillCheckoutTests(server), IClassFixture<SqliteServer>;

public sealed class TillCheckoutPostgresTests(PostgresServer server) : TillCheckoutTests(server), IClassFixture<PostgresServer>;
