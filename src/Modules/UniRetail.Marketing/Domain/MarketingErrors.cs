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

    public static Error UnknownTenant(string id) =>
        Error.NotFound("marketing.unknown_tenant", $"No tenant '{id}'.", "tenant");

    public static Error AdminOnly() =>
        Error.Forbidden("marketing.admin_only", "Only an admin key can manage sources.");

    public static Error ReadersOnly() =>
        Error.Forbidden("marketing.readers_only", "Only admin and marketer keys can read the event bank.");

    public static Error BadLimit() =>
        Error.Validation("marketing.bad_limit", "'limit' must be between 1 and 1000.", "limit");

    public static Error BadAfter() =>
        Error.Validation("marketing.bad_after", "'after' must be an event sequence number (0 or more).", "after");
}
