using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Inventory.Reservations;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Server.Tests.Marketing;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>
/// Orders pay with benefits, through POST /api/orders as a shop or a till sends it: priced by the promotions engine exactly
/// as /api/baskets/price prices the basket, coupons, points and wallet redeemed in the order's transaction, refusals that
/// write nothing, no double spend under 64 concurrent orders, returns that claw back, and the bank seeing it all.
/// </summary>
public abstract class OrderBenefitsTests(ServerFixture server) : ServerTests(server)
{
    private const int Shoppers = 64;

    private sealed record Shop(Retailer Retailer, Location Store, string Mug, string Pot, Member Ann, string MugPromotion, string CouponPromotion);

    /// <summary>
    /// A store with mugs (£12.50, 20% off) and pots (£30), a loyalty program (1 point per £, ×2 on Home/Kitchen, 100 points = £1,
    /// at most half the basket, earned points pending 14 days), a £5-off-the-basket promotion that needs a coupon, and Ann with 1,000 points.
    /// </summary>
    private async Task<Shop> AShopAsync(int stock = 500, WebApplicationFactory<Program>? server = null)
    {
        var retailer = server is null ? await NewRetailerAsync() : await Retailer.CreateAsync(server);
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        // Points earned stay pending for the 14-day return window, as a shop runs it: only the opening balance is spendable.
        var program = JsonSerializer.SerializeToNode(ValidCalls.AProgram(), ApiRequest.Json)!;
        program["pendingDays"] = 14;
        await (await retailer.Admin.PutAsJsonAsync("/api/loyalty/program", program, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var mug = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        var pot = await retailer.AddProductAsync("POT-WHITE", 30.00m);
        await retailer.ReceiveAsync(store, mug, stock);
        await retailer.ReceiveAsync(store, pot, stock);
        var mugs = await PromotionAsync(retailer, new { code = "MUGS20", name = "20% off mugs", rule = new { kind = "percent_off", skus = new[] { mug }, percent = 20 } });
        var five = await PromotionAsync(retailer, new
        {
            code = "COUPON5", name = "£5 off with a coupon", rule = new { kind = "amount_off", basket = true, amount = 5 }, conditions = new { couponRequired = true },
        });
        var ann = await retailer.AddMemberAsync("Ann Lee", $"ann.{Guid.NewGuid():N}@example.com");
        await (await retailer.Admin.PostAsJsonAsync($"/api/loyalty/members/{ann.Id}/adjustments", new { points = 1000, reason = "opening balance" }, Ct))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        return new Shop(retailer, store, mug, pot, ann, mugs, five);
    }

    private static async Task<string> PromotionAsync(Retailer retailer, object body) =>
        (await (await retailer.Admin.PostAsJsonAsync("/api/promotions", body, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task<string> CampaignAsync(Shop shop, string code, long totalLimit = 1000, long? perMemberLimit = 1000, decimal minimumSpend = 0,
        int startsInDays = -1, int endsInDays = 30)
    {
        var campaign = await (await shop.Retailer.Admin.PostAsJsonAsync("/api/loyalty/coupon-campaigns", new
        {
            name = code, promotionId = shop.CouponPromotion, kind = "shared", startsAt = DateTimeOffset.UtcNow.AddDays(startsInDays),
            endsAt = DateTimeOffset.UtcNow.AddDays(endsInDays), minimumSpend = new { amount = minimumSpend }, totalLimit, perMemberLimit, codes = new[] { code },
        }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        return campaign.GetProperty("id").GetString()!;
    }

    private static object Till(Shop shop, string? member, int mugs = 2, int pots = 1, string[]? coupons = null, long? points = null, decimal? wallet = null) => new
    {
        channel = "pos", fulfilment = "in_store_purchase", storeId = shop.Store.Id, memberId = member,
        lines = new[] { new { sku = shop.Mug, quantity = mugs }, new { sku = shop.Pot, quantity = pots } }.Where(l => l.quantity > 0).ToArray(),
        coupons, points, wallet = wallet is null ? null : new { amount = wallet },
    };

    private static Task<HttpResponseMessage> PlaceAsync(Shop shop, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return shop.Retailer.Admin.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> AccountAsync(Shop shop, string memberId) =>
        await (await shop.Retailer.Admin.GetAsync($"/api/loyalty/members/{memberId}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

    private static async Task AssertBothLedgersHoldAsync(Shop shop)
    {
        Assert.True((await shop.Retailer.CheckLedgerAsync()).Consistent);
        var check = await (await shop.Retailer.Admin.GetAsync("/api/loyalty/check", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
    }

    private static decimal Amount(JsonElement money) => money.GetProperty("amount").GetDecimal();

    /// <summary>Everything a refused order must leave as it was: orders, stock, the member's balances and ledger, the coupon's uses.</summary>
    private static async Task<string> StateAsync(Shop shop, string? campaign = null)
    {
        var account = await AccountAsync(shop, shop.Ann.Id);
        var used = campaign is null ? "" : (await (await shop.Retailer.Admin.GetAsync($"/api/loyalty/coupon-campaigns/{campaign}", Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("used").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join('|', (await shop.Retailer.ListOrdersAsync()).Count, (await shop.Retailer.AtpAsync(shop.Mug)).NetworkAvailable,
            account.GetProperty("pointsAvailable").GetInt64(), Amount(account.GetProperty("wallet")), account.GetProperty("recent").GetArrayLength(), used);
    }

    [Fact]
    public async Task AnOrderWithAPromotionACouponAndPointsPricesLikeTheBasketEndpointAndStoresIt()
    {
        var shop = await AShopAsync();
        await CampaignAsync(shop, "SAVE5");
        var basket = await (await shop.Retailer.Admin.PostAsJsonAsync("/api/baskets/price", new
        {
            channel = "pos", storeId = shop.Store.Id, memberId = shop.Ann.Id, lines = new[] { new { sku = shop.Mug, quantity = 2 }, new { sku = shop.Pot, quantity = 1 } },
            unlockedPromotionIds = new[] { shop.CouponPromotion },
        }, Ct)).ShouldBeAsync<PricedBasketDto>(HttpStatusCode.OK);

        var placed = await (await PlaceAsync(shop, Till(shop, shop.Ann.Id, coupons: ["save5"], points: 500))).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var read = await (await shop.Retailer.Admin.GetAsync($"/api/orders/{placed.GetProperty("id").GetString()}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Equal(45.00m, basket.Total.Amount);
        foreach (var order in new[] { placed, read })
        {
            Assert.Equal(basket.Total.Amount, Amount(order.GetProperty("total")));
            Assert.Equal(basket.Subtotal.Amount, Amount(order.GetProperty("listTotal")));
            Assert.Equal(basket.DiscountTotal.Amount, Amount(order.GetProperty("discountTotal")));
            foreach (var line in order.GetProperty("lines").EnumerateArray())
            {
                var priced = basket.Lines.Single(l => l.Sku == line.GetProperty("sku").GetString());
                Assert.Equal((priced.ListTotal.Amount, priced.Discount.Amount, priced.NetTotal.Amount),
                    (Amount(line.GetProperty("listTotal")), Amount(line.GetProperty("discount")), Amount(line.GetProperty("total"))));
                Assert.Equal(priced.Applied.Select(a => (a.PromotionId, a.Amount.Amount)).Order(),
                    line.GetProperty("promotions").EnumerateArray().Select(p => (p.GetProperty("promotionId").GetString()!, Amount(p.GetProperty("amount")))).Order());
            }
            Assert.Equal(basket.Applied.Select(a => (a.PromotionId, a.Amount.Amount)).Order(),
                order.GetProperty("discounts").EnumerateArray().Select(p => (p.GetProperty("promotionId").GetString()!, Amount(p.GetProperty("amount")))).Order());
            var benefits = order.GetProperty("benefits");
            Assert.Equal(("SAVE5", 500L, 5.00m), (benefits.GetProperty("coupon").GetString(), benefits.GetProperty("points").GetInt64(), Amount(benefits.GetProperty("pointsValue"))));
            Assert.Equal(40.00m, Amount(order.GetProperty("amountDue")));
        }
        Assert.Contains(shop.CouponPromotion, read.GetProperty("discounts").EnumerateArray().Select(d => d.GetProperty("promotionId").GetString()));
        var earned = read.GetProperty("benefits").GetProperty("pointsEarned").GetInt64();
        Assert.True(earned >= 90, $"earned {earned}");
        var account = await AccountAsync(shop, shop.Ann.Id);
        Assert.Equal((500L, earned), (account.GetProperty("pointsAvailable").GetInt64(), account.GetProperty("pointsPending").GetInt64()));
        await AssertBothLedgersHoldAsync(shop);
    }

    [Fact]
    public async Task EveryRefusedBenefitAnswersItsLoyaltyCodeAndFieldAndWritesNothing()
    {
        var shop = await AShopAsync();
        var expired = await CampaignAsync(shop, "OLD5", startsInDays: -10, endsInDays: -1);
        var minimum = await CampaignAsync(shop, "BIG5", minimumSpend: 500m);
        var once = await CampaignAsync(shop, "ONCE5", totalLimit: 1);
        await (await PlaceAsync(shop, Till(shop, shop.Ann.Id, coupons: ["ONCE5"]))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var before = await StateAsync(shop, once);

        (object Body, string Code, string Field)[] refusals =
        [
            (Till(shop, shop.Ann.Id, coupons: ["OLD5"]), "loyalty.coupon_expired", "coupons[0]"),
            (Till(shop, shop.Ann.Id, coupons: ["ONCE5"]), "loyalty.coupon_used_up", "coupons[0]"),
            (Till(shop, shop.Ann.Id, coupons: ["BIG5"]), "loyalty.coupon_below_minimum_spend", "coupons[0]"),
            (Till(shop, shop.Ann.Id, mugs: 40, pots: 20, points: 5000), "loyalty.points_above_balance", "points"),
            (Till(shop, shop.Ann.Id, points: 3000), "loyalty.points_above_balance", "points"),
            (Till(shop, shop.Ann.Id, mugs: 1, pots: 0, points: 900), "loyalty.points_above_allowed_share", "points"),
            (Till(shop, shop.Ann.Id, wallet: 5.00m), "loyalty.wallet_short", "wallet"),
        ];
        foreach (var (body, code, field) in refusals)
        {
            var problem = await (await PlaceAsync(shop, body)).ShouldBeAsync<Problem>(HttpStatusCode.Conflict);
            Assert.Equal((code, field), (problem.Code, problem.Field));
            Assert.Equal(before, await StateAsync(shop, once));
        }
        await (await PlaceAsync(shop, Till(shop, null, points: 100))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.benefits_need_member", "points");
        await (await PlaceAsync(shop, new { channel = "pos", fulfilment = "in_store_purchase", storeId = shop.Store.Id, lines = new[] { new { sku = shop.Mug, quantity = 1 } }, coupons = new[] { "A", "B" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.too_many_coupons", "coupons");
        Assert.Equal(before, await StateAsync(shop, once));
        Assert.Equal(0, (await (await shop.Retailer.Admin.GetAsync($"/api/loyalty/coupon-campaigns/{expired}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("used").GetInt64());
        Assert.Equal(0, (await (await shop.Retailer.Admin.GetAsync($"/api/loyalty/coupon-campaigns/{minimum}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("used").GetInt64());
        await AssertBothLedgersHoldAsync(shop);
    }

    [Fact]
    public async Task SixtyFourConcurrentOrdersOnOneBalanceAndOneLimitedCouponNeverOverspend()
    {
        var shop = await AShopAsync(stock: 1000);
        await CampaignAsync(shop, "FLASH12", totalLimit: 12);
        var shoppers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => shop.Retailer.AddMemberAsync($"Shopper {i}", $"s{i}.{Guid.NewGuid():N}@example.com")));

        // Ann's 1,000 points pay 100 at a time (each basket of £50 allows up to 2,500): ten orders at most.
        var points = await Task.WhenAll(Enumerable.Range(0, Shoppers).Select(_ => PlaceAsync(shop, Till(shop, shop.Ann.Id, points: 100))));
        var coupon = await Task.WhenAll(Enumerable.Range(0, Shoppers).Select(i => PlaceAsync(shop, Till(shop, shoppers[i % 8].Id, coupons: ["FLASH12"]))));

        Assert.Equal(10, points.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in points.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal("loyalty.points_above_balance", (await refused.ShouldBeAsync<Problem>(HttpStatusCode.Conflict)).Code);
        Assert.Equal(12, coupon.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in coupon.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal("loyalty.coupon_used_up", (await refused.ShouldBeAsync<Problem>(HttpStatusCode.Conflict)).Code);
        // Ann spent all 1,000 points; what her orders earned is pending.
        var orders = await shop.Retailer.Admin.AllPagesAsync<JsonElement>($"/api/orders?memberId={shop.Ann.Id}");
        var annEarned = 0L;
        foreach (var o in orders)
            annEarned += (await (await shop.Retailer.Admin.GetAsync($"/api/orders/{o.GetProperty("id").GetString()}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK))
                .GetProperty("benefits").GetProperty("pointsEarned").GetInt64();
        Assert.Equal(10, orders.Count);
        var account = await AccountAsync(shop, shop.Ann.Id);
        Assert.Equal((0L, annEarned), (account.GetProperty("pointsAvailable").GetInt64(), account.GetProperty("pointsPending").GetInt64()));
        Assert.Equal(10 + 12, (await shop.Retailer.ListOrdersAsync("?limit=100")).Count);
        Assert.Equal(1000 - 22 * 2, (await shop.Retailer.AtpAsync(shop.Mug)).NetworkAvailable);
        await AssertBothLedgersHoldAsync(shop);
    }

    [Fact]
    public async Task ARetriedOrderWithTheSameIdempotencyKeyAppliesItsBenefitsOnce()
    {
        var shop = await AShopAsync();
        var campaign = await CampaignAsync(shop, "SAVE5");
        var body = Till(shop, shop.Ann.Id, coupons: ["SAVE5"], points: 200);

        var first = await (await PlaceAsync(shop, body, "till-7-sale-19")).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var after = await StateAsync(shop, campaign);
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PlaceAsync(shop, body, "till-7-sale-19")));

        foreach (var response in again)
            Assert.Equal(first.GetProperty("id").GetString(), (await response.ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("id").GetString());
        Assert.Equal(after, await StateAsync(shop, campaign));
        Assert.EndsWith("|1", after, StringComparison.Ordinal);
        await AssertBothLedgersHoldAsync(shop);
    }

    [Fact]
    public async Task AReturnAfterRedemptionRefundsTheDiscountedPriceClawsBackAndKeepsBothLedgersWhole()
    {
        var shop = await AShopAsync();
        // 4 mugs and 20 pots: £640 of spend takes Ann to gold (threshold £500); she pays with all her 1,000 points.
        var placed = await (await PlaceAsync(shop, Till(shop, shop.Ann.Id, mugs: 4, pots: 20, points: 1000))).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var id = placed.GetProperty("id").GetString();
        var earned = placed.GetProperty("benefits").GetProperty("pointsEarned").GetInt64();
        var gold = await AccountAsync(shop, shop.Ann.Id);
        Assert.Equal("gold", gold.GetProperty("tier").GetString());
        Assert.Equal((0L, earned), (gold.GetProperty("pointsAvailable").GetInt64(), gold.GetProperty("pointsPending").GetInt64()));

        // Two of the four mugs (each £10 after 20% off) and all the pots come back.
        var returned = await (await shop.Retailer.Admin.PostAsJsonAsync($"/api/orders/{id}/returns", new
        {
            storeId = shop.Store.Id, condition = "resellable", lines = new[] { new { lineNo = 1, quantity = 2 }, new { lineNo = 2, quantity = 20 } },
        }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Equal(620.00m, Amount(returned.GetProperty("refunded")));
        var account = await AccountAsync(shop, shop.Ann.Id);
        // The points the order paid with come back pro rata (620 of 640); the returned lines' pending points are clawed back.
        Assert.Equal(1000L * 620 / 640, account.GetProperty("pointsAvailable").GetInt64());
        // Two points a pound on Home/Kitchen: half the mugs' £40 and all the pots' £600 take back 1,240; the first-purchase bonus stays.
        Assert.Equal(earned - 1240, account.GetProperty("pointsPending").GetInt64());
        Assert.Contains(account.GetProperty("recent").EnumerateArray(), e => e.GetProperty("kind").GetString() == "reverse" && e.GetProperty("pending").GetInt64() < 0);
        // Tiers fall only at the end of their period: re-evaluated, still gold until then.
        Assert.Equal("gold", account.GetProperty("tier").GetString());
        await AssertBothLedgersHoldAsync(shop);
    }

    [Fact]
    public async Task ACancelledOrderGivesItsPointsWalletAndCouponBack()
    {
        var shop = await AShopAsync();
        var campaign = await CampaignAsync(shop, "ONCE5", totalLimit: 1);
        await (await shop.Retailer.Admin.PostAsJsonAsync($"/api/loyalty/members/{shop.Ann.Id}/wallet/top-ups",
            new { amount = new { amount = 10.00m }, reference = "cash-1", storeId = shop.Store.Id }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var web = new
        {
            channel = "web", fulfilment = "pickup_in_store", storeId = shop.Store.Id, memberId = shop.Ann.Id, paymentCaptured = false,
            lines = new[] { new { sku = shop.Pot, quantity = 2 } }, coupons = new[] { "ONCE5" }, points = 300, wallet = new { amount = 10.00m },
        };
        var placed = await (await PlaceAsync(shop, web)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(55.00m - 3.00m - 10.00m, Amount(placed.GetProperty("amountDue")));

        await (await shop.Retailer.Admin.PostAsync($"/api/orders/{placed.GetProperty("id").GetString()}/cancel", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var account = await AccountAsync(shop, shop.Ann.Id);
        Assert.Equal((1000L, 10.00m), (account.GetProperty("pointsAvailable").GetInt64(), Amount(account.GetProperty("wallet"))));
        Assert.Equal(0, (await (await shop.Retailer.Admin.GetAsync($"/api/loyalty/coupon-campaigns/{campaign}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("used").GetInt64());
        await (await PlaceAsync(shop, Till(shop, shop.Ann.Id, coupons: ["ONCE5"]))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await AssertBothLedgersHoldAsync(shop);
    }

    [Fact]
    public async Task TheBankSeesCouponsPointsAndTierMovesOnTheMembersProfile()
    {
        var shop = await AShopAsync();
        await CampaignAsync(shop, "SAVE5");
        await CampaignAsync(shop, "OLD5", startsInDays: -10, endsInDays: -1);

        await (await PlaceAsync(shop, Till(shop, shop.Ann.Id, coupons: ["OLD5"]))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "loyalty.coupon_expired", "coupons[0]");
        await (await PlaceAsync(shop, Till(shop, shop.Ann.Id, mugs: 2, pots: 20, coupons: ["SAVE5"], points: 200))).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var events = (await shop.Retailer.EventsAsync($"?userId={shop.Ann.Id}")).Where(e => e.Type == "track").ToList();
        var names = events.Select(e => e.Event).ToList();
        Assert.All(events, e => Assert.Equal("commerce", e.SourceKind));
        foreach (var expected in new[] { "Coupon Denied", "Coupon Applied", "Points Redeemed", "Points Earned", "Tier Changed", "Order Completed" })
            Assert.Contains(expected, names);
        var denied = events.Single(e => e.Event == "Coupon Denied").Properties!.Value;
        Assert.Equal(("OLD5", "loyalty.coupon_expired"), (denied.GetProperty("coupon_name").GetString(), denied.GetProperty("reason").GetString()));
        Assert.Equal(200, events.Single(e => e.Event == "Points Redeemed").Properties!.Value.GetProperty("points").GetInt64());
        Assert.Contains(events.Where(e => e.Event == "Tier Changed"), e => e.Properties!.Value.GetProperty("to").GetString() == "gold");
        // The profile the projector builds carries them: the registration and every one of these events.
        var profile = await shop.Retailer.Admin.WaitForProfileAsync("member_id", shop.Ann.Id, events: 1 + events.Count);
        // The tier is the member's trait, so FAST's Superiority by tier counts her (and nobody else: she is the only member).
        Assert.Equal("gold", profile.GetProperty("traits").GetProperty("tier").GetProperty("value").GetString());
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fast = await (await shop.Retailer.Admin.GetAsync($"/api/marketing/fast?from={today}&to={today}&tiers=Gold,platinum", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var superiority = fast.GetProperty("superiority").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetDecimal());
        Assert.Equal((1m, 1m), (superiority["highValuePeople"], superiority["highValueShareOfGmv"]));
        await (await shop.Retailer.Admin.GetAsync($"/api/marketing/fast?from={today}&to={today}&tiers=gold&top=0.1", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_target", "tiers");
    }

    private static async Task<string> GiftCardAsync(Shop shop, decimal amount) =>
        (await (await shop.Retailer.Admin.PostAsJsonAsync("/api/loyalty/gift-cards", new { amount = new { amount } }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created))
            .GetProperty("code").GetString()!;

    private static async Task<decimal> GiftCardBalanceAsync(Shop shop, string code) =>
        Amount((await (await shop.Retailer.Admin.GetAsync($"/api/loyalty/gift-cards/{code}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("balance"));

    [Fact]
    public async Task AnOrderPaidPartlyByGiftCardTakesItFromTheCardAndAReturnPutsItsShareBack()
    {
        var shop = await AShopAsync();
        var card = await GiftCardAsync(shop, 25.00m);
        var body = new
        {
            channel = "pos", fulfilment = "in_store_purchase", storeId = shop.Store.Id,
            lines = new[] { new { sku = shop.Mug, quantity = 2 }, new { sku = shop.Pot, quantity = 1 } },
            giftCard = new { code = card, amount = new { amount = 20.00m } },
        };

        var placed = await (await PlaceAsync(shop, body)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

        // Two mugs at £10 after 20% off and a £30 pot: £50, of which the card pays £20.
        Assert.Equal((50.00m, 20.00m, 30.00m), (Amount(placed.GetProperty("total")), Amount(placed.GetProperty("benefits").GetProperty("giftCard")), Amount(placed.GetProperty("amountDue"))));
        Assert.Equal(5.00m, await GiftCardBalanceAsync(shop, card));
        // Over the card's balance: refused, and the card keeps its £5.
        var more = body with { giftCard = new { code = card, amount = new { amount = 5.01m } } };
        Assert.Equal("loyalty.gift_card_short", (await (await PlaceAsync(shop, more)).ShouldBeAsync<Problem>(HttpStatusCode.Conflict)).Code);
        Assert.Equal(5.00m, await GiftCardBalanceAsync(shop, card));

        // The pot (£30 of the £50) comes back: the card gets its share of what it paid, 30/50 of £20.
        await (await shop.Retailer.Admin.PostAsJsonAsync($"/api/orders/{placed.GetProperty("id").GetString()}/returns", new
        {
            storeId = shop.Store.Id, lines = new[] { new { lineNo = 2, quantity = 1 } },
        }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(5.00m + 12.00m, await GiftCardBalanceAsync(shop, card));
        await AssertBothLedgersHoldAsync(shop);
    }

    [Fact]
    public async Task AReturnRefundedToTheWalletCreditsWhatBenefitsDidNotPayAndTheLedgerShowsIt()
    {
        var shop = await AShopAsync();
        var placed = await (await PlaceAsync(shop, Till(shop, shop.Ann.Id, points: 500))).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal((50.00m, 45.00m), (Amount(placed.GetProperty("total")), Amount(placed.GetProperty("amountDue"))));
        Assert.Equal(500L, (await AccountAsync(shop, shop.Ann.Id)).GetProperty("pointsAvailable").GetInt64());

        // The £30 pot comes back to the wallet: 30/50 of the 500 points (300 points, £3) go back as points, the other £27 to the wallet.
        var returned = await (await shop.Retailer.Admin.PostAsJsonAsync($"/api/orders/{placed.GetProperty("id").GetString()}/returns", new
        {
            storeId = shop.Store.Id, lines = new[] { new { lineNo = 2, quantity = 1 } }, refundTo = "wallet",
        }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

        Assert.Equal(30.00m, Amount(returned.GetProperty("refunded")));
        var account = await AccountAsync(shop, shop.Ann.Id);
        Assert.Equal((800L, 27.00m), (account.GetProperty("pointsAvailable").GetInt64(), Amount(account.GetProperty("wallet"))));
        Assert.Contains(account.GetProperty("recent").EnumerateArray(), e => e.GetProperty("kind").GetString() == "refund" && e.GetProperty("value").GetInt64() == 2700);
        await AssertBothLedgersHoldAsync(shop);
        // A guest's order has no wallet to refund to.
        var guest = await (await PlaceAsync(shop, Till(shop, null))).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        await (await shop.Retailer.Admin.PostAsJsonAsync($"/api/orders/{guest.GetProperty("id").GetString()}/returns", new
        {
            storeId = shop.Store.Id, lines = new[] { new { lineNo = 1, quantity = 1 } }, refundTo = "wallet",
        }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.wallet_needs_member", "refundTo");
    }

    [Fact]
    public async Task AnUnpaidOrderWhoseHoldExpiresGivesBackItsPointsBonusCouponAndWallet()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = Server.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var shop = await AShopAsync(server: server);
        var campaign = await CampaignAsync(shop, "ONCE5", totalLimit: 1);
        await (await shop.Retailer.Admin.PostAsJsonAsync($"/api/loyalty/members/{shop.Ann.Id}/wallet/top-ups",
            new { amount = new { amount = 10.00m }, reference = "cash-1", storeId = shop.Store.Id }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var web = new
        {
            channel = "web", fulfilment = "pickup_in_store", storeId = shop.Store.Id, memberId = shop.Ann.Id, paymentCaptured = false,
            lines = new[] { new { sku = shop.Pot, quantity = 2 } }, coupons = new[] { "ONCE5" }, points = 300, wallet = new { amount = 10.00m },
        };
        var placed = await (await PlaceAsync(shop, web)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var id = placed.GetProperty("id").GetString();
        var spent = await AccountAsync(shop, shop.Ann.Id);
        Assert.Equal((700L, 0m), (spent.GetProperty("pointsAvailable").GetInt64(), Amount(spent.GetProperty("wallet"))));

        clock.Advance(UniRetail.Orders.PlaceOrder.PlaceOrderHandler.PaymentWindow - TimeSpan.FromMinutes(1));
        await server.Services.GetRequiredService<ManageHolds>().ExpireDueAsync(Ct);
        Assert.Equal("placed", (await shop.Retailer.GetOrderAsync(id!)).Status);
        clock.Advance(TimeSpan.FromMinutes(2));
        await server.Services.GetRequiredService<ManageHolds>().ExpireDueAsync(Ct);

        Assert.Equal("cancelled", (await shop.Retailer.GetOrderAsync(id!)).Status);
        var account = await AccountAsync(shop, shop.Ann.Id);
        // The order never happened: the points its lines earned and the program's first-purchase bonus (50) are both taken
        // back, and it does not count as a purchase — so the next order earns the first-purchase bonus.
        Assert.Equal((1000L, 10.00m, 0L), (account.GetProperty("pointsAvailable").GetInt64(), Amount(account.GetProperty("wallet")), account.GetProperty("pointsPending").GetInt64()));
        Assert.Contains(account.GetProperty("recent").EnumerateArray(), e => e.GetProperty("note").GetString() == $"bonus of cancelled {id}" && e.GetProperty("pending").GetInt64() == -50);
        Assert.Equal(0, (await (await shop.Retailer.Admin.GetAsync($"/api/loyalty/coupon-campaigns/{campaign}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("used").GetInt64());
        Assert.Equal(500, (await shop.Retailer.AtpAsync(shop.Pot)).NetworkAvailable);
        var paid = new
        {
            channel = "web", fulfilment = "pickup_in_store", storeId = shop.Store.Id, memberId = shop.Ann.Id, paymentCaptured = true,
            lines = new[] { new { sku = shop.Pot, quantity = 1 } },
        };
        var next = await (await PlaceAsync(shop, paid)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var after = await AccountAsync(shop, shop.Ann.Id);
        Assert.Contains(after.GetProperty("recent").EnumerateArray(), e => e.GetProperty("reference").GetString() == next.GetProperty("id").GetString()
            && e.GetProperty("note").GetString() == "50 bonus points");
        Assert.Equal(next.GetProperty("benefits").GetProperty("pointsEarned").GetInt64(), after.GetProperty("pointsPending").GetInt64());
        await AssertBothLedgersHoldAsync(shop);
    }

    [Fact]
    public async Task AGuestsCouponAppliedAndDeniedReachTheBankOnTheProfileOfTheGuestTheOrderNames()
    {
        var shop = await AShopAsync();
        // Without a per-member limit, so a guest may use them.
        await CampaignAsync(shop, "SAVE5", perMemberLimit: null);
        await CampaignAsync(shop, "OLD5", perMemberLimit: null, startsInDays: -10, endsInDays: -1);
        var anonymousId = $"anon-{Guid.NewGuid():N}";
        var email = $"guest.{Guid.NewGuid():N}@example.com";
        object Guest(string coupon, object guest) => new
        {
            channel = "web", fulfilment = "pickup_in_store", storeId = shop.Store.Id, coupons = new[] { coupon }, guest,
            lines = new[] { new { sku = shop.Mug, quantity = 2 }, new { sku = shop.Pot, quantity = 1 } },
        };

        await (await PlaceAsync(shop, Guest("OLD5", new { anonymousId, email }))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "loyalty.coupon_expired", "coupons[0]");
        var placed = await (await PlaceAsync(shop, Guest("SAVE5", new { anonymousId }))).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

        Assert.Equal(45.00m, Amount(placed.GetProperty("total")));
        var events = (await shop.Retailer.EventsAsync($"?anonymousId={anonymousId}")).Where(e => e.Type == "track").ToList();
        Assert.All(events, e => Assert.Equal(("commerce", (string?)null), (e.SourceKind, e.UserId)));
        var applied = events.Single(e => e.Event == "Coupon Applied").Properties!.Value;
        Assert.Equal(("SAVE5", placed.GetProperty("id").GetString()), (applied.GetProperty("coupon_name").GetString(), applied.GetProperty("order_id").GetString()));
        var denied = events.Single(e => e.Event == "Coupon Denied");
        Assert.Equal(("OLD5", "loyalty.coupon_expired"), (denied.Properties!.Value.GetProperty("coupon_name").GetString(), denied.Properties!.Value.GetProperty("reason").GetString()));
        Assert.Equal(email, denied.Context!.Value.GetProperty("traits").GetProperty("email").GetString());
        // One profile holds both: the anonymous id of both orders and the e-mail the first one gave.
        var byEmail = await shop.Retailer.Admin.WaitForProfileAsync("email", email, events: 2);
        var byAnonymousId = await shop.Retailer.Admin.WaitForProfileAsync("anonymous_id", anonymousId, events: 2);
        Assert.Equal(byEmail.GetProperty("profileId").GetString(), byAnonymousId.GetProperty("profileId").GetString());

        // A guest is named by an anonymous id or an e-mail, never beside a member; a refusal writes nothing.
        await (await PlaceAsync(shop, Guest("SAVE5", new { email = "nobody" }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.bad_guest", "guest.email");
        await (await PlaceAsync(shop, Guest("SAVE5", new { anonymousId = " " }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.required", "guest.anonymousId");
        await (await PlaceAsync(shop, new
        {
            channel = "pos", fulfilment = "in_store_purchase", storeId = shop.Store.Id, memberId = shop.Ann.Id, guest = new { anonymousId },
            lines = new[] { new { sku = shop.Mug, quantity = 1 } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.guest_with_member", "guest");
        Assert.Equal(2, (await shop.Retailer.EventsAsync($"?anonymousId={anonymousId}")).Count(e => e.Type == "track"));
    }
}

public sealed class OrderBenefitsSqliteTests(SqliteServer server) : OrderBenefitsTests(server), IClassFixture<SqliteServer>;

public sealed class OrderBenefitsPostgresTests(PostgresServer server) : OrderBenefitsTests(server), IClassFixture<PostgresServer>;
