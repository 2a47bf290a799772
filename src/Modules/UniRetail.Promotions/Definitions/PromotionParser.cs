using System.Globalization;
using UniRetail.Kernel;
using UniRetail.Promotions.Domain;

namespace UniRetail.Promotions.Definitions;

/// <summary>A promotion checked on its own (no I/O yet): the domain rule and conditions, and what must exist in the tenant.</summary>
internal sealed record ParsedPromotion(
    string Code,
    string Name,
    bool Active,
    int Priority,
    bool Exclusive,
    string StackingGroup,
    Rule Rule,
    Conditions Conditions,
    RuleRequest StoredRule,
    ConditionsRequest StoredConditions,
    IReadOnlyList<(Sku Sku, string Field)> Skus,
    IReadOnlyList<(string Category, string Field)> Categories,
    IReadOnlyList<(LocationId Store, string Field)> Stores);

/// <summary>Reads a <see cref="PromotionRequest"/>; a rule that contradicts itself is refused with the field at fault.</summary>
internal sealed class PromotionParser
{
    public const int MaxSkusPerRule = 1000;
    public const int MaxCategoriesPerRule = 100;
    public const int MaxBundleItems = 20;
    public const int MaxStores = 500;
    public const int MaxTiers = 20;
    public const int MaxGroupQuantity = 1000;

    private readonly Currency _currency;
    private readonly List<(Sku, string)> _skus = [];
    private readonly List<(string, string)> _categories = [];
    private readonly List<(LocationId, string)> _stores = [];

    private PromotionParser(Currency currency) => _currency = currency;

    public static Result<ParsedPromotion> Parse(PromotionRequest request, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new PromotionParser(currency).Read(request);
    }

    private Result<ParsedPromotion> Read(PromotionRequest request)
    {
        if (request.Currency is { } given && !string.Equals(given.Trim(), _currency.Code, StringComparison.OrdinalIgnoreCase))
            return PromotionsErrors.WrongCurrency(given, _currency.Code);
        var code = request.Code?.Trim();
        if (string.IsNullOrEmpty(code))
            return PromotionsErrors.Required("code");
        if (!Word(code))
            return PromotionsErrors.BadCode(request.Code);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            return PromotionsErrors.Required("name");
        if (name.Length > 200 || name.Any(char.IsControl))
            return PromotionsErrors.BadName();
        var priority = request.Priority ?? 0;
        if (priority is < -1000 or > 1000)
            return PromotionsErrors.BadPriority();
        if (request.Rule is null)
            return PromotionsErrors.Required("rule");
        var rule = ReadRule(request.Rule);
        if (!rule.IsSuccess)
            return rule.Error;
        var group = request.StackingGroup?.Trim();
        if (string.IsNullOrEmpty(group))
            group = Promotion.DefaultGroup(rule.Value.Rule);
        else if (!Word(group))
            return PromotionsErrors.BadStackingGroup(request.StackingGroup);
        var conditions = ReadConditions(request.Conditions ?? new ConditionsRequest());
        if (!conditions.IsSuccess)
            return conditions.Error;
        return new ParsedPromotion(code, name, request.Active ?? true, priority, request.Exclusive ?? false, group, rule.Value.Rule,
            conditions.Value.Conditions, rule.Value.Stored, conditions.Value.Stored, _skus, _categories, _stores);
    }

