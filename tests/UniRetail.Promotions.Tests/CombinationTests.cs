using UniRetail.Kernel;
using UniRetail.Promotions.Definitions;
using Xunit;

namespace UniRetail.Promotions.Tests;

public sealed class CombinationTests
{
    [Fact]
    public void TwoItemRulesOnOneLine_DoNotStackByDefault_TheBetterOneWins()
    {
        var priced = A.Price([A.Promotion("p1", A.PercentOff(10, "MUG")), A.Promotion("p2", A.AmountOff(2m, "MUG"))], A.Context(), A.Line("MUG", 1, 12.50m));

        Assert.Equal("p2", Assert.Single(priced.Line("MUG").Applied).Promotion.Value);
        Assert.Equal("excluded_by:p2", priced.ReasonFor("p1"));
    }

    [Fact]
    public void ItemRulesInDifferentStackingGroups_Stack()
    {
        var priced = A.Price([A.Promotion("p1", A.PercentOff(10, "MUG"), group: "clearance"), A.Promotion("p2", A.AmountOff(2m, "MUG"))],
            A.Context(), A.Line("MUG", 1, 12.50m));

        Assert.Equal(3.25m, priced.DiscountTotal.Amount);
    }

    [Fact]
    public void StackedRules_NeverTakeALineBelowZero()
    {
        var priced = A.Price([A.Promotion("p1", A.PercentOff(80, "MUG"), group: "a"), A.Promotion("p2", A.PercentOff(70, "MUG"), group: "b")],
            A.Context(), A.Line("MUG", 1, 10m));

        Assert.Equal(10.00m, priced.DiscountTotal.Amount);
        Assert.Equal(0m, priced.Total.Amount);
        Assert.Equal(10.00m, priced.Line("MUG").Applied.Sum(a => a.Amount.Amount));
    }

    [Fact]
    public void AnExclusiveItemRule_KeepsOtherItemRulesOffItsLinesAndBasketRulesSkipThem()
    {
        var exclusive = A.Promotion("x", A.PercentOff(30, "MUG"), exclusive: true);
        var other = A.Promotion("o", A.AmountOff(1m, "MUG"), group: "other");
        var basket = A.Promotion("b", A.PercentOffBasket(10));

        var priced = A.Price([exclusive, other, basket], A.Context(), A.Line("MUG", 1, 10m), A.Line("TEAPOT", 1, 20m));

        Assert.Equal(3.00m, priced.Line("MUG").Discount.Amount);
        Assert.Equal("excluded_by:x", priced.ReasonFor("o"));
        Assert.Equal(2.00m, priced.Line("TEAPOT").Discount.Amount);
        Assert.Equal("x", Assert.Single(priced.Line("MUG").Applied).Promotion.Value);
    }

    [Fact]
    public void AnExclusiveBasketRule_AppliesAloneWhenItIsBest()
    {
        var exclusive = A.Promotion("x", A.PercentOffBasket(25), exclusive: true);
        var mugs = A.Promotion("m", A.PercentOff(10, "MUG"));

        var priced = A.Price([exclusive, mugs], A.Context(), A.Line("MUG", 2, 10m), A.Line("TEAPOT", 1, 20m));

        Assert.Equal(10.00m, priced.DiscountTotal.Amount);
        Assert.Equal("x", Assert.Single(priced.Applied).Promotion.Value);
        Assert.Equal("excluded_by:x", priced.ReasonFor("m"));
    }

    [Fact]
    public void EqualSavings_GoToTheHigherPriorityThenTheSmallerId()
    {
        var low = A.Promotion("a", A.AmountOff(1m, "MUG"));
        var high = A.Promotion("z", A.AmountOff(1m, "MUG"), priority: 5);
        var twin = A.Promotion("y", A.AmountOff(1m, "MUG"), priority: 5);

        var priced = A.Price([low, high, twin], A.Context(), A.Line("MUG", 1, 10m));

        Assert.Equal("y", Assert.Single(priced.Applied).Promotion.Value);
    }

