using System.Globalization;
using UniRetail.Kernel;
using UniRetail.Promotions.Definitions;
using UniRetail.WebConsole.Components.Shared;

namespace UniRetail.WebConsole.Pages.Promotions;

/// <summary>
/// The promotion form as typed: text for every field, turned into the API's <see cref="PromotionRequest"/> (and back, to
/// edit). A number that is not one is refused here with the API's field name; everything else is the handler's to judge.
/// </summary>
internal sealed class PromotionForm
{
    public static readonly IReadOnlyList<(string Kind, string Label)> Kinds =
    [
        ("percent_off", "Percent off"), ("amount_off", "Amount off"), ("multi_buy", "Multi-buy (3 for 2)"), ("buy_get", "Buy X get Y"),
        ("bundle", "Bundle price"), ("fixed_price", "Fixed price (member or tier price)"), ("spend_threshold", "Spend threshold"),
    ];

    public string? Code { get; set; }
    public string? Name { get; set; }
    public string Kind { get; set; } = "percent_off";
    public bool Active { get; set; } = true;
    public string? Skus { get; set; }
    public string? Categories { get; set; }
    public bool WholeBasket { get; set; }
    public string? Percent { get; set; }
    public string? Amount { get; set; }
    public string? Quantity { get; set; }
    public string? Pay { get; set; }
    public string? Price { get; set; }
    public string? Threshold { get; set; }
    public string? GetSkus { get; set; }
    public string? GetCategories { get; set; }
    public string? GetQuantity { get; set; }
    public string? GetPercent { get; set; }
    public string? BundleItems { get; set; }
    public HashSet<string> Channels { get; init; } = new(StringComparer.Ordinal);
    public HashSet<string> Stores { get; init; } = new(StringComparer.Ordinal);
    public bool MembersOnly { get; set; }
    public string? Tiers { get; set; }
    public bool CouponRequired { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public string? Days { get; set; }
    public string? HoursFrom { get; set; }
    public string? HoursTo { get; set; }
    public string? TimeZone { get; set; }
    public string? Priority { get; set; }
    public bool Exclusive { get; set; }
    public string? StackingGroup { get; set; }

    /// <summary>The kinds whose target is SKUs or categories (buy X get Y names two targets; a bundle lists its items).</summary>
    public bool HasTarget => Kind is "percent_off" or "amount_off" or "multi_buy" or "fixed_price" or "spend_threshold" or "buy_get";

    public bool MayTargetBasket => Kind is "percent_off" or "amount_off" or "spend_threshold";

    public Result<PromotionRequest> ToRequest(int? version)
    {
        var priority = Format.OptionalWhole(Priority, "priority");
        if (!priority.IsSuccess)
            return priority.Error;
        var rule = ToRule();
        if (!rule.IsSuccess)
            return rule.Error;
        var conditions = ToConditions();
        if (!conditions.IsSuccess)
            return conditions.Error;
        return new PromotionRequest(Code, Name, Active, priority.Value, Exclusive, Blank(StackingGroup), null, rule.Value, conditions.Value, version);
    }

    private Result<RuleRequest> ToRule()
    {
        var percent = Format.OptionalAmount(Percent, "rule.percent");
        var amount = Format.OptionalAmount(Amount, "rule.amount");
        var quantity = Format.OptionalWhole(Quantity, Kind == "buy_get" ? "rule.buy.quantity" : "rule.quantity");
        var pay = Format.OptionalWhole(Pay, "rule.pay");
        var price = Format.OptionalAmount(Price, "rule.price");
        var threshold = Format.OptionalAmount(Threshold, "rule.threshold");
        var getQuantity = Format.OptionalWhole(GetQuantity, "rule.get.quantity");
        var getPercent = Format.OptionalAmount(GetPercent, "rule.get.percent");
        if (FirstError(percent.Error, amount.Error, quantity.Error, pay.Error, price.Error, threshold.Error, getQuantity.Error, getPercent.Error) is { } error)
            return error;
        var basket = MayTargetBasket && WholeBasket;
        string[]? skus = basket ? null : Format.List(Skus), categories = basket ? null : Format.List(Categories);
        bool? whole = basket ? true : null;
        // Only the fields of the chosen kind are sent: a value left in a field of another kind is not an error.
        return Kind switch
        {
            "percent_off" => new RuleRequest(Kind, skus, categories, whole, Percent: percent.Value),
            "amount_off" => new RuleRequest(Kind, skus, categories, whole, Amount: amount.Value),
            "multi_buy" => new RuleRequest(Kind, skus, categories, Quantity: quantity.Value, Pay: pay.Value),
            "fixed_price" => new RuleRequest(Kind, skus, categories, Price: price.Value),
            "spend_threshold" => new RuleRequest(Kind, skus, categories, whole, percent.Value, amount.Value, Threshold: threshold.Value),
            "buy_get" => new RuleRequest(Kind,
                Buy: new TargetRequest(skus, categories, quantity.Value),
                Get: new TargetRequest(Format.List(GetSkus), Format.List(GetCategories), getQuantity.Value, getPercent.Value)),
            "bundle" => Bundle(price.Value),
            _ => new RuleRequest(Kind),
        };
    }

    /// <summary>Bundle items typed as <c>SKU:quantity</c> (quantity 1 when left out), comma-separated.</summary>
    private Result<RuleRequest> Bundle(decimal? price)
    {
        var items = new List<BundleItemRequest?>();
        var typed = Format.List(BundleItems) ?? [];
        for (var i = 0; i < typed.Length; i++)
        {
            var parts = typed[i].Split(':', 2, StringSplitOptions.TrimEntries);
            var quantity = parts.Length == 1 ? 1 : Format.Whole(parts[1], $"rule.items[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            items.Add(new BundleItemRequest(parts[0], quantity.Value));
        }
        return new RuleRequest(Kind, Price: price, Items: items);
    }

    private Result<ConditionsRequest> ToConditions()
    {
        var from = Format.Instant(ValidFrom, "conditions.validFrom");
        if (!from.IsSuccess)
            return from.Error;
        var to = Format.Instant(ValidTo, "conditions.validTo");
        if (!to.IsSuccess)
            return to.Error;
        var schedule = Format.List(Days) is not null || !string.IsNullOrWhiteSpace(HoursFrom) || !string.IsNullOrWhiteSpace(HoursTo)
            ? new ScheduleRequest(Format.List(Days), Blank(HoursFrom), Blank(HoursTo), Blank(TimeZone))
            : null;
        return new ConditionsRequest(
            Channels.Count > 0 ? Channels.Order(StringComparer.Ordinal).Select(c => (string?)c).ToList() : null,
            Stores.Count > 0 ? Stores.Order(StringComparer.Ordinal).Select(s => (string?)s).ToList() : null,
            MembersOnly ? true : null, Format.List(Tiers), CouponRequired ? true : null, from.Value, to.Value, schedule);
    }

    /// <summary>The form filled from a saved promotion, to edit it.</summary>
    public static PromotionForm From(PromotionView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var r = p.Rule;
        var c = p.Conditions;
        var buyGet = r.Kind == "buy_get";
        return new PromotionForm
        {
            Code = p.Code, Name = p.Name, Kind = r.Kind ?? "percent_off", Active = p.Active, Priority = Text(p.Priority), Exclusive = p.Exclusive, StackingGroup = p.StackingGroup,
            Skus = Join(buyGet ? r.Buy?.Skus : r.Skus), Categories = Join(buyGet ? r.Buy?.Categories : r.Categories), WholeBasket = r.Basket == true,
            Percent = Text(r.Percent), Amount = Text(r.Amount), Quantity = Text(buyGet ? r.Buy?.Quantity : r.Quantity), Pay = Text(r.Pay),
            Price = Text(r.Price), Threshold = Text(r.Threshold),
            GetSkus = Join(r.Get?.Skus), GetCategories = Join(r.Get?.Categories), GetQuantity = Text(r.Get?.Quantity), GetPercent = Text(r.Get?.Percent),
            BundleItems = r.Items is null ? null : string.Join(", ", r.Items.Select(i => $"{i?.Sku}:{i?.Quantity}")),
            Channels = new HashSet<string>(c.Channels?.OfType<string>() ?? [], StringComparer.Ordinal),
            Stores = new HashSet<string>(c.StoreIds?.OfType<string>() ?? [], StringComparer.Ordinal),
            MembersOnly = c.MembersOnly == true, Tiers = Join(c.Tiers), CouponRequired = c.CouponRequired == true,
            ValidFrom = c.ValidFrom is { } f ? Format.Instant(f) : null, ValidTo = c.ValidTo is { } t ? Format.Instant(t) : null,
            Days = Join(c.Schedule?.Days), HoursFrom = c.Schedule?.From, HoursTo = c.Schedule?.To, TimeZone = c.Schedule?.TimeZone,
        };
    }

    private static Error? FirstError(params Error?[] errors) => errors.FirstOrDefault(e => e is not null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Join(IEnumerable<string?>? items) => items is null ? null : string.Join(", ", items);

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Where a promotion stands now: ended (deactivated, or its window is over), scheduled (its window has not opened) or active.</summary>
internal static class PromotionStatus
{
    public static string Of(PromotionView p, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!p.Active || (p.Conditions.ValidTo is { } to && to <= now))
            return "ended";
        return p.Conditions.ValidFrom is { } from && from > now ? "scheduled" : "active";
    }
}
