using UniRetail.Kernel;
using UniRetail.Marketing.Domain;

namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>
/// A tenant's AIPL rules: which events put a person in which stage and for how long. An event counts on its UTC day and
/// for <c>days</c> days after it (an Interested person with no engagement for 16 days has dropped). Highest stage wins.
/// The defaults follow Tmall's Data Bank (Alibaba's consumer-asset definitions as service providers describe them):
/// Aware from an exposure within 15 days, Interested from an engagement within 15 days, Purchased from an order within
/// 2.5 years (913 days), Loyal from purchases on at least two days within 365 days, a positive review (rating 4 or more)
/// within 365 days, or membership of a tier the tenant names.
/// </summary>
internal sealed record AiplRules(StageRule Aware, StageRule Interested, StageRule Purchased, LoyalRule Loyal)
{
    public static readonly AiplRules Default = new(
        new StageRule(["page", "screen", "Product Viewed", "Product List Viewed", "Promotion Viewed", "Ad Impression", "Store Visited"], 15),
        new StageRule(["Product Clicked", "Products Searched", "Product Added", "Product Added to Wishlist", "Promotion Clicked", "Coupon Entered", "Coupon Applied", "Bag Scanned"], 15),
        new StageRule(["Order Completed"], 913),
        new LoyalRule(2, 365, ["Product Reviewed"], 4, []));

    /// <summary>The longest window: how far back a count on a day reads.</summary>
    public int LongestDays => Math.Max(Math.Max(Aware.Days, Interested.Days), Math.Max(Purchased.Days, Loyal.Days));

    /// <summary>What an event (a track event's name, or "page"/"screen") counts as; None when it is not in the rules.</summary>
    public AiplKinds KindOf(string key)
    {
        if (Purchased.Events.Contains(key, StringComparer.Ordinal))
            return AiplKinds.Purchase;
        if (Loyal.Events.Contains(key, StringComparer.Ordinal))
            return AiplKinds.LoyaltySignal;
        if (Interested.Events.Contains(key, StringComparer.Ordinal))
            return AiplKinds.Engagement;
        if (Aware.Events.Contains(key, StringComparer.Ordinal))
            return AiplKinds.Exposure;
        return AiplKinds.None;
    }

    /// <summary>The stage on <paramref name="day"/> from a person's day rows in one category (the rule the count SQL also writes).</summary>
    public AiplStage StageOn(int day, IEnumerable<(int Day, AiplKinds Kinds)> days)
    {
        var purchaseDays = 0;
        bool loyalSignal = false, purchased = false, engaged = false, exposed = false;
        foreach (var (d, kinds) in days)
        {
            if (d > day)
                continue;
            var age = day - d;
            if (kinds.HasFlag(AiplKinds.Purchase) && age <= Loyal.Days)
                purchaseDays++;
            loyalSignal |= kinds.HasFlag(AiplKinds.LoyaltySignal) && age <= Loyal.Days;
            purchased |= kinds.HasFlag(AiplKinds.Purchase) && age <= Purchased.Days;
            engaged |= kinds.HasFlag(AiplKinds.Engagement) && age <= Interested.Days;
            exposed |= kinds.HasFlag(AiplKinds.Exposure) && age <= Aware.Days;
        }
        return purchaseDays >= Loyal.PurchaseDays || loyalSignal ? AiplStage.Loyal
            : purchased ? AiplStage.Purchased
            : engaged ? AiplStage.Interested
            : exposed ? AiplStage.Aware
            : AiplStage.Outside;
    }

    public const int MaxDays = 3650;
    public const int MaxEvents = 100;