    private static bool Word(string text) => text.Length is > 0 and <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private Result<(Rule Rule, RuleRequest Stored)> ReadRule(RuleRequest r)
    {
        const string at = "rule";
        var kind = r.Kind?.Trim().ToLowerInvariant();
        switch (kind)
        {
            case "percent_off":
            case "amount_off":
            {
                var target = ReadTarget(r.Skus, r.Categories, r.Basket, at, basketAllowed: true);
                if (!target.IsSuccess)
                    return target.Error;
                if (kind == "percent_off")
                {
                    if (r.Amount is not null)
                        return PromotionsErrors.IrrelevantField(kind, "rule.amount");
                    var percent = ReadPercent(r.Percent, "rule.percent");
                    return percent.IsSuccess
                        ? (new PercentOff(target.Value.Target, percent.Value), new RuleRequest(kind, target.Value.Skus, target.Value.Categories, target.Value.Target.Basket ? true : null, Percent: percent.Value))
                        : percent.Error;
                }
                if (r.Percent is not null)
                    return PromotionsErrors.IrrelevantField(kind, "rule.percent");
                var amount = ReadMoney(r.Amount, "rule.amount", positive: true);
                return amount.IsSuccess
                    ? (new AmountOff(target.Value.Target, amount.Value), new RuleRequest(kind, target.Value.Skus, target.Value.Categories, target.Value.Target.Basket ? true : null, Amount: r.Amount))
                    : amount.Error;
            }
            case "multi_buy":
            {
                var target = ReadTarget(r.Skus, r.Categories, r.Basket, at, basketAllowed: false, kind);
                if (!target.IsSuccess)
                    return target.Error;
                if (r.Quantity is not { } quantity || quantity < 2 || quantity > MaxGroupQuantity)
                    return PromotionsErrors.BadQuantity("rule.quantity", $"A multi-buy groups 2 to {MaxGroupQuantity} units.");
                if (r.Pay is not { } pay || pay < 0 || pay >= quantity)
                    return PromotionsErrors.BadQuantity("rule.pay", "A multi-buy pays for fewer units than it groups (3 for 2: quantity 3, pay 2), and at least 0.");
                return (new MultiBuy(target.Value.Target, quantity, pay, null), new RuleRequest(kind, target.Value.Skus, target.Value.Categories, Quantity: quantity, Pay: pay));
            }
            case "buy_get":
            {
                if (r.Buy is null)
                    return PromotionsErrors.Required("rule.buy");
                if (r.Get is null)
                    return PromotionsErrors.Required("rule.get");
                var buy = ReadTarget(r.Buy.Skus, r.Buy.Categories, null, "rule.buy", basketAllowed: false, kind);
                if (!buy.IsSuccess)
                    return buy.Error;
                var get = ReadTarget(r.Get.Skus, r.Get.Categories, null, "rule.get", basketAllowed: false, kind);
                if (!get.IsSuccess)
                    return get.Error;
                if (r.Buy.Quantity is not { } x || x < 1 || x > MaxGroupQuantity)
                    return PromotionsErrors.BadQuantity("rule.buy.quantity", $"Buy 1 to {MaxGroupQuantity} units.");
                if (r.Get.Quantity is not { } y || y < 1 || y > MaxGroupQuantity)
                    return PromotionsErrors.BadQuantity("rule.get.quantity", $"Get 1 to {MaxGroupQuantity} units (buy 0 get 1 is a gift: use amount_off).");
                var percent = r.Get.Percent is null ? 100m : ReadPercent(r.Get.Percent, "rule.get.percent") is { IsSuccess: true } p ? p.Value : -1m;
                if (percent < 0)
                    return PromotionsErrors.BadPercent("rule.get.percent");
                return (new BuyGet(buy.Value.Target, x, get.Value.Target, y, percent),
                    new RuleRequest(kind, Buy: new TargetRequest(buy.Value.Skus, buy.Value.Categories, x), Get: new TargetRequest(get.Value.Skus, get.Value.Categories, y, percent)));
            }
            case "bundle":
            {
                if (r.Items is not { Count: > 0 } items)
                    return PromotionsErrors.Required("rule.items");
                if (items.Count < 2 && (items[0]?.Quantity ?? 1) < 2)
                    return PromotionsErrors.BadQuantity("rule.items", "A bundle holds at least two units (two SKUs, or one SKU twice).");
                if (items.Count > MaxBundleItems)
                    return PromotionsErrors.TooLarge("bundle items", MaxBundleItems, "rule.items");
                var parsed = new List<BundleItem>(items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    var field = $"rule.items[{i}]";
                    var sku = Sku.Parse(items[i]?.Sku, field + ".sku");
                    if (!sku.IsSuccess)
                        return sku.Error;
                    if (items[i]!.Quantity is not { } q || q < 1 || q > MaxGroupQuantity)
                        return PromotionsErrors.BadQuantity(field + ".quantity", $"A bundle item is 1 to {MaxGroupQuantity} units.");
                    if (parsed.Any(b => b.Sku == sku.Value))
                        return PromotionsErrors.Duplicate($"SKU '{sku.Value}'", field + ".sku");
                    parsed.Add(new BundleItem(sku.Value, q));
                    _skus.Add((sku.Value, field + ".sku"));
                }
                var price = ReadMoney(r.Price, "rule.price", positive: false);
                if (!price.IsSuccess)
                    return price.Error;
                return (new Bundle(parsed, price.Value),
                    new RuleRequest(kind, Price: r.Price, Items: parsed.Select(b => new BundleItemRequest(b.Sku.Value, b.Quantity)).ToList()));
            }
            case "fixed_price":
            {
                var target = ReadTarget(r.Skus, r.Categories, r.Basket, at, basketAllowed: false, kind);
                if (!target.IsSuccess)
                    return target.Error;
                var price = ReadMoney(r.Price, "rule.price", positive: false);
                return price.IsSuccess
                    ? (new FixedPrice(target.Value.Target, price.Value), new RuleRequest(kind, target.Value.Skus, target.Value.Categories, Price: r.Price))
                    : price.Error;
            }
            case "spend_threshold":
            {
                var target = r.Skus is null && r.Categories is null
                    ? Result<(Target Target, IReadOnlyList<string?>? Skus, IReadOnlyList<string?>? Categories)>.Success((Target.WholeBasket, null, null))
                    : ReadTarget(r.Skus, r.Categories, r.Basket, at, basketAllowed: true);
                if (!target.IsSuccess)
                    return target.Error;
                var threshold = ReadMoney(r.Threshold, "rule.threshold", positive: true);
                if (!threshold.IsSuccess)
                    return threshold.Error;
                if ((r.Amount is null) == (r.Percent is null))
                    return PromotionsErrors.Required("rule.amount");
                decimal? percent = null;
                long? amount = null;
                if (r.Percent is not null)
                {
                    var p = ReadPercent(r.Percent, "rule.percent");
                    if (!p.IsSuccess)
                        return p.Error;
                    percent = p.Value;
                }
                else
                {
                    var a = ReadMoney(r.Amount, "rule.amount", positive: true);
                    if (!a.IsSuccess)
                        return a.Error;
                    if (a.Value > threshold.Value)
                        return PromotionsErrors.BadAmount("rule.amount", "A spend threshold saves at most what it asks to be spent (spend £50, save at most £50).");
                    amount = a.Value;
                }
                return (new SpendThreshold(target.Value.Target, threshold.Value, amount, percent),
                    new RuleRequest(kind, target.Value.Skus, target.Value.Categories, target.Value.Target.Basket ? true : null, Percent: r.Percent, Amount: r.Amount, Threshold: r.Threshold));
            }
            case null or "":
                return PromotionsErrors.Required("rule.kind");
            default:
                return PromotionsErrors.UnknownKind(r.Kind);
        }
    }

