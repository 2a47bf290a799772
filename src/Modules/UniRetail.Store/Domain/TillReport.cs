using UniRetail.Kernel;

namespace UniRetail.Store.Domain;

/// <summary>How a till was paid: the tender types its reports total.</summary>
internal static class PaymentTypes
{
    public const string Card = "card", Cash = "cash", Wallet = "wallet", GiftCard = "gift_card", Points = "points";

    public static readonly IReadOnlyList<string> All = [Card, Cash, Wallet, GiftCard, Points];
}

/// <summary>A sale or a refund at a till.</summary>
internal enum TillSaleKind
{
    Sale,
    Refund,
}

/// <summary>
/// One sale (or refund) of a till session as the reports read it, written by whatever sold it (the checkout): its gross
/// before discounts, the discounts, points paid with and earned, and the payments by type (cash net of change; a refund's
/// amounts are what went back, positive).
/// </summary>
internal sealed record TillSale(string SaleId, TillSaleKind Kind, Money Gross, Money Discount, long PointsRedeemed, long PointsEarned, IReadOnlyDictionary<string, Money> Payments, DateTimeOffset At);

/// <summary>The sums of a session's rows, as the store adds them up in SQL.</summary>
internal sealed record TillTotals(
    int Sales, int Refunds, long GrossMinor, long RefundedMinor, long DiscountMinor, long PointsRedeemed, long PointsEarned,
    IReadOnlyDictionary<string, (long SalesMinor, long RefundsMinor)> Payments, long CashInMinor, long CashOutMinor);

/// <summary>One tender's line of a report.</summary>
internal sealed record PaymentTotal(string Type, Money Sales, Money Refunds, Money Net);

/// <summary>
/// An X report (running, any number of times while the session is open) or the Z report (once, at close, with the cash
/// counted and the drawer's over/short). <see cref="ExpectedCash"/> is float + cash in − cash out + cash taken − cash refunded.
/// </summary>
internal sealed record TillReport(
    string Kind, int Sales, int Refunds, Money GrossSales, Money RefundsTotal, Money Discounts, Money NetSales, long PointsRedeemed, long PointsEarned,
    IReadOnlyList<PaymentTotal> Payments, Money Float, Money CashIn, Money CashOut, Money ExpectedCash, Money? CountedCash, Money? OverShort)
{
    public static TillReport From(TillTotals totals, Money openingFloat, Money? counted)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var currency = openingFloat.Currency;
        Money M(long minor) => Money.FromMinor(minor, currency);
        var payments = PaymentTypes.All
            .Select(type => totals.Payments.TryGetValue(type, out var sums) ? (type, sums.SalesMinor, sums.RefundsMinor) : (type, 0L, 0L))
            .Where(p => p.Item2 != 0 || p.Item3 != 0 || p.type == PaymentTypes.Cash)
            .Select(p => new PaymentTotal(p.type, M(p.Item2), M(p.Item3), M(p.Item2 - p.Item3)))
            .ToList();
        var cash = payments.Single(p => p.Type == PaymentTypes.Cash);
        var expected = openingFloat + M(totals.CashInMinor) - M(totals.CashOutMinor) + cash.Net;
        return new TillReport(
            counted is null ? "X" : "Z", totals.Sales, totals.Refunds, M(totals.GrossMinor), M(totals.RefundedMinor), M(totals.DiscountMinor),
            M(totals.GrossMinor - totals.DiscountMinor - totals.RefundedMinor), totals.PointsRedeemed, totals.PointsEarned, payments, openingFloat,
            M(totals.CashInMinor), M(totals.CashOutMinor), expected, counted, counted is { } c ? c - expected : null);
    }
}
