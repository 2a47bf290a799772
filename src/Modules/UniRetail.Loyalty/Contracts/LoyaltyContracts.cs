using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Loyalty.Contracts;

/// <summary>
/// A basket as loyalty sees it: who buys (null: a guest), its subtotal after promotions, where and when. The field names in
/// refusals are those of <see cref="BenefitsToUse"/> (<c>points</c>, <c>coupon</c>, <c>wallet</c>, <c>giftCard.code</c>).
/// </summary>
public sealed record LoyaltyBasket(MemberId? Member, Money Subtotal, SalesChannel Channel, LocationId? Store, DateTimeOffset At, Guest? Guest = null);

/// <summary>
/// A shopper with no member account, as the data bank can know them: the shop's anonymous id (Segment's <c>anonymousId</c>)
/// and/or an e-mail. Coupon events of a guest's basket name them, so the guest's profile shows the coupon.
/// </summary>
public sealed record Guest(string? AnonymousId, string? Email);

/// <summary>What a shopper pays with from their benefits: any number of points (0: none), a coupon code, wallet money, a gift card.</summary>
public sealed record BenefitsToUse(long Points = 0, string? Coupon = null, Money? Wallet = null, string? GiftCardCode = null, Money? GiftCard = null);

/// <summary>
/// A quote for a basket: the most points it may use (balance, minimum and share of the basket), what the asked points pay,
/// the promotion a valid coupon unlocks, and the wallet's balance.
/// </summary>
public sealed record BenefitQuote(long PointsAvailable, long MaxPoints, Money PointsValue, string? CouponCampaignId, string? PromotionId, Money WalletBalance, string? Tier);

/// <summary>What a reference (an order) paid with; <see cref="Replayed"/> when a retry found it applied before and applied nothing again.</summary>
public sealed record BenefitRedemption(string Reference, long Points, Money PointsValue, string? Coupon, string? PromotionId, Money Wallet, Money GiftCard, bool Replayed);

/// <summary>A purchased line: a stable id within its order (e.g. the line number or SKU), the SKU, its category path, its net amount after discounts and benefits.</summary>
public sealed record PurchaseLine(string LineId, Sku Sku, string? Category, Money Net);

/// <summary>A purchase by a member, earning pending points by the program's rules.</summary>
public sealed record LoyaltyPurchase(string Reference, MemberId Member, SalesChannel Channel, LocationId? Store, DateTimeOffset At, IReadOnlyList<PurchaseLine> Lines);

/// <summary>What a purchase earned: pending points (lines and bonuses), when they become spendable, the tier after it.</summary>
public sealed record EarnedPoints(string Reference, long Points, long BonusPoints, DateTimeOffset? ReleaseAt, string? Tier, bool Replayed);

/// <summary>A returned amount of one line of a purchase.</summary>
public sealed record ReturnedLine(string LineId, Money Amount);

/// <summary>
/// A return of (part of) a purchase. Points the returned lines earned are clawed back. Redeemed points, wallet and gift card
/// money are refunded in proportion to the returned amount of the subtotal unless told exactly (<see cref="RefundPoints"/>,
/// <see cref="RefundWallet"/>, <see cref="RefundGiftCard"/>). <see cref="RestoreCoupon"/> gives the coupon use back (a whole order returned).
/// <see cref="Cancelled"/>: the order never went through (cancelled before the goods left, or its unpaid hold expired), so the
/// purchase is taken back whole — its bonus points too (first purchase, birthday) — and no longer counts as a purchase.
/// </summary>
public sealed record LoyaltyReturn(
    string ReturnReference, string OrderReference, IReadOnlyList<ReturnedLine> Lines, long? RefundPoints = null, Money? RefundWallet = null,
    Money? RefundGiftCard = null, bool RestoreCoupon = false, bool Cancelled = false);

/// <summary>What a return did: points clawed back (and those that could not be, already spent), refunds, the tier after.</summary>
public sealed record ReturnedBenefits(
    string ReturnReference, long PointsClawedBack, long PointsNotRecovered, long PointsRefunded, Money WalletRefunded, Money GiftCardRefunded,
    bool CouponRestored, string? Tier, bool Replayed);

/// <summary>A member's visit to a store: the visit bonus once per store and local day.</summary>
public sealed record VisitPoints(long Points, bool Replayed);

/// <summary>
/// Loyalty for the order flow and the till. Every write takes the caller's <see cref="DbSession"/>, so the order, its stock
/// and its ledger entries commit together or not at all, and is idempotent by its reference: a retried order applies
/// nothing twice. A failed result means nothing was applied; the caller's write must then roll back (return the failure).
/// </summary>
public interface ILoyaltyBenefits
{
    /// <summary>Validates <paramref name="use"/> for a basket on committed state, without writing: the quote, or the first refusal.</summary>
    Task<Result<BenefitQuote>> QuoteAsync(TenantId tenant, LoyaltyBasket basket, BenefitsToUse use, CancellationToken ct);

    /// <summary>
    /// Redeems points, a coupon, wallet and gift card money for <paramref name="reference"/>, re-validated under the account's
    /// lock. Refusals: <c>loyalty.coupon_expired</c>, <c>loyalty.coupon_used_up</c>, <c>loyalty.coupon_out_of_scope</c>,
    /// <c>loyalty.coupon_below_minimum_spend</c>, <c>loyalty.points_above_balance</c>, <c>loyalty.points_above_allowed_share</c>,
    /// <c>loyalty.wallet_short</c>, <c>loyalty.gift_card_short</c>. A retry with the same reference and values answers the first
    /// redemption (<see cref="BenefitRedemption.Replayed"/>); with other values, <c>loyalty.reference_reused</c>.
    /// </summary>
    Task<Result<BenefitRedemption>> RedeemAsync(DbSession session, TenantId tenant, string reference, LoyaltyBasket basket, BenefitsToUse use, CancellationToken ct);

    /// <summary>Earns pending points for a purchase and re-evaluates the tier. Without a program it earns nothing (and records the purchase for tiers).</summary>
    Task<Result<EarnedPoints>> EarnAsync(DbSession session, TenantId tenant, LoyaltyPurchase purchase, CancellationToken ct);

    /// <summary>Applies a return: claw back, refunds, tier re-evaluated. Idempotent by the return reference.</summary>
    Task<Result<ReturnedBenefits>> ReverseAsync(DbSession session, TenantId tenant, LoyaltyReturn returned, CancellationToken ct);

    /// <summary>
    /// Puts money refunded for a return into the member's wallet (a <c>refund</c> entry under <paramref name="reference"/>),
    /// where the shopper asked for store credit instead of money back.
    /// </summary>
    Task<Result<Money>> RefundToWalletAsync(DbSession session, TenantId tenant, MemberId member, Money amount, string reference, CancellationToken ct);

    /// <summary>Records a member's store visit: the program's visit bonus, at most once per member, store and local day.</summary>
    Task<Result<VisitPoints>> RecordVisitAsync(DbSession session, TenantId tenant, MemberId member, LocationId store, DateTimeOffset at, CancellationToken ct);
}

/// <summary>A member's tier, for the promotions engine's tier prices and for free delivery.</summary>
public interface ILoyaltyTiers
{
    /// <summary>The member's tier name now (a lapsed period read as the tier it would fall to), or null without a tier.</summary>
    Task<string?> TierOfAsync(TenantId tenant, MemberId member, CancellationToken ct);
}
