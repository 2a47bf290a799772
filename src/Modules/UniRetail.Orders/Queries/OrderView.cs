using System.Text.Json;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;
using UniRetail.Orders.Persistence;
using UniRetail.Web;

namespace UniRetail.Orders.Queries;

/// <summary>A line: <c>listTotal</c> = unit price × quantity, <c>discount</c> what its promotions took off, <c>total</c> the net paid.</summary>
internal sealed record OrderLineView(
    int LineNo, string Sku, string Name, int Quantity, MoneyView UnitPrice, MoneyView Total, int ReturnedQuantity, MoneyView ListTotal, MoneyView Discount,
    IReadOnlyList<DiscountView> Promotions);

/// <summary>A promotion that took <c>amount</c> off a line, or off the order in its summary.</summary>
internal sealed record DiscountView(string PromotionId, string Code, string Name, MoneyView Amount);

/// <summary>
/// What the order paid with from loyalty: a coupon, <c>points</c> worth <c>pointsValue</c>, wallet and gift card money; the
/// pending points it earned.
/// </summary>
internal sealed record BenefitsView(string? Coupon, long Points, MoneyView PointsValue, MoneyView Wallet, MoneyView GiftCard, long PointsEarned);

internal sealed record AllocationView(int LineNo, string LocationId, int Quantity);

internal sealed record StatusChangeView(string Status, string? Note, string Actor, DateTimeOffset At);

internal sealed record ReturnView(string ReturnId, int LineNo, int Quantity, string LocationId, string Condition, MoneyView Refund, string? Reason, DateTimeOffset At);

/// <summary>
/// An order as the API returns it; the routing is the sourcing explanation recorded when it was placed. <c>handoverCode</c>:
/// for a pickup at a pickup point, the code the customer shows there (in the answer that places the order, and its replays).
/// </summary>
internal sealed record OrderView(
    string Id,
    string Channel,
    string Fulfilment,
    string Status,
    string? MemberId,
    string? StoreId,
    double? DestinationLatitude,
    double? DestinationLongitude,
    MoneyView Total,
    MoneyView Refunded,
    IReadOnlyList<OrderLineView> Lines,
    IReadOnlyList<AllocationView> Allocations,
    JsonElement Routing,
    string? CancelReason,
    DateTimeOffset PlacedAt,
    long Version,
    MoneyView ListTotal,
    MoneyView DiscountTotal,
    IReadOnlyList<DiscountView> Discounts,
    BenefitsView Benefits,
    MoneyView AmountDue,
    IReadOnlyList<StatusChangeView>? History = null,
    IReadOnlyList<ReturnView>? Returns = null,
    string? HandoverCode = null)
{
    public static OrderView From(Order order) => new(
        order.Id.Value,
        SalesChannels.ToName(order.Channel),
        FulfilmentTypes.ToName(order.Fulfilment),
        OrderStatuses.ToName(order.Status),
        order.Member?.Value,
        order.Store?.Value,
        order.Destination?.Latitude,
        order.Destination?.Longitude,
        MoneyView.From(order.Total),
        MoneyView.From(order.Refunded),
        order.Lines.Select(l => new OrderLineView(l.LineNo, l.Sku.Value, l.Name, l.Quantity.Value, MoneyView.From(l.UnitPrice), MoneyView.From(l.Total), l.ReturnedQuantity,
            MoneyView.From(l.ListTotal), MoneyView.From(l.Discount), l.Applied.Select(d => Of(d, order.Currency)).ToList())).ToList(),
        order.Allocations.Select(a => new AllocationView(a.LineNo, a.Location.Value, a.Quantity)).ToList(),
        JsonDocument.Parse(order.Routing).RootElement.Clone(),
        order.CancelReason,
        order.PlacedAt,
        order.Version,
        MoneyView.From(order.ListTotal),
        MoneyView.From(order.DiscountTotal),
        order.Discounts.Select(d => Of(d, order.Currency)).ToList(),
        new BenefitsView(order.Benefits.Coupon, order.Benefits.Points, MoneyView.From(Money.FromMinor(order.Benefits.PointsValueMinor, order.Currency)),
            MoneyView.From(Money.FromMinor(order.Benefits.WalletMinor, order.Currency)), MoneyView.From(Money.FromMinor(order.Benefits.GiftCardMinor, order.Currency)),
            order.Benefits.PointsEarned),
        MoneyView.From(order.AmountDue));

    private static DiscountView Of(OrderDiscount d, Currency currency) => new(d.PromotionId, d.Code, d.Name, MoneyView.From(Money.FromMinor(d.AmountMinor, currency)));

    public OrderView WithDetails(IEnumerable<StatusChangeRow> history, IEnumerable<ReturnRow> returns, Currency currency) => this with
    {
        History = history.Select(h => new StatusChangeView(h.Status, h.Note, h.Actor, DateTimeOffset.FromUnixTimeMilliseconds(h.AtMs))).ToList(),
        Returns = returns.Select(r => new ReturnView(r.ReturnId, (int)r.LineNo, (int)r.Quantity, r.LocationId, r.Condition,
            MoneyView.From(Money.FromMinor(r.RefundMinor, currency)), r.Reason, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAtMs))).ToList(),
    };
}
