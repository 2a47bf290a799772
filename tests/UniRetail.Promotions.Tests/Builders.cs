using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Domain;
using UniRetail.Promotions.Engine;
using UniRetail.Promotions.Persistence;

namespace UniRetail.Promotions.Tests;

/// <summary>Promotions made the way the API makes them (through the parser), and baskets of concrete lines.</summary>
internal static class A
{
    public static readonly DateTimeOffset Friday1730London = new(2026, 12, 4, 17, 30, 0, TimeSpan.Zero);

    public static Promotion Promotion(string id, RuleRequest rule, ConditionsRequest? conditions = null, int priority = 0, bool exclusive = false, string? group = null)
    {
        var parsed = PromotionParser.Parse(new PromotionRequest(id.ToUpperInvariant(), $"Promotion {id}", true, priority, exclusive, group, null, rule, conditions, null), Currency.Gbp);
        if (!parsed.IsSuccess)
            throw new ArgumentException($"{parsed.Error.Code} at {parsed.Error.Field}: {parsed.Error.Message}");
        return PromotionCache.ToPromotion(new PromotionId(id), parsed.Value, 1, DateTimeOffset.UnixEpoch);
    }

    public static RuleRequest PercentOff(decimal percent, params string[] skus) => new("percent_off", Skus: skus, Percent: percent);

    public static RuleRequest PercentOffCategory(decimal percent, string category) => new("percent_off", Categories: [category], Percent: percent);

    public static RuleRequest PercentOffBasket(decimal percent) => new("percent_off", Basket: true, Percent: percent);

    public static RuleRequest AmountOff(decimal amount, params string[] skus) => new("amount_off", Skus: skus, Amount: amount);

    public static RuleRequest AmountOffBasket(decimal amount) => new("amount_off", Basket: true, Amount: amount);

    public static RuleRequest MultiBuy(int quantity, int pay, params string[] skus) => new("multi_buy", Skus: skus, Quantity: quantity, Pay: pay);

    public static RuleRequest BuyGet(string[] buy, int x, string[] get, int y, decimal? percent = null) =>
        new("buy_get", Buy: new TargetRequest(buy, null, x), Get: new TargetRequest(get, null, y, percent));

    public static RuleRequest Bundle(decimal price, params (string Sku, int Quantity)[] items) =>
        new("bundle", Price: price, Items: items.Select(i => (BundleItemRequest?)new BundleItemRequest(i.Sku, i.Quantity)).ToList());

    public static RuleRequest FixedPrice(decimal price, params string[] skus) => new("fixed_price", Skus: skus, Price: price);

    public static RuleRequest SpendThreshold(decimal threshold, decimal? amount = null, decimal? percent = null) =>
        new("spend_threshold", Threshold: threshold, Amount: amount, Percent: percent);

    public static PricingLine Line(string sku, int quantity, decimal unit, string category = "Home/Kitchen") =>
        new(Sku.Parse(sku).Value, sku, quantity, (long)(unit * 100), category);

    public static PricingContext Context(
        SalesChannel channel = SalesChannel.Web, LocationId? store = null, string? storeZone = null, bool member = false, string? tier = null,
        IEnumerable<string>? unlocked = null, DateTimeOffset? at = null) =>
        new(channel, store, storeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(storeZone), member, tier,
            (unlocked ?? []).Select(u => new PromotionId(u)).ToHashSet(), at ?? Friday1730London, Currency.Gbp);

    public static PricedBasket Price(IEnumerable<Promotion> promotions, PricingContext context, params PricingLine[] lines) =>
        PricingEngine.Price(PromotionIndex.Build(promotions, 1), context, lines);

    public static PricedBasket Price(Promotion promotion, params PricingLine[] lines) => Price([promotion], Context(), lines);
}

internal static class PricedBasketExtensions
{
    public static PricedLine Line(this PricedBasket basket, string sku) => basket.Lines.Single(l => l.Sku.Value == sku);

    public static string? ReasonFor(this PricedBasket basket, string promotion) =>
        basket.Lines.SelectMany(l => l.Declined).Concat(basket.Declined).FirstOrDefault(d => d.Promotion.Value == promotion)?.Reason;
}
