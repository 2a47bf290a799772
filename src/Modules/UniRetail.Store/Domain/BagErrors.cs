using UniRetail.Kernel;

namespace UniRetail.Store.Domain;

internal static class BagErrors
{
    public static Error UnknownBag(string? bag, string field) =>
        Error.NotFound("store.unknown_bag", $"No bag '{bag}' that this key may reach.", field);

    public static Error NeedsOneMember(string field) =>
        Error.Validation("store.bag_needs_member", "A bag starts with either the member code scanned at the entrance or the app's memberId, not both.", field);

    public static Error MemberCodeRequired(string field) =>
        Error.Forbidden("store.member_code_required", "Store staff start a bag by scanning the member's code.", field);

    public static Error Expired(DateTimeOffset at, string field) =>
        Error.Conflict("store.bag_expired", $"The bag expired at {at:u}; start a new one.", field);

    public static Error CheckedOut(string field) =>
        Error.Conflict("store.bag_checked_out", "The bag was checked out; start a new one.", field);

    public static Error Empty(string field) =>
        Error.Conflict("store.bag_empty", "The bag has no lines to check out.", field);

    public static Error Changed(string field) =>
        Error.Conflict("store.bag_changed", "The bag changed since it was read; read it again before checking it out.", field);

    public static Error TooManyLines(string field) =>
        Error.Conflict("store.bag_too_many_lines", $"A bag holds at most {BagRules.MaxLines} different products.", field);

    public static Error LineTooLarge(string field) =>
        Error.Conflict("store.bag_line_too_large", $"A bag line holds at most {Quantity.Max:N0} units.", field);

    public static Error NotOnSale(string sku, string field) =>
        Error.Conflict("store.not_on_sale", $"SKU '{sku}' is not on sale.", field);

    public static Error UnknownLine(string sku, string field) =>
        Error.NotFound("store.unknown_bag_line", $"The bag has no line of SKU '{sku}'.", field);

    public static Error ScanToAdd(int current, string field) =>
        Error.Conflict("store.scan_to_add", $"The line holds {current}; scan the product to add more.", field);

    public static Error BadQuantity(string field) =>
        Error.Validation("store.bad_quantity", "A line's quantity here is a whole number from 0 up to what it holds.", field);

    public static Error BadKey() =>
        Error.Validation("store.bad_idempotency_key", $"An Idempotency-Key has 1 to {BagRules.MaxKeyLength} printable characters.", "Idempotency-Key");

    public static Error KeyReused() =>
        Error.Conflict("store.idempotency_key_reused", "This Idempotency-Key was used for a different request.", "Idempotency-Key");
}
