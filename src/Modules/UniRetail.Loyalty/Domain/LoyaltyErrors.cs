using UniRetail.Kernel;

namespace UniRetail.Loyalty.Domain;

internal static class LoyaltyErrors
{
    public static Error Required(string field) =>
        Error.Validation("loyalty.required", $"'{field}' is required.", field);

    public static Error OutOfRange(string field, string rule) =>
        Error.Validation("loyalty.out_of_range", $"'{field}' {rule}.", field);

    public static Error BadProgram(string field, string message) =>
        Error.Validation("loyalty.bad_program", message, field);

    public static Error NoProgram() =>
        Error.Conflict("loyalty.no_program", "This tenant has no loyalty program yet: PUT /api/loyalty/program first.");

    public static Error UnknownMember(MemberId member, string field) =>
        Error.NotFound("loyalty.unknown_member", $"No active member '{member.Value}' in this tenant.", field);

    public static Error CurrencyMismatch(string expected, string field) =>
        Error.Validation("loyalty.currency_mismatch", $"This tenant's benefits are in {expected}.", field);

    public static Error UnknownCoupon(string field) =>
        Error.NotFound("loyalty.coupon_unknown", "No such coupon code in this tenant.", field);

    public static Error CouponExpired(string field) =>
        Error.Conflict("loyalty.coupon_expired", "The coupon is not valid at this time (before its start or after its end).", field);

    public static Error CouponUsedUp(string field) =>
        Error.Conflict("loyalty.coupon_used_up", "The coupon has been used as often as it may be (the code, the campaign or this member's limit).", field);

    public static Error CouponOutOfScope(string why, string field) =>
        Error.Conflict("loyalty.coupon_out_of_scope", $"The coupon does not apply here: {why}.", field);

    public static Error CouponBelowMinimumSpend(string minimum, string field) =>
        Error.Conflict("loyalty.coupon_below_minimum_spend", $"The coupon needs a subtotal of at least {minimum}.", field);

    public static Error PointsAboveBalance(long asked, long available, string field) =>
        Error.Conflict("loyalty.points_above_balance", $"{asked} points asked, {available} available.", field);

    public static Error PointsAboveAllowedShare(long asked, long allowed, string field) =>
        Error.Conflict("loyalty.points_above_allowed_share", $"{asked} points asked; this basket may be paid with at most {allowed}.", field);

    public static Error PointsBelowMinimum(long minimum, string field) =>
        Error.Validation("loyalty.points_below_minimum", $"Points are redeemed {minimum} or more at a time.", field);

    public static Error WalletShort(string balance, string field) =>
        Error.Conflict("loyalty.wallet_short", $"The wallet holds {balance}.", field);

    public static Error GiftCardShort(string balance, string field) =>
        Error.Conflict("loyalty.gift_card_short", $"The gift card holds {balance}.", field);

    public static Error UnknownGiftCard(string field) =>
        Error.NotFound("loyalty.unknown_gift_card", "No such gift card in this tenant.", field);

    public static Error GiftCardTaken(string field) =>
        Error.Conflict("loyalty.gift_card_taken", "A gift card with this code already exists.", field);

    public static Error BenefitsAboveBasket(string field) =>
        Error.Validation("loyalty.benefits_above_basket", "Points, wallet and gift card together would pay more than the subtotal.", field);

    public static Error ReferenceReused(string reference, string field) =>
        Error.Conflict("loyalty.reference_reused", $"'{reference}' was already used with different values.", field);

    public static Error UnknownPurchase(string reference, string field) =>
        Error.NotFound("loyalty.unknown_purchase", $"No purchase '{reference}' earned points here.", field);

    public static Error UnknownLine(string line, string field) =>
        Error.NotFound("loyalty.unknown_line", $"The purchase has no line '{line}'.", field);

    public static Error ReturnAbovePurchase(string field) =>
        Error.Conflict("loyalty.return_above_purchase", "More would be returned than the line's net amount still not returned.", field);

    public static Error UnknownCampaign(string campaign, string field) =>
        Error.NotFound("loyalty.unknown_campaign", $"No coupon campaign '{campaign}' in this tenant.", field);

    public static Error UnknownStore(string store, string field) =>
        Error.NotFound("loyalty.unknown_store", $"No store '{store}' in this tenant.", field);

    public static Error CodeTaken(string field) =>
        Error.Conflict("loyalty.code_taken", "This coupon code already exists in the tenant.", field);

    public static Error WrongCampaignKind(string why, string field) =>
        Error.Conflict("loyalty.wrong_campaign_kind", why, field);

    public static Error Duplicate(string what, string field) =>
        Error.Validation("loyalty.duplicate", $"{what} is listed twice.", field);

    public static Error TooMany(string what, int max, string field) =>
        Error.Validation("loyalty.too_many", $"At most {max} {what}.", field);

    public static Error BadText(string field, int max) =>
        Error.Validation("loyalty.bad_text", $"'{field}' has 1 to {max} printable characters.", field);

    public static Error BadDate(string field) =>
        Error.Validation("loyalty.bad_date", $"'{field}' is not a valid day of the year.", field);
}
