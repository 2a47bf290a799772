using UniRetail.Kernel;

namespace UniRetail.Promotions.Contracts;

/// <summary>A promotion of a tenant (<c>prm_…</c>); coupons unlock promotions by this id.</summary>
public readonly record struct PromotionId(string Value)
{
    /// <summary>A new promotion id.</summary>
    public static PromotionId New() => new(NewId.With("prm"));

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>One line to price: a SKU, how many, and optionally a unit price that replaces the catalog's (a till's price override).</summary>
public sealed record BasketLineToPrice(Sku Sku, Quantity Quantity, Money? UnitPriceOverride = null);

/// <summary>
/// A basket as any channel holds it. <see cref="UnlockedPromotionIds"/> are the coupon-gated promotions the basket's valid
/// coupons unlock (the Loyalty module checks the coupons); <see cref="At"/> is the instant whose local time the time windows read.
/// </summary>
public sealed record BasketToPrice(
    SalesChannel Channel,
    LocationId? Store,
    MemberId? Member,
    IReadOnlyList<BasketLineToPrice> Lines,
    IReadOnlyCollection<PromotionId> UnlockedPromotionIds,
    DateTimeOffset At);

/// <summary>A promotion that applied, and the amount it took off (a line's share, or its total in the basket summary).</summary>
public sealed record AppliedPromotion(PromotionId Promotion, string Code, string Name, Money Amount);

/// <summary>
/// A promotion that was considered and did not apply, with a stable reason: <c>not_in_window</c>, <c>wrong_channel</c>,
/// <c>wrong_store</c>, <c>members_only</c>, <c>wrong_tier</c>, <c>needs_coupon</c>, <c>below_threshold</c>,
/// <c>not_enough_items</c>, <c>no_saving</c>, <c>excluded_by:&lt;id&gt;</c>, <c>worse_combination</c>, <c>candidate_limit</c>.
/// </summary>
public sealed record DeclinedPromotion(PromotionId Promotion, string Code, string Reason);

/// <summary>
/// A priced line: <see cref="ListTotal"/> is unit price × quantity, <see cref="NetTotal"/> what the shopper pays for the line
/// (and what a return of the whole line refunds).
/// </summary>
public sealed record PricedLine(
    int LineNo,
    Sku Sku,
    string Name,
    Quantity Quantity,
    Money UnitPrice,
    Money ListTotal,
    Money Discount,
    Money NetTotal,
    IReadOnlyList<AppliedPromotion> Applied,
    IReadOnlyList<DeclinedPromotion> Declined);

/// <summary>
/// What would unlock a promotion: <c>spend_more</c> (<see cref="SpendMore"/>) or <c>add_items</c> (<see cref="AddQuantity"/>
/// more units, of <see cref="Sku"/> when one SKU is missing), with a sentence for the shopper.
/// </summary>
public sealed record PricingHint(PromotionId Promotion, string Kind, string Message, Money? SpendMore, int? AddQuantity, Sku? Sku);

/// <summary>
/// A priced basket: lines, totals, every applied promotion with its total, the basket-level promotions that did not apply
/// (line-level ones are on their lines), and hints.
/// </summary>
public sealed record PricedBasket(
    Currency Currency,
    IReadOnlyList<PricedLine> Lines,
    Money Subtotal,
    Money DiscountTotal,
    Money Total,
    IReadOnlyList<AppliedPromotion> Applied,
    IReadOnlyList<DeclinedPromotion> Declined,
    IReadOnlyList<PricingHint> Hints);

/// <summary>
/// Prices baskets with the tenant's active promotions, the same way for every channel. No side effects: placing an order
/// prices through this and stores the answer; the till and the web shop preview through it.
/// </summary>
public interface IBasketPricing
{
    /// <summary>
    /// The priced basket, or an error naming the field at fault (an unknown SKU, store or member, too many lines).
    /// </summary>
    Task<Result<PricedBasket>> PriceAsync(TenantId tenant, BasketToPrice basket, CancellationToken ct);

    /// <summary>
    /// Whether the tenant has any active promotion (read from the cached snapshot, no database read once loaded). Without
    /// one no basket of the tenant gets a discount, so a caller's hot path may skip pricing and take the catalog's prices.
    /// </summary>
    Task<bool> HasActivePromotionsAsync(TenantId tenant, CancellationToken ct);
}

/// <summary>
/// The loyalty tier of a member, which tier prices read. Promotions registers an answer of "no tier" with
/// <c>TryAddSingleton</c>; the Loyalty module registers its own with <c>AddSingleton</c> (or <c>Replace</c>), and the
/// container resolves the last registration, so Loyalty's wins whichever module is added first.
/// </summary>
public interface IMemberTierLookup
{
    /// <summary>The member's tier name (<c>gold</c>), or null when the member has none (no loyalty account, or Loyalty absent).</summary>
    Task<string?> TierOfAsync(TenantId tenant, MemberId member, CancellationToken ct);
}
