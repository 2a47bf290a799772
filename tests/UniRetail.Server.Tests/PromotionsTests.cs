using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public sealed record MoneyDto(decimal Amount, string Currency);

public sealed record AppliedDto(string PromotionId, string Code, string Name, MoneyDto Amount);

public sealed record DeclinedDto(string PromotionId, string Code, string Reason);

public sealed record HintDto(string PromotionId, string Kind, string Message, MoneyDto? SpendMore, int? AddQuantity, string? Sku);

public sealed record PricedLineDto(int LineNo, string Sku, string Name, int Quantity, MoneyDto UnitPrice, MoneyDto ListTotal, MoneyDto Discount, MoneyDto NetTotal,
    IReadOnlyList<AppliedDto> Applied, IReadOnlyList<DeclinedDto> Declined);

public sealed record PricedBasketDto(string Currency, IReadOnlyList<PricedLineDto> Lines, MoneyDto Subtotal, MoneyDto DiscountTotal, MoneyDto Total,
    IReadOnlyList<AppliedDto> Applied, IReadOnlyList<DeclinedDto> Declined, IReadOnlyList<HintDto> Hints);

public sealed record PromotionDto(string Id, string Code, string Name, bool Active, int Priority, bool Exclusive, string StackingGroup, string Currency, int Version);

public abstract class PromotionsTests(ServerFixture server) : ServerTests(server)
{
    private static object PercentOff(string code, string sku, decimal percent, object? conditions = null) =>
        new { code, name = $"{percent}% off {sku}", rule = new { kind = "percent_off", skus = new[] { sku }, percent }, conditions };

    private static async Task<PromotionDto> CreateAsync(HttpClient client, object promotion) =>
        await (await client.PostAsJsonAsync("/api/promotions", promotion, Ct)).ShouldBeAsync<PromotionDto>(HttpStatusCode.Created);

    private static async Task<PricedBasketDto> PriceAsync(HttpClient client, object basket) =>
        await (await client.PostAsJsonAsync("/api/baskets/price", basket, Ct)).ShouldBeAsync<PricedBasketDto>(HttpStatusCode.OK);

    [Fact]
    public async Task AMarketersPromotionPricesABasketAndEveryLineSaysWhy()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        var pot = await retailer.AddProductAsync("POT-WHITE", 30.00m);
        var marketer = retailer.ClientWithKey((await retailer.CreateKeyAsync("marketer")).Token);
        var mugs = await CreateAsync(marketer, PercentOff("MUGS20", mug, 20));
        var app = await CreateAsync(marketer, PercentOff("APP-POTS", pot, 50, new { channels = new[] { "app" } }));
        var spend = await CreateAsync(marketer, new { code = "SPEND60", name = "Spend £60, save £5", rule = new { kind = "spend_threshold", threshold = 60, amount = 5 } });

        var priced = await PriceAsync(retailer.Admin, new { channel = "web", lines = new[] { new { sku = mug, quantity = 2 }, new { sku = pot, quantity = 1 } } });

