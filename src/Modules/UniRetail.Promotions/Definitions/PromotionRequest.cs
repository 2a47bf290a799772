namespace UniRetail.Promotions.Definitions;

/// <summary>
/// A promotion as the API and the CLI's JSON file write it. Amounts are decimals in the tenant's currency;
/// <c>version</c> on an update is the version read (optimistic concurrency). Omitted <c>active</c> means true.
/// </summary>
internal sealed record PromotionRequest(
    string? Code,
    string? Name,
    bool? Active,
    int? Priority,
    bool? Exclusive,
    string? StackingGroup,
    string? Currency,
    RuleRequest? Rule,
    ConditionsRequest? Conditions,
    int? Version);

/// <summary>
/// A rule: <c>kind</c> and the fields that kind reads. <c>percent_off</c>/<c>amount_off</c>: skus, categories or basket, with
/// percent or amount; <c>multi_buy</c>: skus/categories, quantity, pay; <c>buy_get</c>: buy {skus, categories, quantity},
/// get {skus, categories, quantity, percent}; <c>bundle</c>: items [{sku, quantity}], price; <c>fixed_price</c>: skus/categories,
/// price; <c>spend_threshold</c>: threshold and amount or percent, over the basket or skus/categories.
/// </summary>
internal sealed record RuleRequest(
    string? Kind,
    IReadOnlyList<string?>? Skus = null,
    IReadOnlyList<string?>? Categories = null,
    bool? Basket = null,
    decimal? Percent = null,
    decimal? Amount = null,
    int? Quantity = null,
    int? Pay = null,
    decimal? Price = null,
    decimal? Threshold = null,
    TargetRequest? Buy = null,
    TargetRequest? Get = null,
    IReadOnlyList<BundleItemRequest?>? Items = null);

internal sealed record TargetRequest(IReadOnlyList<string?>? Skus, IReadOnlyList<string?>? Categories, int? Quantity, decimal? Percent = null);

internal sealed record BundleItemRequest(string? Sku, int? Quantity);

/// <summary>Who and when: every list empty or absent means "any"; <c>schedule</c> reads the store's local time (the schedule's zone online).</summary>
internal sealed record ConditionsRequest(
    IReadOnlyList<string?>? Channels = null,
    IReadOnlyList<string?>? StoreIds = null,
    bool? MembersOnly = null,
    IReadOnlyList<string?>? Tiers = null,
    bool? CouponRequired = null,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidTo = null,
    ScheduleRequest? Schedule = null);

/// <summary>Days (<c>mon</c> … <c>sun</c>), <c>from</c>/<c>to</c> as <c>HH:mm</c> local time, and the zone used when the basket has no store.</summary>
internal sealed record ScheduleRequest(IReadOnlyList<string?>? Days, string? From, string? To, string? TimeZone);

/// <summary>A promotion as the API answers it.</summary>
internal sealed record PromotionView(
    string Id,
    string Code,
    string Name,
    bool Active,
    int Priority,
    bool Exclusive,
    string StackingGroup,
    string Currency,
    RuleRequest Rule,
    ConditionsRequest Conditions,
    int Version,
    DateTimeOffset UpdatedAt);
