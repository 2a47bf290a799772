using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Domain;

namespace UniRetail.Loyalty.Benefits;

/// <summary>An amount as requests write it: <c>{"amount": 2.50, "currency": "GBP"}</c>; the currency defaults to the tenant's.</summary>
internal sealed record AmountRequest(decimal? Amount, string? Currency)
{
    public static Result<Money> Parse(AmountRequest? request, Kernel.Currency tenantCurrency, string field)
    {
        if (request?.Amount is not { } amount)
            return LoyaltyErrors.Required(field + ".amount");
        var currency = request.Currency is null ? tenantCurrency : Kernel.Currency.Parse(request.Currency, field + ".currency") is { IsSuccess: true } c ? c.Value : null;
        if (currency is null)
            return Error.Validation("money.unknown_currency", $"'{request.Currency}' is not a supported ISO 4217 currency code.", field + ".currency");
        if (currency != tenantCurrency)
            return LoyaltyErrors.CurrencyMismatch(tenantCurrency.Code, field + ".currency");
        return Money.Of(amount, currency, field + ".amount");
    }

    public static Result<Money?> Optional(AmountRequest? request, Kernel.Currency tenantCurrency, string field) =>
        request is null ? Result<Money?>.Success(null) : Parse(request, tenantCurrency, field).Map(m => (Money?)m);
}

internal sealed record GiftCardUseRequest(string? Code, AmountRequest? Amount);

/// <summary>A basket and the benefits to use on it: the body of a quote and of a redemption (which adds its <c>reference</c>).</summary>
internal sealed record BenefitsRequest(
    string? Reference, string? MemberId, AmountRequest? Subtotal, string? Channel, string? StoreId, long? Points, string? Coupon, AmountRequest? Wallet,
    GiftCardUseRequest? GiftCard);

internal sealed record PurchaseLineRequest(string? LineId, string? Sku, string? Category, AmountRequest? Net);

/// <summary>A purchase to earn points for: the order's reference, the member, where, and its lines' net amounts.</summary>
internal sealed record PurchaseRequest(string? Reference, string? MemberId, string? Channel, string? StoreId, IReadOnlyList<PurchaseLineRequest?>? Lines);

internal sealed record ReturnedLineRequest(string? LineId, AmountRequest? Amount);

internal sealed record ReturnRequest(
    string? ReturnReference, string? OrderReference, string? StoreId, IReadOnlyList<ReturnedLineRequest?>? Lines, long? RefundPoints, AmountRequest? RefundWallet,
    AmountRequest? RefundGiftCard, bool? RestoreCoupon);

internal sealed record VisitRequest(string? StoreId);

/// <summary>What a redemption did, as the API answers it.</summary>
internal sealed record RedemptionView(string Reference, long Points, Web.MoneyView PointsValue, string? Coupon, string? PromotionId, Web.MoneyView Wallet, Web.MoneyView GiftCard)
{
    public static RedemptionView From(BenefitRedemption r) =>
        new(r.Reference, r.Points, Web.MoneyView.From(r.PointsValue), r.Coupon, r.PromotionId, Web.MoneyView.From(r.Wallet), Web.MoneyView.From(r.GiftCard));
}

internal sealed record QuoteView(long PointsAvailable, long MaxPoints, Web.MoneyView PointsValue, string? CouponCampaignId, string? PromotionId, Web.MoneyView WalletBalance, string? Tier)
{
    public static QuoteView From(BenefitQuote q) =>
        new(q.PointsAvailable, q.MaxPoints, Web.MoneyView.From(q.PointsValue), q.CouponCampaignId, q.PromotionId, Web.MoneyView.From(q.WalletBalance), q.Tier);
}

internal sealed record ReturnView(string ReturnReference, long PointsClawedBack, long PointsNotRecovered, long PointsRefunded, Web.MoneyView WalletRefunded,
    Web.MoneyView GiftCardRefunded, bool CouponRestored, string? Tier)
{
    public static ReturnView From(ReturnedBenefits r) =>
        new(r.ReturnReference, r.PointsClawedBack, r.PointsNotRecovered, r.PointsRefunded, Web.MoneyView.From(r.WalletRefunded), Web.MoneyView.From(r.GiftCardRefunded),
            r.CouponRestored, r.Tier);
}