    [Fact]
    public void ConditionsAreExplainedWithStableReasons()
    {
        var store = new LocationId("loc_camden");
        var promotions = new[]
        {
            A.Promotion("app", A.PercentOff(10, "MUG"), new ConditionsRequest(Channels: ["app"])),
            A.Promotion("store", A.PercentOff(10, "MUG"), new ConditionsRequest(StoreIds: ["loc_brixton"])),
            A.Promotion("coupon", A.PercentOff(10, "MUG"), new ConditionsRequest(CouponRequired: true)),
            A.Promotion("later", A.PercentOff(10, "MUG"), new ConditionsRequest(ValidFrom: A.Friday1730London.AddDays(1))),
        };

        var priced = A.Price(promotions, A.Context(SalesChannel.Pos, store, "Europe/London"), A.Line("MUG", 1, 10m));

        Assert.Equal("wrong_channel", priced.ReasonFor("app"));
        Assert.Equal("wrong_store", priced.ReasonFor("store"));
        Assert.Equal("needs_coupon", priced.ReasonFor("coupon"));
        Assert.Equal("not_in_window", priced.ReasonFor("later"));
        Assert.Equal(0m, priced.DiscountTotal.Amount);
    }

    [Fact]
    public void ACouponUnlocksItsPromotion()
    {
        var promotion = A.Promotion("coupon", A.PercentOff(10, "MUG"), new ConditionsRequest(CouponRequired: true));

        Assert.Equal(1.00m, A.Price([promotion], A.Context(unlocked: ["coupon"]), A.Line("MUG", 1, 10m)).DiscountTotal.Amount);
    }

    [Fact]
    public void HappyHour_ReadsTheStoresLocalTime()
    {
        var happyHour = A.Promotion("hh", A.PercentOff(20, "MUG"),
            new ConditionsRequest(Schedule: new ScheduleRequest(["fri"], "17:00", "19:00", "Europe/London")));
        var friday1730Utc = A.Friday1730London;

        var london = A.Price([happyHour], A.Context(SalesChannel.Pos, new LocationId("loc_ldn"), "Europe/London", at: friday1730Utc), A.Line("MUG", 1, 10m));
        var shanghai = A.Price([happyHour], A.Context(SalesChannel.Pos, new LocationId("loc_sh"), "Asia/Shanghai", at: friday1730Utc), A.Line("MUG", 1, 10m));
        var shanghaiEvening = A.Price([happyHour], A.Context(SalesChannel.Pos, new LocationId("loc_sh"), "Asia/Shanghai", at: friday1730Utc.AddHours(-8)), A.Line("MUG", 1, 10m));
        var online = A.Price([happyHour], A.Context(at: friday1730Utc), A.Line("MUG", 1, 10m));

        Assert.Equal(2.00m, london.DiscountTotal.Amount);
        Assert.Equal("not_in_window", shanghai.ReasonFor("hh"));
        Assert.Equal(2.00m, shanghaiEvening.DiscountTotal.Amount);
        Assert.Equal(2.00m, online.DiscountTotal.Amount);
    }

    [Fact]
    public void AScheduleOverMidnight_RunsIntoTheNextDay()
    {
        var late = A.Promotion("late", A.PercentOff(20, "MUG"),
            new ConditionsRequest(Schedule: new ScheduleRequest(["fri"], "22:00", "02:00", "UTC")));
        var saturday0100 = new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(2.00m, A.Price([late], A.Context(at: saturday0100), A.Line("MUG", 1, 10m)).DiscountTotal.Amount);
        Assert.Equal("not_in_window", A.Price([late], A.Context(at: saturday0100.AddHours(2)), A.Line("MUG", 1, 10m)).ReasonFor("late"));
    }

    [Fact]
    public void LinesGivenInAnyOrder_PriceTheSame()
    {
        var promotions = new[] { A.Promotion("p1", A.MultiBuy(3, 2, "A", "B", "C")), A.Promotion("p2", A.AmountOffBasket(1m)) };
        Engine.PricingLine[] lines = [A.Line("A", 1, 5m), A.Line("B", 1, 5m), A.Line("C", 1, 5m)];

        var forward = A.Price(promotions, A.Context(), [.. lines]);
        var backward = A.Price(promotions, A.Context(), [.. lines.AsEnumerable().Reverse()]);

        foreach (var sku in new[] { "A", "B", "C" })
            Assert.Equal(forward.Line(sku).Discount, backward.Line(sku).Discount);
        Assert.Equal(("C", 1), (backward.Lines[0].Sku.Value, backward.Lines[0].LineNo));
    }
}
