using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;

namespace UniRetail.Loyalty.Coupons;

/// <summary>Campaign kinds as stored and written in the API.</summary>
internal static class CampaignKinds
{
    /// <summary>Codes issued to one member, each used once.</summary>
    public const string SingleUse = "single_use";
    /// <summary>Codes anyone may use, within the campaign's total and per-member limits.</summary>
    public const string Shared = "shared";
}

/// <summary>Whether a coupon applies to a basket: the refusal codes in the order a shopper can act on them.</summary>
internal static class CouponRules
{
    public const int MaxCodeLength = 64;

    /// <summary>A code as typed (spaces around, any case) in its stored form: upper case; null when it is not a code.</summary>
    public static string? Normalise(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= MaxCodeLength } && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? trimmed : null;
    }

    public static Result<CouponRow> Check(CouponRow coupon, LoyaltyBasket basket, string field)
    {
        var campaign = coupon.Campaign;
        var at = basket.At.ToUnixTimeMilliseconds();
        if (at < campaign.StartsAtMs || at >= campaign.EndsAtMs)
            return LoyaltyErrors.CouponExpired(field);
        if (coupon.MemberId is { } owner && owner != basket.Member?.Value)
            return LoyaltyErrors.CouponOutOfScope("it was issued to another member", field);
        if (campaign.PerMemberLimit is not null && basket.Member is null)
            return LoyaltyErrors.CouponOutOfScope("it is for members only", field);
        if (campaign.Channels is { } channels && !channels.Split(',').Contains(SalesChannels.ToName(basket.Channel), StringComparer.Ordinal))
            return LoyaltyErrors.CouponOutOfScope($"not valid on the {SalesChannels.ToName(basket.Channel)} channel", field);
        if (campaign.StoreIds is { } stores && (basket.Store is not { } store || !stores.Split(',').Contains(store.Value, StringComparer.Ordinal)))
            return LoyaltyErrors.CouponOutOfScope("not valid at this store", field);
        if (!string.Equals(basket.Subtotal.Currency.Code, campaign.Currency, StringComparison.Ordinal))
            return LoyaltyErrors.CurrencyMismatch(campaign.Currency, "subtotal");
        if (basket.Subtotal.MinorUnits < campaign.MinSpendMinor)
            return LoyaltyErrors.CouponBelowMinimumSpend(Money.FromMinor(campaign.MinSpendMinor, basket.Subtotal.Currency).ToString(), field);
        if ((coupon.MaxUses is { } max && coupon.CodeUsed >= max)
            || (campaign.TotalLimit is { } total && campaign.Used >= total)
            || (campaign.PerMemberLimit is { } perMember && coupon.MemberUses >= perMember))
            return LoyaltyErrors.CouponUsedUp(field);
        return coupon;
    }
}
