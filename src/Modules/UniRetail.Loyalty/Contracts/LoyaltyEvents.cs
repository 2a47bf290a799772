using UniRetail.Kernel;

namespace UniRetail.Loyalty.Contracts;

/// <summary>A purchase earned points (pending until <see cref="ReleaseAt"/> when the program holds them), in the purchase's transaction.</summary>
public sealed record PointsEarned(TenantId Tenant, MemberId Member, string Reference, long Points, long BonusPoints, DateTimeOffset? ReleaseAt, DateTimeOffset At) : IDomainEvent;

/// <summary>Points paid part of a basket (<see cref="Reference"/>: the order), in the redemption's transaction.</summary>
public sealed record PointsRedeemed(TenantId Tenant, MemberId Member, string Reference, long Points, Money Value, DateTimeOffset At) : IDomainEvent;

/// <summary>A coupon was used on a basket, in the redemption's transaction; a guest's basket (no member) names the <see cref="Guest"/>.</summary>
public sealed record CouponApplied(TenantId Tenant, MemberId? Member, string Reference, string Code, string CampaignId, string? PromotionId, DateTimeOffset At, Guest? Guest = null) : IDomainEvent;

/// <summary>
/// A coupon was refused for a basket (expired, used up, out of scope, below minimum spend, unknown). The refused basket
/// wrote nothing, so whoever refused it (an order) publishes this in a transaction of its own. A guest's basket names the <see cref="Guest"/>.
/// </summary>
public sealed record CouponDenied(TenantId Tenant, MemberId? Member, string Reference, string Code, string Reason, DateTimeOffset At, Guest? Guest = null) : IDomainEvent;

/// <summary>A member's tier changed (a purchase, a return, or the end of a tier period), in that transaction.</summary>
public sealed record TierChanged(TenantId Tenant, MemberId Member, string? From, string? To, DateTimeOffset At) : IDomainEvent;
