using UniRetail.Kernel;

namespace UniRetail.Store.Domain;

internal static class StoreErrors
{
    public static Error Required(string field) =>
        Error.Validation("store.required", $"'{field}' is required.", field);

    public static Error UnknownMember(string member, string field) =>
        Error.NotFound("store.unknown_member", $"No member '{member}' in this tenant.", field);

    public static Error UnknownStore(string store, string field) =>
        Error.NotFound("store.unknown_store", $"No store '{store}' in this tenant.", field);

    public static Error MemberCodeInvalid(string field) =>
        Error.Validation("store.member_code_invalid", "This is not a member code this tenant issued (mistyped, altered or forged).", field);

    public static Error MemberCodeExpired(DateTimeOffset expiredAt, string field) =>
        Error.Conflict("store.member_code_expired", $"The member code expired at {expiredAt:u}; ask the member to refresh it in the app.", field);

    public static Error MemberCodeUsed(string field) =>
        Error.Conflict("store.member_code_used", "The member code was scanned already; each code identifies a member once.", field);

    public static Error MemberGone(string field) =>
        Error.Conflict("store.member_gone", "The member this code was issued for has since been erased.", field);

    public static Error BadImage(string? image, string field) =>
        Error.Validation("store.bad_image", $"'{image}' is not an image of a member code (qr.png, qr.svg, code128.svg).", field);

    public static Error BadTill(string? till, string field) =>
        Error.Validation("store.bad_till", $"'{till}' is not a till id: 1 to 32 letters, digits, '-' or '_'.", field);

    public static Error BadAmount(string field) =>
        Error.Validation("store.bad_amount", "An amount here is zero or more.", field);

    public static Error NotPositive(string field) =>
        Error.Validation("store.amount_not_positive", "A cash movement moves more than zero.", field);

    public static Error BadMovementKind(string? kind, string field) =>
        Error.Validation("store.bad_cash_movement_kind", $"'{kind}' is not a cash movement (in, out).", field);

    public static Error BadText(string field, int max) =>
        Error.Validation("store.bad_text", $"'{field}' has at most {max} printable characters.", field);

    public static Error CurrencyMismatch(string tenantCurrency, string field) =>
        Error.Validation("store.currency_mismatch", $"Amounts at this tenant's tills are in {tenantCurrency}.", field);

    public static Error TillAlreadyOpen(string till, string field) =>
        Error.Conflict("store.till_already_open", $"Till '{till}' has an open session; close it before opening another.", field);

    public static Error UnknownTillSession(string session, string field) =>
        Error.NotFound("store.unknown_till_session", $"No till session '{session}' at this store.", field);

    public static Error TillSessionClosed(string session, string field) =>
        Error.Conflict("store.till_session_closed", $"Till session '{session}' is closed; its Z report was taken.", field);

    public static Error NoOpenSession(string till, string field) =>
        Error.NotFound("store.no_open_till_session", $"Till '{till}' has no open session.", field);

    public static Error CashShort(Money drawer, string field) =>
        Error.Conflict("store.cash_short", $"The drawer holds {drawer}; it cannot pay out more.", field);

    public static Error MovementReused(string reference, string field) =>
        Error.Conflict("store.reference_reused", $"Reference '{reference}' was used in this session for another movement.", field);
}
