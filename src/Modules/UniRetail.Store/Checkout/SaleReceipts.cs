using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Web;

namespace UniRetail.Store.Checkout;

/// <summary>A sale's receipt and its payments by type, as the reports add them up.</summary>
internal static class SaleReceipts
{
    public static ReceiptView From(TillSaleContext sale, TillOrder order, IReadOnlyList<SettledPayment> settled, Money change, long visitPoints)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settled);
        var payments = settled.Select(p => new ReceiptPaymentView(
            p.Type, MoneyView.From(p.Amount), p.Tendered is { } t ? MoneyView.From(t) : null, p.Change is { } c ? MoneyView.From(c) : null, p.Reference)).ToList();
        if (order.Wallet.MinorUnits > 0)
            payments.Insert(0, new ReceiptPaymentView(PaymentTypes.Wallet, MoneyView.From(order.Wallet), null, null, null));
        return new ReceiptView(
            sale.Draft.SaleId, "sale", order.Order.Value, sale.Store.Value, sale.Session.TillId, sale.Session.SessionId, sale.Member?.Value, sale.Draft.SoldAt,
            sale.Draft.Offline,
            order.Lines.Select(l => new ReceiptLineView(
                l.LineNo, l.Sku.Value, l.Name, l.Quantity, MoneyView.From(l.UnitPrice), MoneyView.From(l.Discount), MoneyView.From(l.Total), l.Promotions)).ToList(),
            MoneyView.From(order.ListTotal), MoneyView.From(order.Discount), MoneyView.From(order.Total),
            order.Discounts.Select(d => new ReceiptDiscountView(d.Code, d.Name, MoneyView.From(d.Amount))).ToList(),
            order.Coupon, order.PointsRedeemed, MoneyView.From(order.PointsValue), order.PointsEarned, visitPoints, payments, MoneyView.From(change), null);
    }

    /// <summary>What each tender paid: card, cash taken (net of change), wallet and the points' value — together the order's total.</summary>
    public static IReadOnlyDictionary<string, Money> ByType(TillOrder order, IReadOnlyList<SettledPayment> settled)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settled);
        var zero = Money.Zero(order.Total.Currency);
        return new Dictionary<string, Money>
        {
            [PaymentTypes.Card] = settled.Where(p => p.Type == PaymentTypes.Card).Aggregate(zero, (sum, p) => sum + p.Amount),
            [PaymentTypes.Cash] = settled.Where(p => p.Type == PaymentTypes.Cash).Aggregate(zero, (sum, p) => sum + p.Amount),
            [PaymentTypes.Wallet] = order.Wallet,
            [PaymentTypes.Points] = order.PointsValue,
        };
    }
}
