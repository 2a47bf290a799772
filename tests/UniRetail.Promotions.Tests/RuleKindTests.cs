using UniRetail.Promotions.Definitions;
using Xunit;

namespace UniRetail.Promotions.Tests;

public sealed class RuleKindTests
{
    [Fact]
    public void PercentOffSkus_TakesThePercentOfEachMatchingLine()
    {
        var priced = A.Price(A.Promotion("p1", A.PercentOff(20, "MUG")), A.Line("MUG", 2, 12.50m), A.Line("TEAPOT", 1, 30m));

        Assert.Equal(5.00m, priced.Line("MUG").Discount.Amount);
        Assert.Equal(20.00m, priced.Line("MUG").NetTotal.Amount);
        Assert.Equal(0m, priced.Line("TEAPOT").Discount.Amount);
        Assert.Equal(50.00m, priced.Total.Amount);
        Assert.Equal("p1", Assert.Single(priced.Line("MUG").Applied).Promotion.Value);
    }

    [Fact]
    public void PercentOff_RoundsEachLineHalfAwayFromZero()
    {
        var priced = A.Price(A.Promotion("p1", A.PercentOffCategory(12.5m, "Home")), A.Line("SPOON", 1, 0.20m));

        Assert.Equal(0.03m, priced.Line("SPOON").Discount.Amount);
    }

    [Fact]
    public void AmountOff_IsPerUnitAndNeverMoreThanTheUnitPrice()
    {
        var priced = A.Price(A.Promotion("p1", new RuleRequest("amount_off", Categories: ["Home/Kitchen"], Amount: 1.00m)),
            A.Line("MUG", 3, 12.50m), A.Line("SPOON", 4, 0.40m));

        Assert.Equal(3.00m, priced.Line("MUG").Discount.Amount);
        Assert.Equal(1.60m, priced.Line("SPOON").Discount.Amount);
        Assert.Equal(0m, priced.Line("SPOON").NetTotal.Amount);
    }

    [Fact]
    public void AmountOffTheBasket_IsSharedOverTheLinesToThePenny()
    {
        var priced = A.Price(A.Promotion("p1", A.AmountOffBasket(5m)), A.Line("A", 1, 3.33m), A.Line("B", 1, 3.33m), A.Line("C", 1, 3.34m));

        Assert.Equal(5.00m, priced.DiscountTotal.Amount);
        Assert.Equal(5.00m, priced.Lines.Sum(l => l.Discount.Amount));
        Assert.All(priced.Lines, l => Assert.InRange(l.Discount.Amount, 1.66m, 1.68m));
    }

    [Fact]
    public void MultiBuyThreeForTwo_GivesTheCheapestUnitOfEachGroupAndHintsAtTheNextGroup()
    {
        var promotion = A.Promotion("p1", A.MultiBuy(3, 2, "MUG", "CUP"));

        var priced = A.Price(promotion, A.Line("MUG", 2, 10m), A.Line("CUP", 2, 4m));

        Assert.Equal(0m, priced.Line("MUG").Discount.Amount);
        Assert.Equal(4.00m, priced.Line("CUP").Discount.Amount);
        var hint = Assert.Single(priced.Hints);
        Assert.Equal("add_items", hint.Kind);
        Assert.Equal(2, hint.AddQuantity);
        Assert.Equal("Add 2 more for 3 for 2", hint.Message);
    }

    [Fact]
    public void MultiBuyShortOfAGroup_IsDeclinedNotEnoughItemsWithAHint()
    {
        var priced = A.Price(A.Promotion("p1", A.MultiBuy(3, 2, "MUG")), A.Line("MUG", 2, 10m));

        Assert.Equal("not_enough_items", priced.ReasonFor("p1"));
        Assert.Equal("Add 1 more for 3 for 2", Assert.Single(priced.Hints).Message);
    }

    [Fact]
    public void BuyTwoMugsGetASpoonFree_DiscountsTheCheapestGetUnits()
    {
        var promotion = A.Promotion("p1", A.BuyGet(["MUG"], 2, ["SPOON", "FORK"], 1));

        var priced = A.Price(promotion, A.Line("MUG", 4, 10m), A.Line("SPOON", 1, 3m), A.Line("FORK", 3, 2m));

        Assert.Equal(4.00m, priced.DiscountTotal.Amount);
        Assert.Equal(4.00m, priced.Line("FORK").Discount.Amount);
        Assert.Equal(0m, priced.Line("SPOON").Discount.Amount);
    }

    [Fact]
    public void BuyTwoGetOneOnTheSameSku_NeedsThreeUnitsASet()
    {
        var promotion = A.Promotion("p1", A.BuyGet(["MUG"], 2, ["MUG"], 1, percent: 50));

        var five = A.Price(promotion, A.Line("MUG", 5, 10m));

        Assert.Equal(5.00m, five.DiscountTotal.Amount);
        Assert.Equal("Add 1 more to get 1 at 50% off", Assert.Single(five.Hints).Message);
    }

