using UniRetail.Kernel;

namespace UniRetail.Store.Domain;

/// <summary>A card or cash payment as the till was given it; <see cref="Field"/> names it in the request (<c>payments[1]</c>).</summary>
internal sealed record TenderedPayment(string Type, Money Amount, string? Reference, string Field);

/// <summary>A payment as taken: cash records what it took, what was tendered and the change.</summary>
internal sealed record SettledPayment(string Type, Money Amount, Money? Tendered, Money? Change, string? Reference);

/// <summary>
/// What is left to pay once benefits paid their part, over the card and cash given: a card is charged what it says and never
/// more than is due (change comes from the drawer, not a card), cash takes the rest and the change is what it gave over.
/// </summary>
internal static class TillPayments
{
    public static Result<(IReadOnlyList<SettledPayment> Payments, Money Change)> Settle(Money due, IReadOnlyList<TenderedPayment> tendered)
    {
        ArgumentNullException.ThrowIfNull(tendered);
        var zero = Money.Zero(due.Currency);
        var cards = tendered.Where(p => p.Type == PaymentTypes.Card).ToList();
        var card = zero;
        foreach (var payment in cards)
        {
            card += payment.Amount;
            if (card.MinorUnits > due.MinorUnits)
                return StoreErrors.CardAboveDue(due, payment.Field + ".amount.amount");
        }
        var cash = tendered.Where(p => p.Type == PaymentTypes.Cash).Aggregate(zero, (sum, p) => sum + p.Amount);
        if (card.MinorUnits + cash.MinorUnits < due.MinorUnits)
            return StoreErrors.PaymentShort(due, card + cash);
        var taken = due - card;
        var change = cash - taken;
        var settled = cards.Where(c => c.Amount.MinorUnits > 0).Select(c => new SettledPayment(PaymentTypes.Card, c.Amount, null, null, c.Reference)).ToList();
        if (cash.MinorUnits > 0)
            settled.Add(new SettledPayment(PaymentTypes.Cash, taken, cash, change, null));
        IReadOnlyList<SettledPayment> payments = settled;
        return (payments, change);
    }
}
