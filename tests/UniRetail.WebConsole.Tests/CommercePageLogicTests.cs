using UniRetail.Promotions.Definitions;
using UniRetail.WebConsole.Components.Shared;
using UniRetail.WebConsole.Pages.Promotions;
using Xunit;

namespace UniRetail.WebConsole.Tests;

/// <summary>The plain logic behind the promotion form, the basket box and the charts, without a browser.</summary>
public sealed class CommercePageLogicTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static PromotionView Saved(RuleRequest rule, ConditionsRequest conditions, bool active = true) =>
        new("prm_1", "P1", "Promotion one", active, 5, true, "items", "GBP", rule, conditions, 3, Now);

    [Fact]
    public void AMultiBuyReadIntoTheFormIsWrittenBackAsTheSameRuleAndConditions()
    {
        var rule = new RuleRequest("multi_buy", ["MUG-BLUE", "MUG-RED"], ["Home/Kitchen"], Quantity: 3, Pay: 2);
        var conditions = new ConditionsRequest(["pos", "web"], ["loc_1"], true, ["gold"], true, Now, Now.AddDays(7),
            new ScheduleRequest(["fri", "sat"], "17:00", "19:00", "Europe/London"));
        var request = PromotionForm.From(Saved(rule, conditions)).ToRequest(3);
        Assert.True(request.IsSuccess, request.Error?.Message);
        var r = request.Value;
        Assert.Equal("P1|Promotion one|5|True|items|3", $"{r.Code}|{r.Name}|{r.Priority}|{r.Exclusive}|{r.StackingGroup}|{r.Version}");
        Assert.Equal(rule.Kind, r.Rule!.Kind);
        Assert.Equal(rule.Skus, r.Rule.Skus);
        Assert.Equal(rule.Categories, r.Rule.Categories);
        Assert.Equal(3, r.Rule.Quantity);
        Assert.Equal(2, r.Rule.Pay);
        Assert.Null(r.Rule.Percent);
        var c = r.Conditions!;
        Assert.Equal(conditions.Channels, c.Channels);
        Assert.Equal(conditions.StoreIds, c.StoreIds);
        Assert.Equal(conditions.Tiers, c.Tiers);
        Assert.True(c.MembersOnly == true && c.CouponRequired == true);
        Assert.Equal(Now, c.ValidFrom);
        Assert.Equal(Now.AddDays(7), c.ValidTo);
        Assert.Equal(conditions.Schedule!.Days, c.Schedule!.Days);
        Assert.Equal("17:00-19:00 Europe/London", $"{c.Schedule.From}-{c.Schedule.To} {c.Schedule.TimeZone}");
    }

    [Fact]
    public void ABuyXGetYAndABundleKeepTheirTargetsAndItems()
    {
        var buyGet = new RuleRequest("buy_get", Buy: new TargetRequest(["TEA"], null, 2), Get: new TargetRequest(["MUG-BLUE"], null, 1, 50m));
        var written = PromotionForm.From(Saved(buyGet, new ConditionsRequest())).ToRequest(null).Value.Rule!;
        Assert.Equal(["TEA"], written.Buy!.Skus!);
        Assert.Equal(2, written.Buy.Quantity);
        Assert.Equal(["MUG-BLUE"], written.Get!.Skus!);
        Assert.Equal(1, written.Get.Quantity);
        Assert.Equal(50m, written.Get.Percent);
        var bundle = new RuleRequest("bundle", Price: 9.99m, Items: [new BundleItemRequest("TEA", 2), new BundleItemRequest("MUG-BLUE", 1)]);
        var items = PromotionForm.From(Saved(bundle, new ConditionsRequest())).ToRequest(null).Value.Rule!;
        Assert.Equal(9.99m, items.Price);
        Assert.Equal([new BundleItemRequest("TEA", 2), new BundleItemRequest("MUG-BLUE", 1)], items.Items!);
    }

    [Fact]
    public void ANumberThatIsNotOneIsRefusedAtTheApisFieldNameBeforeAnyCall()
    {
        var form = new PromotionForm { Code = "X", Name = "X", Kind = "multi_buy", Skus = "TEA", Quantity = "three", Pay = "2" };
        Assert.Equal("console.bad_number at rule.quantity", At(form));
        form = new PromotionForm { Code = "X", Name = "X", Kind = "bundle", BundleItems = "TEA:2, MUG:lots", Price = "5" };
        Assert.Equal("console.bad_number at rule.items[1].quantity", At(form));
        form = new PromotionForm { Code = "X", Name = "X", Skus = "TEA", Percent = "10", ValidTo = "next friday" };
        Assert.Equal("console.bad_instant at conditions.validTo", At(form));
    }

    private static string At(PromotionForm form) => form.ToRequest(null).Error is { } e ? $"{e.Code} at {e.Field}" : "no error";

    [Fact]
    public void OnlyTheChosenKindsFieldsAreSentSoAValueLeftInAnotherKindsFieldIsNoError()
    {
        var form = new PromotionForm { Code = "X", Name = "X", Kind = "amount_off", Skus = "TEA", Percent = "10", Amount = "1.50", Pay = "2" };
        var rule = form.ToRequest(null).Value.Rule!;
        Assert.Equal(1.50m, rule.Amount);
        Assert.Null(rule.Percent);
        Assert.Null(rule.Pay);
        form.WholeBasket = true;
        rule = form.ToRequest(null).Value.Rule!;
        Assert.True(rule.Basket);
        Assert.Null(rule.Skus);
    }

    [Theory]
    [InlineData(true, null, null, "active")]
    [InlineData(false, null, null, "ended")]
    [InlineData(true, 1, null, "scheduled")]
    [InlineData(true, -2, -1, "ended")]
    [InlineData(true, -1, 1, "active")]
    public void APromotionIsActiveScheduledOrEndedByItsFlagAndWindow(bool active, int? fromHours, int? toHours, string status)
    {
        var conditions = new ConditionsRequest(ValidFrom: fromHours is { } f ? Now.AddHours(f) : null, ValidTo: toHours is { } t ? Now.AddHours(t) : null);
        Assert.Equal(status, PromotionStatus.Of(Saved(new RuleRequest("percent_off", ["TEA"], Percent: 10), conditions, active), Now));
    }

    [Fact]
    public void BasketLinesAreASkuAndAQuantityALineAndABadQuantityNamesItsLine()
    {
        var lines = BasketLines.Parse("TEA 2\n\n  MUG-BLUE\nSCARF-RED×3\n").Value;
        Assert.Equal("TEA×2 MUG-BLUE×1 SCARF-RED×3", string.Join(' ', lines.Select(l => $"{l!.Sku}×{l.Quantity}")));
        Assert.Equal("lines[1].quantity", BasketLines.Parse("TEA 2\nMUG-BLUE two").Error!.Field);
    }

    [Fact]
    public void ChartsScaleTheLargestValueToTheFullLengthAndZeroToTheBottom()
    {
        Assert.Equal([100d, 50d, 0d], ChartScale.Lengths([10m, 5m, 0m], 100));
        Assert.Equal([0d, 0d], ChartScale.Lengths([0m, 0m], 100));
        var points = ChartScale.Points([0m, 50m, 100m], 100m, 10, 5, 200, 80);
        Assert.Equal([(10d, 85d), (110d, 45d), (210d, 5d)], points);
        Assert.Equal("10,85 110,45 210,5", ChartScale.Svg(points));
        Assert.True(FieldPath.IsUnder("rule.skus[2]", "rule.skus") && FieldPath.IsUnder("float.amount", "float") && !FieldPath.IsUnder("amounts", "amount"));
        Assert.True(FieldPath.IsUnder("lines[2].received", "lines[]") && FieldPath.IsUnder("lines[0]", "lines[]") && !FieldPath.IsUnder("lines", "lines[]"));
    }
}