    private Result<(Target Target, IReadOnlyList<string?>? Skus, IReadOnlyList<string?>? Categories)> ReadTarget(
        IReadOnlyList<string?>? skus, IReadOnlyList<string?>? categories, bool? basket, string at, bool basketAllowed, string kind = "")
    {
        if (basket == true)
        {
            if (!basketAllowed)
                return PromotionsErrors.BasketNotAllowed(kind, at + ".basket");
            if (skus is { Count: > 0 } || categories is { Count: > 0 })
                return PromotionsErrors.IrrelevantField("whole-basket", at + (skus is { Count: > 0 } ? ".skus" : ".categories"));
            return (Target.WholeBasket, null, null);
        }
        if ((skus?.Count ?? 0) + (categories?.Count ?? 0) == 0)
            return PromotionsErrors.NoTarget(at);
        if (skus?.Count > MaxSkusPerRule)
            return PromotionsErrors.TooLarge("SKUs in a target", MaxSkusPerRule, at + ".skus");
        if (categories?.Count > MaxCategoriesPerRule)
            return PromotionsErrors.TooLarge("categories in a target", MaxCategoriesPerRule, at + ".categories");
        var skuSet = new HashSet<Sku>();
        for (var i = 0; i < (skus?.Count ?? 0); i++)
        {
            var field = $"{at}.skus[{i}]";
            var sku = Sku.Parse(skus![i], field);
            if (!sku.IsSuccess)
                return sku.Error;
            if (!skuSet.Add(sku.Value))
                return PromotionsErrors.Duplicate($"SKU '{sku.Value}'", field);
            _skus.Add((sku.Value, field));
        }
        var categoryList = new List<string>();
        for (var i = 0; i < (categories?.Count ?? 0); i++)
        {
            var field = $"{at}.categories[{i}]";
            var category = CategoryPath(categories![i]);
            if (category is null)
                return PromotionsErrors.BadCategory(categories[i], field);
            if (categoryList.Contains(category))
                return PromotionsErrors.Duplicate($"Category '{category}'", field);
            categoryList.Add(category);
            _categories.Add((category, field));
        }
        return (new Target(skuSet, categoryList, false), skuSet.Count == 0 ? null : skuSet.Select(s => (string?)s.Value).ToList(),
            categoryList.Count == 0 ? null : categoryList.Select(c => (string?)c).ToList());
    }