    [Fact]
    public void BundlePrice_SharesTheSavingOverItsItemsForEveryWholeBundle()
    {
        var promotion = A.Promotion("p1", A.Bundle(10m, ("MUG", 1), ("COASTER", 2)));

        var priced = A.Price(promotion, A.Line("MUG", 2, 8m), A.Line("COASTER", 5, 2m));

        // Two bundles of 8 + 2×2 = 12 for 10: 2.00 off each, 4.00 in all, shared 8:4.
        Assert.Equal(4.00m, priced.DiscountTotal.Amount);
        Assert.Equal(2.66m, priced.Line("MUG").Discount.Amount);
        Assert.Equal(1.34m, priced.Line("COASTER").Discount.Amount);
    }

    [Fact]
    public void BundleMissingOneItem_HintsAtIt()
    {
        var priced = A.Price(A.Promotion("p1", A.Bundle(10m, ("MUG", 1), ("COASTER", 2))), A.Line("MUG", 1, 8m));

        var hint = Assert.Single(priced.Hints);
        Assert.Equal("COASTER", hint.Sku?.Value);
        Assert.Equal(2, hint.AddQuantity);
        Assert.Equal("not_enough_items", priced.ReasonFor("p1"));
    }

    [Fact]
    public void BundlePricedAboveItsListPrice_SavesNothing()
    {
        var priced = A.Price(A.Promotion("p1", A.Bundle(50m, ("MUG", 1), ("COASTER", 1))), A.Line("MUG", 1, 8m), A.Line("COASTER", 1, 2m));

        Assert.Equal(0m, priced.DiscountTotal.Amount);
        Assert.Equal("no_saving", priced.ReasonFor("p1"));
    }

    [Fact]
    public void MemberPrice_AppliesToMembersOnly()
    {
        var promotion = A.Promotion("p1", A.FixedPrice(9m, "MUG"), new ConditionsRequest(MembersOnly: true));

        var member = A.Price([promotion], A.Context(member: true), A.Line("MUG", 2, 12.50m));
        var guest = A.Price([promotion], A.Context(), A.Line("MUG", 2, 12.50m));

        Assert.Equal(18.00m, member.Total.Amount);
        Assert.Equal(25.00m, guest.Total.Amount);
        Assert.Equal("members_only", guest.ReasonFor("p1"));
    }

    [Fact]
    public void TierPrice_NeedsTheTier()
    {
        var promotion = A.Promotion("p1", A.FixedPrice(9m, "MUG"), new ConditionsRequest(Tiers: ["Gold"]));

        Assert.Equal("wrong_tier", A.Price([promotion], A.Context(member: true), A.Line("MUG", 1, 12.50m)).ReasonFor("p1"));
        Assert.Equal("wrong_tier", A.Price([promotion], A.Context(member: true, tier: "silver"), A.Line("MUG", 1, 12.50m)).ReasonFor("p1"));
        Assert.Equal(9.00m, A.Price([promotion], A.Context(member: true, tier: "gold"), A.Line("MUG", 1, 12.50m)).Total.Amount);
    }

    [Fact]
    public void SpendThreshold_BelowItHintsHowMuchMore_AboveItApplies()
    {
        var promotion = A.Promotion("p1", A.SpendThreshold(50m, amount: 5m));

        var below = A.Price(promotion, A.Line("MUG", 3, 12.50m), A.Line("SPOON", 1, 8.30m));
        var above = A.Price(promotion, A.Line("MUG", 4, 12.50m));

        Assert.Equal("below_threshold", below.ReasonFor("p1"));
        var hint = Assert.Single(below.Hints);
        Assert.Equal("Spend £4.20 more for £5.00 off", hint.Message);
        Assert.Equal(4.20m, hint.SpendMore?.Amount);
        Assert.Equal(5.00m, above.DiscountTotal.Amount);
    }

    [Fact]
    public void SpendThreshold_ReadsWhatTheLinesCostAfterItemDiscounts()
    {
        var threshold = A.Promotion("t", A.SpendThreshold(50m, percent: 10));
        var mugs = A.Promotion("m", A.PercentOff(10, "MUG"));

        // 4 × 12.50 = 50.00: 10% off the mugs alone saves 5.00 and leaves 45.00, under the threshold; the threshold alone
        // saves 5.00 too. The engine takes one of them (equal, fewer promotions, then the earlier id), never both.
        var priced = A.Price([threshold, mugs], A.Context(), A.Line("MUG", 4, 12.50m));

        Assert.Equal(5.00m, priced.DiscountTotal.Amount);
        Assert.Single(priced.Applied);
    }

    [Fact]
    public void PercentOffTheBasket_AppliesAfterItemRulesOnWhatIsLeft()
    {
        var priced = A.Price([A.Promotion("item", A.PercentOff(50, "MUG")), A.Promotion("basket", A.PercentOffBasket(10))], A.Context(),
            A.Line("MUG", 1, 20m), A.Line("TEAPOT", 1, 30m));

        Assert.Equal(11.00m, priced.Line("MUG").Discount.Amount);
        Assert.Equal(3.00m, priced.Line("TEAPOT").Discount.Amount);
        Assert.Equal(2, priced.Line("MUG").Applied.Count);
    }
}