    /// <summary>Checks a rule set as sent (every stage defined, windows in range, no event in two stages).</summary>
    public static Result<AiplRules> From(AiplRulesRequest? request)
    {
        if (request is null)
            return MarketingErrors.BadAiplRules("rules", "A rule set names aware, interested, purchased and loyal.");
        var aware = Stage(request.Aware, "aware", required: true);
        if (!aware.IsSuccess)
            return aware.Error;
        var interested = Stage(request.Interested, "interested", required: true);
        if (!interested.IsSuccess)
            return interested.Error;
        var purchased = Stage(request.Purchased, "purchased", required: true);
        if (!purchased.IsSuccess)
            return purchased.Error;
        if (request.Loyal is not { } loyal)
            return MarketingErrors.BadAiplRules("loyal", "The rule set leaves Loyal undefined.");
        if (loyal.PurchaseDays is not { } purchaseDays || purchaseDays is < 1 or > 366)
            return MarketingErrors.BadAiplRules("loyal.purchaseDays", "'loyal.purchaseDays' (purchases on that many different days make a person Loyal) is between 1 and 366.");
        if (loyal.Days is not { } loyalDays || loyalDays is < 1 or > MaxDays)
            return MarketingErrors.BadAiplRules("loyal.days", $"'loyal.days' is between 1 and {MaxDays}.");
        var loyalEvents = Stage(new StageRuleRequest(loyal.Events ?? [], loyalDays), "loyal", required: false);
        if (!loyalEvents.IsSuccess)
            return loyalEvents.Error;
        if (loyal.MinRating is { } rating && (rating < 0 || rating > 100))
            return MarketingErrors.BadAiplRules("loyal.minRating", "'loyal.minRating' is between 0 and 100.");
        var tiers = (loyal.Tiers ?? []).ToList();
        if (tiers.Count > MaxEvents || tiers.Exists(t => string.IsNullOrWhiteSpace(t) || t.Length > 100))
            return MarketingErrors.BadAiplRules("loyal.tiers", $"'loyal.tiers' holds at most {MaxEvents} tier names of 1 to 100 characters.");
        var rules = new AiplRules(aware.Value, interested.Value, purchased.Value, new LoyalRule(purchaseDays, loyalDays, loyalEvents.Value.Events, loyal.MinRating, tiers));
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, events) in new[] { ("aware", rules.Aware.Events), ("interested", rules.Interested.Events), ("purchased", rules.Purchased.Events), ("loyal", rules.Loyal.Events) })
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (!seen.TryAdd(events[i], field))
                    return MarketingErrors.BadAiplRules($"{field}.events[{i}]", $"'{events[i]}' is already an event of '{seen[events[i]]}': an event puts a person in one stage.");
            }
        }
        return rules;
    }

    private static Result<StageRule> Stage(StageRuleRequest? request, string field, bool required)
    {
        if (request is null)
            return MarketingErrors.BadAiplRules(field, $"The rule set leaves '{field}' undefined.");
        var events = request.Events ?? [];
        if (required && events.Count == 0)
            return MarketingErrors.BadAiplRules($"{field}.events", $"'{field}.events' names at least one event: without one the stage is undefined.");
        if (events.Count > MaxEvents)
            return MarketingErrors.BadAiplRules($"{field}.events", $"'{field}.events' names at most {MaxEvents} events.");
        for (var i = 0; i < events.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(events[i]) || events[i].Length > 200)
                return MarketingErrors.BadAiplRules($"{field}.events[{i}]", "An event name has 1 to 200 characters.");
        }
        if (request.Days is not { } days || days is < 1 or > MaxDays)
            return MarketingErrors.BadAiplRules($"{field}.days", $"'{field}.days' is between 1 and {MaxDays}.");
        return new StageRule(events.ToList(), days);
    }

    public AiplRulesRequest ToRequest() => new(
        new StageRuleRequest(Aware.Events, Aware.Days), new StageRuleRequest(Interested.Events, Interested.Days),
        new StageRuleRequest(Purchased.Events, Purchased.Days), new LoyalRuleRequest(Loyal.PurchaseDays, Loyal.Days, Loyal.Events, Loyal.MinRating, Loyal.Tiers));
}

/// <summary>The events that put a person in a stage, and for how many days after each.</summary>
internal sealed record StageRule(IReadOnlyList<string> Events, int Days);

/// <summary>Loyal: purchases on <c>PurchaseDays</c> different days within <c>Days</c>, or a loyalty event (a review rated at least <c>MinRating</c>) within <c>Days</c>, or a tier among <c>Tiers</c>.</summary>
internal sealed record LoyalRule(int PurchaseDays, int Days, IReadOnlyList<string> Events, decimal? MinRating, IReadOnlyList<string> Tiers);

/// <summary>The rules as the API and the CLI's JSON file carry them; every stage must be present.</summary>
internal sealed record AiplRulesRequest(StageRuleRequest? Aware, StageRuleRequest? Interested, StageRuleRequest? Purchased, LoyalRuleRequest? Loyal);

internal sealed record StageRuleRequest(IReadOnlyList<string>? Events, int? Days);

internal sealed record LoyalRuleRequest(int? PurchaseDays, int? Days, IReadOnlyList<string>? Events, decimal? MinRating, IReadOnlyList<string>? Tiers);
