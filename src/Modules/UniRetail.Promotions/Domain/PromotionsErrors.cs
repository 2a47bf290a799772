using UniRetail.Kernel;

namespace UniRetail.Promotions.Domain;

internal static class PromotionsErrors
{
    public static Error Required(string field) =>
        Error.Validation("promotions.required", $"'{field}' is required.", field);

    public static Error BadCode(string? code, string field = "code") =>
        Error.Validation("promotions.bad_code", $"'{code}' is not a promotion code: 1 to 64 letters, digits, '-' or '_'.", field);

    public static Error BadName(string field = "name") =>
        Error.Validation("promotions.bad_name", "A promotion's name has 1 to 200 printable characters.", field);

    public static Error BadPriority(string field = "priority") =>
        Error.Validation("promotions.bad_priority", "A priority is a whole number from -1000 to 1000.", field);

    public static Error BadStackingGroup(string? group, string field = "stackingGroup") =>
        Error.Validation("promotions.bad_stacking_group", $"'{group}' is not a stacking group: 1 to 64 letters, digits, '-' or '_'.", field);

    public static Error UnknownKind(string? kind, string field = "rule.kind") =>
        Error.Validation("promotions.unknown_kind", $"'{kind}' is not a rule kind (percent_off, amount_off, multi_buy, buy_get, bundle, fixed_price, spend_threshold).", field);

    public static Error BadPercent(string field) =>
        Error.Validation("promotions.bad_percent", "A percentage is more than 0 and at most 100, with at most 2 decimals.", field);

    public static Error BadAmount(string field, string why) =>
        Error.Validation("promotions.bad_amount", why, field);

    public static Error BadQuantity(string field, string why) =>
        Error.Validation("promotions.bad_quantity", why, field);

    public static Error NoTarget(string field) =>
        Error.Validation("promotions.no_target", "Name the SKUs or categories the rule applies to" + (field == "rule" ? " (or basket: true)." : "."), field);

    public static Error BasketNotAllowed(string kind, string field) =>
        Error.Validation("promotions.basket_not_allowed", $"A {kind} rule applies to SKUs or categories, not to the whole basket.", field);

    public static Error BadCategory(string? category, string field) =>
        Error.Validation("promotions.bad_category", $"'{category}' is not a category path like Home/Kitchen.", field);

    public static Error UnknownSku(string sku, string field) =>
        Error.Validation("promotions.unknown_sku", $"No SKU '{sku}' in this tenant's catalog.", field);

    public static Error UnknownCategory(string category, string field) =>
        Error.Validation("promotions.unknown_category", $"No product of this tenant is in category '{category}'.", field);

    public static Error Duplicate(string what, string field) =>
        Error.Validation("promotions.duplicate", $"{what} is listed twice.", field);

    public static Error TooLarge(string what, int max, string field) =>
        Error.Validation("promotions.rule_too_large", $"A promotion names at most {max} {what}.", field);

    public static Error BadWindow(string field = "conditions.validTo") =>
        Error.Validation("promotions.bad_window", "The validity window ends before it starts.", field);

    public static Error BadSchedule(string field, string why) =>
        Error.Validation("promotions.bad_schedule", why, field);

    public static Error BadTimeZone(string? zone, string field) =>
        Error.Validation("promotions.bad_time_zone", $"'{zone}' is not an IANA time zone such as Europe/London.", field);

    public static Error BadTier(string field) =>
        Error.Validation("promotions.bad_tier", "A tier name has 1 to 64 letters, digits, '-' or '_'.", field);

    public static Error UnknownStore(string store, string field) =>
        Error.Validation("promotions.unknown_store", $"No store '{store}' in this tenant.", field);

    public static Error WrongCurrency(string? given, string tenant, string field = "currency") =>
        Error.Validation("promotions.wrong_currency", $"This tenant prices in {tenant}, not '{given}'.", field);

    public static Error IrrelevantField(string kind, string field) =>
        Error.Validation("promotions.irrelevant_field", $"A {kind} rule has no '{field}'.", field);

    public static Error CodeTaken(string code) =>
        Error.Conflict("promotions.code_taken", $"Another promotion of this tenant has the code '{code}'.", "code");

    public static Error UnknownPromotion(string id, string field = "id") =>
        Error.NotFound("promotions.unknown_promotion", $"No promotion '{id}' in this tenant.", field);

    public static Error VersionConflict(int expected, int actual) =>
        Error.Conflict("promotions.version_conflict", $"The promotion is at version {actual}, not {expected}: read it again and apply your change to it.", "version");

    public static Error TooManyPromotions(int max) =>
        Error.Conflict("promotions.too_many_promotions", $"A tenant keeps at most {max} promotions; deactivated ones count, delete-by-deactivate keeps history.", null);

    public static Error UnknownTenant() =>
        Error.NotFound("promotions.unknown_tenant", "The tenant does not exist.", null);

    // Pricing a basket.
    public static Error NoLines() =>
        Error.Validation("promotions.no_lines", "A basket to price has at least one line.", "lines");

    public static Error TooManyLines(int max) =>
        Error.Validation("promotions.too_many_lines", $"A basket to price has at most {max} lines.", "lines");

    public static Error DuplicateLine(string sku, int index) =>
        Error.Validation("promotions.duplicate_line", $"SKU '{sku}' is on two lines; give it once with the total quantity.", $"lines[{index}].sku");

    public static Error UnknownLineSku(string sku, int index) =>
        Error.Validation("promotions.unknown_sku", $"No SKU '{sku}' on sale in this tenant.", $"lines[{index}].sku");

    public static Error UnknownPricingStore(string store) =>
        Error.NotFound("promotions.unknown_store", $"No store '{store}' in this tenant.", "storeId");

    public static Error UnknownMember(string member) =>
        Error.NotFound("promotions.unknown_member", $"No member '{member}' in this tenant.", "memberId");

    public static Error TooManyCoupons(int max) =>
        Error.Validation("promotions.too_many_unlocked", $"A basket carries at most {max} unlocked promotions.", "unlockedPromotionIds");

    public static Error BadAt(string field = "at") =>
        Error.Validation("promotions.bad_at", "'at' is an ISO 8601 instant with an offset, such as 2026-12-02T17:30:00Z.", field);

    public static Error StoreStaffNeedsStore(LocationId? own) =>
        Error.Forbidden("identity.other_store", $"A store staff key prices baskets for its own store: give storeId {own}.", "storeId");
}
