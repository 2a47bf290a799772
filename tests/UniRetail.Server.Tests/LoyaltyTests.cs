using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>Loyalty through the API as a till or an integration uses it: many shoppers at once never spend more than is there.</summary>
public abstract class LoyaltyTests(ServerFixture server) : ServerTests(server)
{
    private const int Shoppers = 64;

    private sealed record Setup(Retailer Retailer, Location Store, Member Ann);

    private async Task<Setup> ARetailerWithAProgramAsync()
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        await (await retailer.Admin.PutAsJsonAsync("/api/loyalty/program", ValidCalls.AProgram(), Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var ann = await retailer.AddMemberAsync("Ann Lee", $"ann.{Guid.NewGuid():N}@example.com");
        return new Setup(retailer, store, ann);
    }

    private static object Redemption(string reference, string memberId, decimal subtotal, long? points = null, string? coupon = null, decimal? wallet = null,
        object? giftCard = null) =>
        new { reference, memberId, subtotal = new { amount = subtotal }, channel = "web", points, coupon, wallet = wallet is null ? null : new { amount = wallet }, giftCard };

    private static async Task<(int Served, string?[] Refused)> RaceAsync(Retailer retailer, Func<int, object> body)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, Shoppers).Select(i => retailer.Admin.PostAsJsonAsync("/api/loyalty/redemptions", body(i), Ct)));
        var refused = await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(async r => (await r.ShouldBeAsync<Problem>(HttpStatusCode.Conflict)).Code));
        return (responses.Count(r => r.StatusCode == HttpStatusCode.Created), refused);
    }

    private static async Task<JsonElement> AccountAsync(Retailer retailer, string memberId) =>
        await (await retailer.Admin.GetAsync($"/api/loyalty/members/{memberId}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);

    private static async Task AssertLoyaltyLedgerBalancesAsync(Retailer retailer)
    {
        var check = await (await retailer.Admin.GetAsync("/api/loyalty/check", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
    }

    [Fact]
    public async Task SixtyFourRedemptionsOfOnePointsBalanceSpendItExactlyOnce()
    {
        var (retailer, _, ann) = await ARetailerWithAProgramAsync();
        await (await retailer.Admin.PostAsJsonAsync($"/api/loyalty/members/{ann.Id}/adjustments", new { points = 950, reason = "opening balance" }, Ct))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var (served, refused) = await RaceAsync(retailer, i => Redemption($"ord-{i}", ann.Id, 100m, points: 100));

        Assert.Equal(9, served);
        Assert.All(refused, code => Assert.Equal("loyalty.points_above_balance", code));
        var account = await AccountAsync(retailer, ann.Id);
        Assert.Equal(50, account.GetProperty("pointsAvailable").GetInt64());
        Assert.Equal(9, account.GetProperty("recent").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "redeem"));
        await AssertLoyaltyLedgerBalancesAsync(retailer);
    }

    [Fact]
    public async Task SixtyFourPaymentsFromOneWalletAndOneGiftCardNeverTakeThemBelowZero()
    {
        var (retailer, store, ann) = await ARetailerWithAProgramAsync();
        await (await retailer.Admin.PostAsJsonAsync($"/api/loyalty/members/{ann.Id}/wallet/top-ups",
            new { amount = new { amount = 10.00m }, reference = "cash-1", storeId = store.Id }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var card = await (await retailer.Admin.PostAsJsonAsync("/api/loyalty/gift-cards", new { amount = new { amount = 7.50m } }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var code = card.GetProperty("code").GetString();

        var wallet = await RaceAsync(retailer, i => Redemption($"w-{i}", ann.Id, 5m, wallet: 1.00m));
        var gift = await RaceAsync(retailer, i => Redemption($"g-{i}", ann.Id, 5m, giftCard: new { code, amount = new { amount = 2.50m } }));

        Assert.Equal(10, wallet.Served);
        Assert.All(wallet.Refused, c => Assert.Equal("loyalty.wallet_short", c));
        Assert.Equal(3, gift.Served);
        Assert.All(gift.Refused, c => Assert.Equal("loyalty.gift_card_short", c));
        Assert.Equal(0m, (await AccountAsync(retailer, ann.Id)).GetProperty("wallet").GetProperty("amount").GetDecimal());
        var after = await (await retailer.Admin.GetAsync($"/api/loyalty/gift-cards/{code}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(0m, after.GetProperty("balance").GetProperty("amount").GetDecimal());
        await AssertLoyaltyLedgerBalancesAsync(retailer);
    }

    [Fact]
    public async Task SixtyFourShoppersWithOneLimitedCouponUseItNoMoreThanItsLimits()
    {
        var (retailer, _, ann) = await ARetailerWithAProgramAsync();
        var members = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => retailer.AddMemberAsync($"Shopper {i}", $"s{i}.{Guid.NewGuid():N}@example.com")));
        var campaign = await (await retailer.Admin.PostAsJsonAsync("/api/loyalty/coupon-campaigns", new
        {
            name = "Flash", promotionId = "promo-flash", kind = "shared", startsAt = DateTimeOffset.UtcNow.AddHours(-1), endsAt = DateTimeOffset.UtcNow.AddDays(1),
            totalLimit = 12, perMemberLimit = 2, codes = new[] { "FLASH12" },
        }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

        var (served, refused) = await RaceAsync(retailer, i => Redemption($"c-{i}", members[i % 8].Id, 30m, coupon: "flash12"));
        var (annServed, _) = await RaceAsync(retailer, i => Redemption($"a-{i}", ann.Id, 30m, coupon: "FLASH12"));

        Assert.Equal(12, served);
        Assert.All(refused, c => Assert.Equal("loyalty.coupon_used_up", c));
        Assert.Equal(0, annServed);
        var read = await (await retailer.Admin.GetAsync($"/api/loyalty/coupon-campaigns/{campaign.GetProperty("id").GetString()}", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(12, read.GetProperty("used").GetInt64());
    }

    [Fact]
    public async Task APurchaseEarnsAQuoteShowsWhatTheBasketMayUseAndAReturnClawsBackOverHttp()
    {
        var (retailer, store, ann) = await ARetailerWithAProgramAsync();
        var staff = await retailer.KeyForStoreAsync(store);
        var purchase = new
        {
            reference = "till-1", memberId = ann.Id, channel = "pos",
            lines = new[] { new { lineId = "1", sku = "LAMP-1", category = (string?)"Home/Kitchen", net = new { amount = 100.00m } }, new { lineId = "2", sku = "TEA-1", category = (string?)null, net = new { amount = 20.00m } } },
        };

        var earned = await (await staff.PostAsJsonAsync("/api/loyalty/purchases", purchase, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var retried = await staff.PostAsJsonAsync("/api/loyalty/purchases", purchase, Ct);

        Assert.Equal(220, earned.GetProperty("points").GetInt64());
        Assert.Equal(50, earned.GetProperty("bonusPoints").GetInt64());
        await retried.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        var quote = await (await staff.PostAsJsonAsync("/api/loyalty/quotes", new { memberId = ann.Id, subtotal = new { amount = 4.00m }, points = 250 }, Ct))
            .ShouldBeAsync<Problem>(HttpStatusCode.Conflict);
        Assert.Equal(("loyalty.points_above_allowed_share", "points"), (quote.Code, quote.Field));
        var ok = await (await staff.PostAsJsonAsync("/api/loyalty/quotes", new { memberId = ann.Id, subtotal = new { amount = 4.00m }, points = 200 }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(270, ok.GetProperty("pointsAvailable").GetInt64());
        Assert.Equal(200, ok.GetProperty("maxPoints").GetInt64());

        var returned = await (await staff.PostAsJsonAsync("/api/loyalty/returns",
            new { returnReference = "ret-1", orderReference = "till-1", lines = new[] { new { lineId = "1", amount = new { amount = 50.00m } } } }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

        Assert.Equal(100, returned.GetProperty("pointsClawedBack").GetInt64());
        Assert.Equal(170, (await AccountAsync(retailer, ann.Id)).GetProperty("pointsAvailable").GetInt64());
        await AssertLoyaltyLedgerBalancesAsync(retailer);
    }

    [Fact]
    public async Task ABrokenProgramIsRefusedWithItsCodeAndFieldAndAnUnknownMemberIsNotFound()
    {
        var (retailer, _, _) = await ARetailerWithAProgramAsync();
        var program = JsonSerializer.SerializeToNode(ValidCalls.AProgram(), ApiRequest.Json)!;
        program["redemption"]!["maxShareOfBasket"] = 0;

        var refused = await (await retailer.Admin.PutAsJsonAsync("/api/loyalty/program", program, Ct)).ShouldBeAsync<Problem>(HttpStatusCode.BadRequest);
        var unknown = await (await retailer.Admin.PostAsJsonAsync("/api/loyalty/redemptions", Redemption("x", "mem_nobody", 10m, points: 100), Ct))
            .ShouldBeAsync<Problem>(HttpStatusCode.NotFound);

        Assert.Equal(("loyalty.out_of_range", "redemption.maxShareOfBasket"), (refused.Code, refused.Field));
        Assert.Equal(50, (await (await retailer.Admin.GetAsync("/api/loyalty/program", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK))
            .GetProperty("redemption").GetProperty("maxShareOfBasket").GetInt32());
        Assert.Equal(("loyalty.unknown_member", "memberId"), (unknown.Code, unknown.Field));
    }
}

public sealed class LoyaltySqliteTests(SqliteServer server) : LoyaltyTests(server), IClassFixture<SqliteServer>;

public sealed class LoyaltyPostgresTests(PostgresServer server) : LoyaltyTests(server), IClassFixture<PostgresServer>;
