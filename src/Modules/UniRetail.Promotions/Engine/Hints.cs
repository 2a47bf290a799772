using System.Globalization;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;

namespace UniRetail.Promotions.Engine;

/// <summary>What a shopper could add to unlock a promotion, in words.</summary>
internal static class Hints
{
    public static PricingHint AddItems(Candidate candidate, int quantity, Sku? sku, string message, PricingContext context)
    {
        _ = context;
        return new PricingHint(candidate.Id, "add_items", message, null, quantity, sku);
    }

    public static PricingHint SpendMore(Candidate candidate, long moreMinor, string reward, PricingContext context) =>
        new(candidate.Id, "spend_more", $"Spend {Format(moreMinor, context.Currency)} more for {reward}", Money.FromMinor(moreMinor, context.Currency), null, null);

    /// <summary>An amount as a shopper reads it: <c>£4.20</c>, <c>€3.00</c>, <c>¥500</c>, or <c>12.00 CHF</c>.</summary>
    public static string Format(long minor, Currency currency)
    {
        var amount = Money.FromMinor(minor, currency).Amount.ToString("F" + currency.Exponent, CultureInfo.InvariantCulture);
        return currency.Code switch
        {
            "GBP" => "£" + amount,
            "EUR" => "€" + amount,
            "USD" or "AUD" or "CAD" or "SGD" or "HKD" => "$" + amount,
            "JPY" or "CNY" => "¥" + amount,
            _ => amount + " " + currency.Code,
        };
    }
}
