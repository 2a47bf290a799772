using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Orders.Returns;

namespace UniRetail.Orders.Till;

/// <summary>The till's orders: a sale is a <c>pos</c> / <c>in_store_purchase</c> order placed by <see cref="PlaceOrderHandler"/>, a return is <see cref="RecordReturn"/>'s.</summary>
internal sealed class TillOrders(PlaceOrderHandler placing, RecordReturn returns, ILocationDirectory locations) : ITillOrders
{
    public async Task<Result<TillOrder>> PlaceAsync(
        Caller caller, TillOrderRequest request, Func<DbSession, TillOrder, Task<Result<Unit>>> alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(alongside);
        var benefits = new BenefitsDraft(request.Coupon, request.Points, request.Wallet?.Amount, null, null, null, null);
        var draft = new OrderDraft(
            SalesChannel.Pos, FulfilmentType.InStorePurchase, request.Store, request.Member, null, null, true,
            request.Lines.Select(l => (l.Sku, l.Quantity)).ToList(), benefits);
        var placement = new Placement(request.SoldAt, request.SoldOffline, (session, order) => alongside(session, ToTill(order, replayed: false)));
        var placed = await placing.PlaceAsync(caller, draft, request.IdempotencyKey, request.RequestHash, placement, ct);
        return placed.Map(p => ToTill(p.Order, p.Replayed));
    }

    public async Task<Result<TillOrderReturn>> ReturnAsync(
        Caller caller, TillReturnRequest request, Func<DbSession, TillOrderReturn, Task<Result<Unit>>> alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (await locations.FindAsync(caller.Tenant, request.Store, ct) is not { } store)
            return OrderErrors.UnknownStore(request.Store.Value);
        var lines = request.Lines.Select(l => (l.LineNo, l.Quantity)).ToList();
        var taken = await returns.TakeBackAsync(caller, request.Order, store, request.Damaged, request.ToWallet, lines, request.Reason, alongside, ct);
        return taken.Map(t => t.Refund);
    }

    private static TillOrder ToTill(Order order, bool replayed)
    {
        var currency = order.Currency;
        return new TillOrder(
            order.Id,
            order.Lines.Select(l => new TillOrderLineSold(l.LineNo, l.Sku, l.Name, l.Quantity.Value, l.UnitPrice, l.Discount, l.Total, l.Applied.Select(a => a.Code).ToList())).ToList(),
            order.ListTotal, order.DiscountTotal, order.Total,
            order.Discounts.Select(d => new TillOrderDiscount(d.Code, d.Name, Money.FromMinor(d.AmountMinor, currency))).ToList(),
            order.Benefits.Coupon, order.Benefits.Points, Money.FromMinor(order.Benefits.PointsValueMinor, currency), Money.FromMinor(order.Benefits.WalletMinor, currency),
            order.Benefits.PointsEarned, order.AmountDue, order.PlacedAt, replayed);
    }
}
