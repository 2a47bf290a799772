using System.Globalization;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Orders.Domain;

namespace UniRetail.Orders.Benefits;

/// <summary>
/// Gives back what an order took from loyalty when it is cancelled before the goods left: the earned points are clawed
/// back, the points, wallet and gift card money it paid with are refunded, and its coupon use is restored — in the
/// cancelling transaction, by the order's own reference (a repeat is a replay in Loyalty and changes nothing).
/// </summary>
internal sealed class OrderBenefitReversal(ILoyaltyBenefits loyalty)
{
    public async Task<Result<Unit>> ReverseCancelledAsync(DbSession session, TenantId tenant, Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Member is null && !order.Benefits.Redeemed)
            return Unit.Value;
        var lines = order.Member is null ? [] : order.Lines.Select(l => new ReturnedLine(LineId(l), l.Total)).ToList();
        // A member order with nothing to return (all lines net zero) still restores its coupon and refunds in full.
        var reversed = await loyalty.ReverseAsync(session, tenant,
            new LoyaltyReturn($"{order.Id.Value}:cancel", order.Id.Value, lines,
                RefundPoints: order.Benefits.Points, RefundWallet: Money.FromMinor(order.Benefits.WalletMinor, order.Currency),
                RefundGiftCard: Money.FromMinor(order.Benefits.GiftCardMinor, order.Currency), RestoreCoupon: true, Cancelled: true), ct);
        return reversed.IsSuccess ? Unit.Value : reversed.Error;
    }

    /// <summary>The line's id in Loyalty's purchase: its line number.</summary>
    public static string LineId(OrderLine line) => line.LineNo.ToString(CultureInfo.InvariantCulture);
}