    /// <summary>A category path written as the catalog writes it: levels trimmed, joined by '/'; at most 8 levels of 1 to 64 characters.</summary>
    private static string? CategoryPath(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var levels = value.Split('/', StringSplitOptions.TrimEntries);
        return levels.Length > 8 || levels.Any(l => l.Length is 0 or > 64 || l.Any(char.IsControl)) ? null : string.Join('/', levels);
    }

    private static Result<decimal> ReadPercent(decimal? value, string field) =>
        value is { } p && p > 0 && p <= 100 && decimal.Round(p, 2) == p ? p : PromotionsErrors.BadPercent(field);

    private Result<long> ReadMoney(decimal? value, string field, bool positive)
    {
        if (value is not { } amount)
            return PromotionsErrors.Required(field);
        var money = Money.Of(amount, _currency, field);
        if (!money.IsSuccess)
            return PromotionsErrors.BadAmount(field, money.Error.Message);
        if (positive && amount == 0)
            return PromotionsErrors.BadAmount(field, "The amount is more than zero.");
        return money.Value.MinorUnits;
    }

    private Result<(Conditions Conditions, ConditionsRequest Stored)> ReadConditions(ConditionsRequest c)
    {
        var channels = new HashSet<SalesChannel>();
        for (var i = 0; i < (c.Channels?.Count ?? 0); i++)
        {
            var channel = SalesChannels.Parse(c.Channels![i], $"conditions.channels[{i}]");
            if (!channel.IsSuccess)
                return channel.Error with { Code = "promotions.unknown_channel" };
            if (!channels.Add(channel.Value))
                return PromotionsErrors.Duplicate($"Channel '{c.Channels[i]}'", $"conditions.channels[{i}]");
        }
        if (c.StoreIds?.Count > MaxStores)
            return PromotionsErrors.TooLarge("stores", MaxStores, "conditions.storeIds");
        var stores = new HashSet<LocationId>();
        for (var i = 0; i < (c.StoreIds?.Count ?? 0); i++)
        {
            var field = $"conditions.storeIds[{i}]";
            if (string.IsNullOrWhiteSpace(c.StoreIds![i]))
                return PromotionsErrors.Required(field);
            var store = new LocationId(c.StoreIds[i]!.Trim());
            if (!stores.Add(store))
                return PromotionsErrors.Duplicate($"Store '{store}'", field);
            _stores.Add((store, field));
        }
        if (c.Tiers?.Count > MaxTiers)
            return PromotionsErrors.TooLarge("tiers", MaxTiers, "conditions.tiers");
        var tiers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (c.Tiers?.Count ?? 0); i++)
        {
            var tier = c.Tiers![i]?.Trim().ToLowerInvariant();
            if (tier is null || !Word(tier))
                return PromotionsErrors.BadTier($"conditions.tiers[{i}]");
            if (!tiers.Add(tier))
                return PromotionsErrors.Duplicate($"Tier '{tier}'", $"conditions.tiers[{i}]");
        }
        if (c.ValidFrom is { } from && c.ValidTo is { } to && to <= from)
            return PromotionsErrors.BadWindow();
        WeeklySchedule? schedule = null;
        if (c.Schedule is { } s)
        {
            var read = ReadSchedule(s);
            if (!read.IsSuccess)
                return read.Error;
            schedule = read.Value;
        }
        var conditions = new Conditions(channels, stores, c.MembersOnly ?? false, tiers, c.CouponRequired ?? false, c.ValidFrom, c.ValidTo, schedule);
        var stored = new ConditionsRequest(
            channels.Count == 0 ? null : channels.Order().Select(ch => (string?)SalesChannels.ToName(ch)).ToList(),
            stores.Count == 0 ? null : stores.Select(st => (string?)st.Value).ToList(),
            conditions.MembersOnly ? true : null,
            tiers.Count == 0 ? null : tiers.Select(t => (string?)t).ToList(),
            conditions.CouponRequired ? true : null,
            c.ValidFrom, c.ValidTo,
            schedule is null ? null : new ScheduleRequest(
                schedule.Days.Order().Select(d => (string?)DayNames[(int)d]).ToList(),
                schedule.From.ToString("HH:mm", CultureInfo.InvariantCulture), schedule.To.ToString("HH:mm", CultureInfo.InvariantCulture), schedule.TimeZone));
        return (conditions, stored);
    }

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static Result<WeeklySchedule> ReadSchedule(ScheduleRequest s)
    {
        var days = new HashSet<DayOfWeek>();
        if (s.Days is not { Count: > 0 })
            return PromotionsErrors.BadSchedule("conditions.schedule.days", "A schedule names its days: mon, tue, wed, thu, fri, sat, sun.");
        for (var i = 0; i < s.Days.Count; i++)
        {
            var day = Array.IndexOf(DayNames, s.Days[i]?.Trim().ToLowerInvariant());
            if (day < 0)
                return PromotionsErrors.BadSchedule($"conditions.schedule.days[{i}]", $"'{s.Days[i]}' is not a day: mon, tue, wed, thu, fri, sat, sun.");
            days.Add((DayOfWeek)day);
        }
        if (!TimeOnly.TryParseExact(s.From, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            return PromotionsErrors.BadSchedule("conditions.schedule.from", "'from' is a local time HH:mm, such as 17:00.");
        if (!TimeOnly.TryParseExact(s.To, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            return PromotionsErrors.BadSchedule("conditions.schedule.to", "'to' is a local time HH:mm, such as 19:00.");
        if (from == to)
            return PromotionsErrors.BadSchedule("conditions.schedule.to", "A schedule's window ends at another time than it starts (over midnight when 'to' is earlier).");
        var zone = s.TimeZone?.Trim();
        if (string.IsNullOrEmpty(zone))
            return PromotionsErrors.Required("conditions.schedule.timeZone");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            return PromotionsErrors.BadTimeZone(s.TimeZone, "conditions.schedule.timeZone");
        return new WeeklySchedule(days, from, to, zone);
    }
}
