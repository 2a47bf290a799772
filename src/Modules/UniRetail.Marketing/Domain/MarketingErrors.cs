using UniRetail.Kernel;

namespace UniRetail.Marketing.Domain;

internal static class MarketingErrors
{
    public static Error BadSourceKind(string? kind) =>
        Error.Validation("marketing.bad_source_kind", $"'{kind}' is not a source kind (web, app, store, pos, social, content, ads).", "kind");

    public static Error StoreOnlyForStoreSources() =>
        Error.Validation("marketing.store_not_allowed", "Only store and pos sources belong to a store.", "storeId");

    public static Error UnknownStore(string id) =>
        Error.NotFound("marketing.unknown_store", $"No store '{id}' in this tenant.", "storeId");

    public static Error BadSourceName() =>
        Error.Validation("marketing.bad_source_name", "A source name has at most 200 characters and no control characters.", "name");

    public static Error UnknownSource(string id) =>
        Error.NotFound("marketing.unknown_source", $"No source '{id}' in this tenant.", "sourceId");

    public static Error UnknownWriteKey(string id) =>
        Error.NotFound("marketing.unknown_write_key", $"The source has no live write key '{id}'.", "keyId");

    public static Error BadOverlap(int max) =>
        Error.Validation("marketing.bad_overlap", $"'overlapMinutes' is between 0 and {max} (30 days).", "overlapMinutes");

    public static Error UnknownTenant(string id) =>
        Error.NotFound("marketing.unknown_tenant", $"No tenant '{id}'.", "tenant");

    public static Error BadLimit() =>
        Error.Validation("marketing.bad_limit", "'limit' must be between 1 and 1000.", "limit");

    public static Error BadAfter() =>
        Error.Validation("marketing.bad_after", "'after' must be an event sequence number (0 or more).", "after");

    public static Error UnknownProfile(string what) =>
        Error.NotFound("marketing.unknown_profile", $"No profile for {what} in this tenant.", "profile");

    public static Error BadIdentifierType(string? type, string field = "type") =>
        Error.Validation("marketing.bad_identifier_type", $"'{type}' is not an identifier type (user_id, member_id, email, phone, loyalty_card, payment_account, device_id, anonymous_id).", field);

    public static Error BadIdentifier(string type, string field = "value") =>
        Error.Validation("marketing.bad_identifier", $"The value is not a usable {type} (empty, malformed or a blocked junk value).", field);

    public static Error OneLookup() =>
        Error.Validation("marketing.bad_lookup", "Look a profile up by one identifier: give 'type' and 'value' (for example type=email&value=ann@example.com).", "type");

    public static Error UnknownMerge(string id) =>
        Error.NotFound("marketing.unknown_merge", $"No merge '{id}' in this tenant.", "mergeId");

    public static Error MergeAlreadyUndone(string id) =>
        Error.Conflict("marketing.merge_already_undone", $"Merge '{id}' has already been undone.", "mergeId");

    public static Error MergeChanged(string id) =>
        Error.Conflict("marketing.merge_changed", $"The profiles of merge '{id}' changed while it was being undone; try again.", "mergeId");

    public static Error UnknownJoin(string id) =>
        Error.NotFound("marketing.unknown_join", $"No join '{id}' in this tenant.", "joinId");

    public static Error JoinAlreadyUndone(string id) =>
        Error.Conflict("marketing.join_already_undone", $"Join '{id}' has already been undone.", "joinId");

    public static Error JoinChanged(string id) =>
        Error.Conflict("marketing.join_changed", $"The identifiers of join '{id}' are no longer on its profile (moved or erased since); nothing to undo.", "joinId");

    public static Error BadRule(string message, string field) =>
        Error.Validation("marketing.bad_identity_rule", message, field);

    public static Error BadCursor() =>
        Error.Validation("marketing.bad_cursor", "'before' must be the 'next' value of the previous page.", "before");

    public static Error NoPurposes() =>
        Error.Validation("marketing.no_purposes", "Give at least one purpose, e.g. {\"purposes\": {\"marketing\": true}}.", "purposes");

    /// <summary>Invalid UTF-8, or a <c>\uD800</c>–<c>\uDFFF</c> escape that is not a high+low pair: text that could not be read back.</summary>
    public static Error InvalidText(string field, bool inName) => Error.Validation(
        "marketing.invalid_text",
        (inName ? "A property name in this object" : "The text") + " is not valid Unicode: invalid UTF-8, or a \\u escape of half a surrogate pair.",
        field.Length == 0 ? "body" : field);

    public static Error NoRestitch() =>
        Error.NotFound("marketing.no_restitch", "This tenant has never been re-stitched.");

    public static Error RestitchRunning() =>
        Error.Conflict("marketing.restitch_running", "A re-stitch is rebuilding this tenant's profiles; try again when it has finished (GET /api/marketing/restitch).");

    public static Error ProjectionRaced(string what) =>
        Error.Conflict("marketing.projection_raced", $"Another writer got there first: {what}.");
    public static Error BadAiplRules(string field, string message) =>
        Error.Validation("marketing.bad_aipl_rules", message, field);

    public static Error UnknownCategory(string category, string field = "category") =>
        Error.NotFound("marketing.unknown_category", $"No category '{category}' in this tenant's catalog or events.", field);

    public static Error BadDate(string? value, string field) =>
        Error.Validation("marketing.bad_date", $"'{value}' is not a date (yyyy-MM-dd between 1970 and 9999).", field);

    public static Error BadPeriod(string from, string to) =>
        Error.Validation("marketing.bad_period", $"The period ends ({to}) before it starts ({from}).", "to");

    public static Error PeriodTooLong(int maxDays, string field = "to") =>
        Error.Validation("marketing.period_too_long", $"A period spans at most {maxDays} days.", field);

    public static Error BadMonths(int min, int max, string field = "months") =>
        Error.Validation("marketing.bad_months", $"'{field}' is between {min} and {max}.", field);

    public static Error NotEnoughHistory(int needed, int have, string field) =>
        Error.Validation("marketing.not_enough_history", $"The forecast needs at least {needed} months of events before it; the tenant has {have}.", field);

    public static Error TrainUntilNotPast(string field = "trainUntil") =>
        Error.Validation("marketing.train_until_not_past", "'trainUntil' is a day before today: a backtest compares its forecast with months that have happened.", field);

    public static Error BadTarget(string field, string message) =>
        Error.Validation("marketing.bad_target", message, field);
}