        var mugLine = priced.Lines.Single(l => l.Sku == mug);
        Assert.Equal(5.00m, mugLine.Discount.Amount);
        Assert.Equal(mugs.Id, Assert.Single(mugLine.Applied).PromotionId);
        var potLine = priced.Lines.Single(l => l.Sku == pot);
        Assert.Equal(new DeclinedDto(app.Id, "APP-POTS", "wrong_channel"), Assert.Single(potLine.Declined));
        Assert.Equal(55.00m, priced.Subtotal.Amount);
        Assert.Equal(50.00m, priced.Total.Amount);
        Assert.Equal("below_threshold", Assert.Single(priced.Declined).Reason);
        var hint = Assert.Single(priced.Hints);
        Assert.Equal((spend.Id, "Spend £10.00 more for £5.00 off"), (hint.PromotionId, hint.Message));
    }

    [Fact]
    public async Task EveryRuleKindIsSavedAndReadBack()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE");
        var spoon = await retailer.AddProductAsync("SPOON", 2.00m);
        object[] rules =
        [
            new { kind = "percent_off", categories = new[] { "Home" }, percent = 12.5m },
            new { kind = "amount_off", basket = true, amount = 3 },
            new { kind = "multi_buy", skus = new[] { mug, spoon }, quantity = 3, pay = 2 },
            new { kind = "buy_get", buy = new { skus = new[] { mug }, quantity = 2 }, get = new { skus = new[] { spoon }, quantity = 1 } },
            new { kind = "bundle", items = new[] { new { sku = mug, quantity = 1 }, new { sku = spoon, quantity = 2 } }, price = 14 },
            new { kind = "fixed_price", skus = new[] { mug }, price = 9.99m },
            new { kind = "spend_threshold", categories = new[] { "Home/Kitchen" }, threshold = 50, percent = 10 },
        ];

        for (var i = 0; i < rules.Length; i++)
        {
            var created = await CreateAsync(retailer.Admin, new { code = $"KIND-{i}", name = $"Kind {i}", rule = rules[i], conditions = new { membersOnly = i == 5, tiers = i == 5 ? new[] { "gold" } : null } });
            var read = await retailer.Admin.GetFromJsonAsync<PromotionDto>($"/api/promotions/{created.Id}", Ct);
            Assert.Equal(created, read);
        }
        var page = await retailer.Admin.GetFromJsonAsync<PageDto>("/api/promotions?limit=5", Ct);
        Assert.Equal(5, page!.Items.Count);
        Assert.NotNull(page.Next);
    }

    public sealed record PageDto(IReadOnlyList<PromotionDto> Items, string? Next);

    [Theory]
    [InlineData("""{"kind":"percent_off","skus":["MUG-BLUE"],"percent":120}""", "promotions.bad_percent", "rule.percent")]
    [InlineData("""{"kind":"buy_get","buy":{"skus":["MUG-BLUE"],"quantity":0},"get":{"skus":["MUG-BLUE"],"quantity":1}}""", "promotions.bad_quantity", "rule.buy.quantity")]
    [InlineData("""{"kind":"bundle","items":[{"sku":"MUG-BLUE","quantity":1},{"sku":"SPOON","quantity":1}],"price":-1}""", "promotions.bad_amount", "rule.price")]
    [InlineData("""{"kind":"multi_buy","skus":["MUG-BLUE"],"quantity":3,"pay":3}""", "promotions.bad_quantity", "rule.pay")]
    [InlineData("""{"kind":"percent_off","skus":["NO-SUCH-SKU"],"percent":10}""", "promotions.unknown_sku", "rule.skus[0]")]
    [InlineData("""{"kind":"percent_off","categories":["Garden"],"percent":10}""", "promotions.unknown_category", "rule.categories[0]")]
    [InlineData("""{"kind":"percent_off","percent":10}""", "promotions.no_target", "rule")]
    [InlineData("""{"kind":"multi_buy","basket":true,"quantity":3,"pay":2}""", "promotions.basket_not_allowed", "rule.basket")]
    [InlineData("""{"kind":"spend_threshold","threshold":50,"amount":60}""", "promotions.bad_amount", "rule.amount")]
    [InlineData("""{"kind":"amount_off","skus":["MUG-BLUE"],"amount":1.005}""", "promotions.bad_amount", "rule.amount")]
    [InlineData("""{"kind":"free_gift","skus":["MUG-BLUE"]}""", "promotions.unknown_kind", "rule.kind")]
    public async Task APromotionWhoseRuleContradictsItselfIsRefusedNamingTheFieldAndNothingIsSaved(string rule, string code, string field)
    {
        var retailer = await NewRetailerAsync();
        await retailer.AddProductAsync("MUG-BLUE");
        await retailer.AddProductAsync("SPOON", 2.00m);

        var response = await retailer.Admin.PostAsync("/api/promotions",
            new StringContent($$"""{"code":"BAD","name":"Bad","rule":{{rule}}}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, field);
        Assert.Empty((await retailer.Admin.GetFromJsonAsync<PageDto>("/api/promotions", Ct))!.Items);
    }

    [Theory]
    [InlineData("""{"validFrom":"2026-12-10T00:00:00Z","validTo":"2026-12-01T00:00:00Z"}""", "promotions.bad_window", "conditions.validTo")]
    [InlineData("""{"channels":["telepathy"]}""", "promotions.unknown_channel", "conditions.channels[0]")]
    [InlineData("""{"storeIds":["loc_nowhere"]}""", "promotions.unknown_store", "conditions.storeIds[0]")]
    [InlineData("""{"schedule":{"days":["fri"],"from":"17:00","to":"19:00","timeZone":"Mars/Olympus"}}""", "promotions.bad_time_zone", "conditions.schedule.timeZone")]
    [InlineData("""{"schedule":{"days":["friday-ish"],"from":"17:00","to":"19:00","timeZone":"Europe/London"}}""", "promotions.bad_schedule", "conditions.schedule.days[0]")]
    [InlineData("""{"schedule":{"days":["fri"],"from":"5pm","to":"19:00","timeZone":"Europe/London"}}""", "promotions.bad_schedule", "conditions.schedule.from")]
    [InlineData("""{"tiers":["gold star!"]}""", "promotions.bad_tier", "conditions.tiers[0]")]
    public async Task ConditionsThatCannotHoldAreRefusedNamingTheField(string conditions, string code, string field)
    {
        var retailer = await NewRetailerAsync();
        await retailer.AddProductAsync("MUG-BLUE");

        var response = await retailer.Admin.PostAsync("/api/promotions", new StringContent(
            $$"""{"code":"BAD","name":"Bad","rule":{"kind":"percent_off","skus":["MUG-BLUE"],"percent":10},"conditions":{{conditions}}}""",
            System.Text.Encoding.UTF8, "application/json"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task TierNamesAreAcceptedWithoutALoyaltyModuleButNoMemberHasATier()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        var ann = await retailer.AddMemberAsync("Ann Lee", "ann@example.com");
        await CreateAsync(retailer.Admin, new { code = "MEMBER", name = "Member price", rule = new { kind = "fixed_price", skus = new[] { mug }, price = 10 }, conditions = new { membersOnly = true } });
        await CreateAsync(retailer.Admin, new { code = "GOLD", name = "Gold price", rule = new { kind = "fixed_price", skus = new[] { mug }, price = 8 }, conditions = new { tiers = new[] { "gold" } } });

        var member = await PriceAsync(retailer.Admin, new { channel = "app", memberId = ann.Id, lines = new[] { new { sku = mug, quantity = 1 } } });
        var guest = await PriceAsync(retailer.Admin, new { channel = "app", lines = new[] { new { sku = mug, quantity = 1 } } });

        Assert.Equal(10.00m, member.Total.Amount);
        Assert.Contains(member.Lines[0].Declined, d => d is { Code: "GOLD", Reason: "wrong_tier" });
        Assert.Equal(12.50m, guest.Total.Amount);
        Assert.All(guest.Lines[0].Declined, d => Assert.Equal("members_only", d.Reason));
    }

    [Fact]
    public async Task AMemberWhoseLoyaltyTierIsGoldGetsTheGoldPrice()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE", 12.50m);
        var ann = await retailer.AddMemberAsync("Ann Lee", "ann@example.com");
        await (await retailer.Admin.PutAsJsonAsync("/api/loyalty/program", ValidCalls.AProgram(), Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await CreateAsync(retailer.Admin, new { code = "GOLD", name = "Gold price", rule = new { kind = "fixed_price", skus = new[] { mug }, price = 8 }, conditions = new { tiers = new[] { "gold" } } });
        var before = await PriceAsync(retailer.Admin, new { channel = "app", memberId = ann.Id, lines = new[] { new { sku = mug, quantity = 1 } } });

        // £600 of purchases passes the program's gold threshold (£500 over 12 months): the tier the loyalty module keeps is the one pricing reads.
        await (await retailer.Admin.PostAsJsonAsync("/api/loyalty/purchases",
            new { reference = "web-1", memberId = ann.Id, channel = "web", lines = new[] { new { lineId = "1", sku = mug, category = (string?)null, net = new { amount = 600.00m } } } }, Ct))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var gold = await PriceAsync(retailer.Admin, new { channel = "app", memberId = ann.Id, lines = new[] { new { sku = mug, quantity = 1 } } });

        Assert.Equal(12.50m, before.Total.Amount);
        Assert.Contains(before.Lines[0].Declined, d => d is { Code: "GOLD", Reason: "wrong_tier" });
        Assert.Equal(8.00m, gold.Total.Amount);
    }

    [Fact]
    public async Task AnEditWithAStaleVersionIsAConflictAndTheFirstEditStands()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE");
        var created = await CreateAsync(retailer.Admin, PercentOff("MUGS", mug, 10));

        var first = await retailer.Admin.PutAsJsonAsync($"/api/promotions/{created.Id}", new { code = "MUGS", name = "Mugs 20", version = 1, rule = new { kind = "percent_off", skus = new[] { mug }, percent = 20 } }, Ct);
        var stale = await retailer.Admin.PutAsJsonAsync($"/api/promotions/{created.Id}", new { code = "MUGS", name = "Mugs 30", version = 1, rule = new { kind = "percent_off", skus = new[] { mug }, percent = 30 } }, Ct);

        Assert.Equal(2, (await first.ShouldBeAsync<PromotionDto>(HttpStatusCode.OK)).Version);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "promotions.version_conflict", "version");
        var read = await retailer.Admin.GetFromJsonAsync<PromotionDto>($"/api/promotions/{created.Id}", Ct);
        Assert.Equal(("Mugs 20", 2), (read!.Name, read.Version));
        var priced = await PriceAsync(retailer.Admin, new { channel = "web", lines = new[] { new { sku = mug, quantity = 1 } } });
        Assert.Equal(2.50m, priced.DiscountTotal.Amount);
    }

    [Fact]
    public async Task ConcurrentEditsOfOnePromotionNeverLoseOne()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE");
        var created = await CreateAsync(retailer.Admin, PercentOff("MUGS", mug, 10));

        var edits = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => retailer.Admin.PutAsJsonAsync($"/api/promotions/{created.Id}",
            new { code = "MUGS", name = $"Edit {i}", version = 1, rule = new { kind = "percent_off", skus = new[] { mug }, percent = i } }, Ct)));

        Assert.Equal(1, edits.Count(e => e.StatusCode == HttpStatusCode.OK));
        Assert.Equal(15, edits.Count(e => e.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, (await retailer.Admin.GetFromJsonAsync<PromotionDto>($"/api/promotions/{created.Id}", Ct))!.Version);
    }

    [Fact]
    public async Task ACodeIsOneTenantsOnce()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE");
        await CreateAsync(retailer.Admin, PercentOff("MUGS", mug, 10));

        var again = await retailer.Admin.PostAsJsonAsync("/api/promotions", PercentOff("MUGS", mug, 15), Ct);

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "promotions.code_taken", "code");
    }

    [Fact]
    public async Task ADeactivatedPromotionPricesNothingAndStaysReadable()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE", 10m);
        var created = await CreateAsync(retailer.Admin, PercentOff("MUGS", mug, 10));
        Assert.Equal(1.00m, (await PriceAsync(retailer.Admin, new { channel = "web", lines = new[] { new { sku = mug, quantity = 1 } } })).DiscountTotal.Amount);

        await (await retailer.Admin.DeleteAsync($"/api/promotions/{created.Id}", Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(0m, (await PriceAsync(retailer.Admin, new { channel = "web", lines = new[] { new { sku = mug, quantity = 1 } } })).DiscountTotal.Amount);
        Assert.False((await retailer.Admin.GetFromJsonAsync<PromotionDto>($"/api/promotions/{created.Id}", Ct))!.Active);
        await (await retailer.Admin.DeleteAsync("/api/promotions/prm_nothing", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "promotions.unknown_promotion", "id");
    }

    [Fact]
    public async Task AnEditOnOneServerRepricesOnAnotherWithinAMoment()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE", 10m);
        var created = await CreateAsync(retailer.Admin, PercentOff("MUGS", mug, 10));
        await using var second = new UniRetailFactory(Server.Factory.Database);
        var onSecond = retailer.On(second).Admin;
        var basket = new { channel = "web", lines = new[] { new { sku = mug, quantity = 1 } } };
        Assert.Equal(1.00m, (await PriceAsync(onSecond, basket)).DiscountTotal.Amount);

        await (await retailer.Admin.PutAsJsonAsync($"/api/promotions/{created.Id}",
            new { code = "MUGS", name = "Mugs 40", version = 1, rule = new { kind = "percent_off", skus = new[] { mug }, percent = 40 } }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var seen = 0m;
        for (var attempt = 0; attempt < 40 && seen != 4.00m; attempt++)
        {
            seen = (await PriceAsync(onSecond, basket)).DiscountTotal.Amount;
            if (seen != 4.00m)
                await Task.Delay(100, Ct);
        }
        Assert.Equal(4.00m, seen);
    }

    [Fact]
    public async Task PricingRefusesWhatItCannotPriceNamingTheField()
    {
        var retailer = await NewRetailerAsync();
        var mug = await retailer.AddProductAsync("MUG-BLUE");

        await (await retailer.Admin.PostAsJsonAsync("/api/baskets/price", new { channel = "web", lines = new[] { new { sku = "NOPE", quantity = 1 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "promotions.unknown_sku", "lines[0].sku");
        await (await retailer.Admin.PostAsJsonAsync("/api/baskets/price", new { channel = "web", memberId = "mem_nobody", lines = new[] { new { sku = mug, quantity = 1 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "promotions.unknown_member", "memberId");
        await (await retailer.Admin.PostAsJsonAsync("/api/baskets/price", new { channel = "pos", storeId = "loc_nowhere", lines = new[] { new { sku = mug, quantity = 1 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "promotions.unknown_store", "storeId");
        await (await retailer.Admin.PostAsJsonAsync("/api/baskets/price", new { channel = "web", lines = new[] { new { sku = mug, quantity = 1 }, new { sku = mug, quantity = 2 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "promotions.duplicate_line", "lines[1].sku");
        await (await retailer.Admin.PostAsJsonAsync("/api/baskets/price", new { channel = "web", lines = new[] { new { sku = mug, quantity = 0 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "quantity.not_positive", "lines[0].quantity");
        await (await retailer.Admin.PostAsJsonAsync("/api/baskets/price", new { channel = "fax", lines = new[] { new { sku = mug, quantity = 1 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "promotions.unknown_channel", "channel");
        await (await retailer.Admin.PostAsJsonAsync("/api/baskets/price", new { channel = "web", lines = Array.Empty<object>() }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "promotions.no_lines", "lines");
        var tooMany = Enumerable.Range(0, 101).Select(i => new { sku = $"SKU-{i}", quantity = 1 }).ToArray();
        await (await retailer.Admin.PostAsJsonAsync("/api/baskets/price", new { channel = "web", lines = tooMany }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "promotions.too_many_lines", "lines");
    }

    [Fact]
    public async Task StoreStaffPriceAtTheirOwnStoreOnlyAndCannotWritePromotions()
    {
        var retailer = await NewRetailerAsync();
        var covent = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        var mug = await retailer.AddProductAsync("MUG-BLUE", 10m);
        var staff = await retailer.KeyForStoreAsync(covent);
        await CreateAsync(retailer.Admin, PercentOff("TILL", mug, 10, new { channels = new[] { "pos" }, storeIds = new[] { covent.Id } }));

        var own = await PriceAsync(staff, new { channel = "pos", storeId = covent.Id, lines = new[] { new { sku = mug, quantity = 1 } } });
        var other = await staff.PostAsJsonAsync("/api/baskets/price", new { channel = "pos", storeId = camden.Id, lines = new[] { new { sku = mug, quantity = 1 } } }, Ct);
        var write = await staff.PostAsJsonAsync("/api/promotions", PercentOff("STAFF", mug, 50), Ct);

        Assert.Equal(1.00m, own.DiscountTotal.Amount);
        await other.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "storeId");
        await write.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
        var atCamden = await PriceAsync(retailer.Admin, new { channel = "pos", storeId = camden.Id, lines = new[] { new { sku = mug, quantity = 1 } } });
        Assert.Equal("wrong_store", Assert.Single(atCamden.Lines[0].Declined).Reason);
    }

    [Fact]
    public async Task AnotherTenantsPromotionIsNotFound()
    {
        var ours = await NewRetailerAsync();
        var theirs = await NewRetailerAsync("Brixton Bazaar");
        var mug = await theirs.AddProductAsync("MUG-BLUE");
        var theirPromotion = await CreateAsync(theirs.Admin, PercentOff("MUGS", mug, 10));

        await (await ours.Admin.GetAsync($"/api/promotions/{theirPromotion.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "promotions.unknown_promotion", "id");
        await (await ours.Admin.PutAsJsonAsync($"/api/promotions/{theirPromotion.Id}", new { code = "MUGS", name = "x", version = 1, rule = new { kind = "percent_off", basket = true, percent = 90 } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "promotions.unknown_promotion", "id");
        Assert.Equal(1, (await theirs.Admin.GetFromJsonAsync<PromotionDto>($"/api/promotions/{theirPromotion.Id}", Ct))!.Version);
    }
}

public sealed class PromotionsSqliteTests(SqliteServer server) : PromotionsTests(server), IClassFixture<SqliteServer>;

public sealed class PromotionsPostgresTests(PostgresServer server) : PromotionsTests(server), IClassFixture<PostgresServer>;
