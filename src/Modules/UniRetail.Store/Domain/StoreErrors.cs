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

    public static Error BadSaleId(string? id, string field) =>
        Error.Validation("store.bad_sale_id", $"'{id}' is not a till's id for a sale or return: 1 to 64 letters, digits, '-', '_', '.' or ':'.", field);

    public static Error SaleIdReused(string id, string field) =>
        Error.Conflict("store.sale_id_reused", $"'{id}' was used at this store for another sale or return; a retry sends the same body.", field);

    public static Error NoLines() =>
        Error.Validation("store.no_lines", "A sale scans at least one line.", "lines");

    public static Error BagOrLines() =>
        Error.Validation("store.bag_or_lines", "A sale is either a bag ('bagId') or scanned lines ('lines'), not both.", "lines");

    public static Error BagOffline() =>
        Error.Validation("store.bag_offline", "A bag is checked out online: an offline till posts its scanned lines.", "bagId");

    public static Error BagOfOtherMember(string field) =>
        Error.Conflict("store.bag_of_other_member", "The member code names another member than the bag's.", field);

    public static Error TooManyLines(int max) =>
        Error.Validation("store.too_many_lines", $"A sale has at most {max} lines.", "lines");

    public static Error TooManyCoupons() =>
        Error.Validation("store.too_many_coupons", "A sale takes one coupon.", "coupons");

    public static Error BadCoupon(string field) =>
        Error.Validation("store.bad_coupon", "A coupon code has 1 to 64 characters.", field);

    public static Error NegativePoints() =>
        Error.Validation("store.negative_points", "Points paid are 0 or more.", "points");

    public static Error NoPayments() =>
        Error.Validation("store.no_payments", "A sale names how it is paid: card, cash or wallet (one to ten payments).", "payments");

    public static Error BadPaymentType(string? type, string field) =>
        Error.Validation("store.bad_payment_type", $"'{type}' is not a till payment (card, cash, wallet).", field);

    public static Error WalletTwice(string field) =>
        Error.Validation("store.wallet_twice", "A sale takes the wallet once.", field);

    public static Error NeedsMemberCode(string field) =>
        Error.Validation("store.member_code_required", "Points and wallet pay only for a member identified by their member code.", field);

    public static Error WalletNotAllowed(string field) =>
        Error.Conflict("store.wallet_not_allowed", "The member's code was issued without wallet payment; the app issues one with it.", field);

    public static Error BadSoldAt(string field) =>
        Error.Validation("store.bad_sold_at", "An offline sale's soldAt is its own time: within the last 7 days, not in the future.", field);

    public static Error CardAboveDue(Money due, string field) =>
        Error.Validation("store.card_above_due", $"Cards are charged at most what is due ({due}); change is given in cash only.", field);

    public static Error PaymentShort(Money due, Money given) =>
        Error.Validation("store.payment_short", $"{due} is due after benefits; the card and cash given come to {given}.", "payments");

    public static Error SaleRaced(string id, string field) =>
        Error.Conflict("store.sale_in_progress", $"Sale '{id}' is being written by another request; retry it to get its receipt.", field);

    public static Error BadFormat(string? format, string field) =>
        Error.Validation("store.bad_format", $"'{format}' is not a receipt format (json, text).", field);

    public static Error UnknownReceipt(string id, string field) =>
        Error.NotFound("store.unknown_receipt", $"No receipt '{id}' at this store.", field);

    public static Error ReceiptOrOrder() =>
        Error.Validation("store.receipt_or_order", "A till return names the sale by its receiptId or its orderId, one of the two.", "receiptId");

    public static Error NoReturnLines() =>
        Error.Validation("store.no_lines", "A return names at least one line.", "lines");

    public static Error DuplicateReturnLine(int lineNo, string field) =>
        Error.Validation("store.duplicate_line", $"Line {lineNo} appears twice; put its units on one line.", field);

    public static Error BadChoice(string field, string? value, string choices) =>
        Error.Validation("store.bad_choice", $"'{value}' is not one of {choices}.", field);
}
