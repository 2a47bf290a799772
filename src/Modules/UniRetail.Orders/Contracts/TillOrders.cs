using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Orders.Contracts;

/// <summary>Units of a SKU a till scanned.</summary>
public sealed record TillOrderLine(Sku Sku, Quantity Quantity);

/// <summary>
/// A till sale for Orders to place as a <c>pos</c> / <c>in_store_purchase</c> order at <see cref="Store"/>, through the path
/// <c>POST /api/orders</c> takes: priced by the promotions engine (member prices and tier by <see cref="Member"/>), the
/// coupon, points and wallet redeemed, points earned. <see cref="IdempotencyKey"/> and <see cref="RequestHash"/>: a retry
/// answers the first order. <see cref="SoldAt"/> is when it was sold (an offline till's own time, whole milliseconds);
/// <see cref="SoldOffline"/>: the shelf gave the goods up already, so book stock short of it is recorded as a discrepancy
/// instead of refusing the sale.
/// </summary>
public sealed record TillOrderRequest(
    LocationId Store, MemberId? Member, IReadOnlyList<TillOrderLine> Lines, string? Coupon, long Points, Money? Wallet, string IdempotencyKey,
    string RequestHash, DateTimeOffset SoldAt, bool SoldOffline);

/// <summary>A promotion's part of the sale.</summary>
public sealed record TillOrderDiscount(string Code, string Name, Money Amount);

/// <summary>A line as sold: list price × quantity less its discount is <see cref="Total"/>; <see cref="Promotions"/> are the codes that applied.</summary>
public sealed record TillOrderLineSold(int LineNo, Sku Sku, string Name, int Quantity, Money UnitPrice, Money Discount, Money Total, IReadOnlyList<string> Promotions);

/// <summary>
/// The order a till sale placed: its lines and discounts, what benefits paid (<see cref="PointsValue"/> for
/// <see cref="PointsRedeemed"/> points, <see cref="Wallet"/>), the pending points it earned and what is left to pay by card
/// or cash (<see cref="AmountDue"/>). <see cref="Replayed"/>: an earlier request with the same key placed it.
/// </summary>
public sealed record TillOrder(
    OrderId Order, IReadOnlyList<TillOrderLineSold> Lines, Money ListTotal, Money Discount, Money Total, IReadOnlyList<TillOrderDiscount> Discounts,
    string? Coupon, long PointsRedeemed, Money PointsValue, Money Wallet, long PointsEarned, Money AmountDue, DateTimeOffset PlacedAt, bool Replayed);

/// <summary>Units of an order line coming back.</summary>
public sealed record TillReturnLine(int LineNo, Quantity Quantity);

/// <summary>
/// A return at a till, through the path <c>POST /api/orders/{id}/returns</c> takes: restocked at <see cref="Store"/>
/// (<see cref="Damaged"/>: kept apart), each unit refunding its share of the line's net; points, wallet and gift card money
/// the order paid with go back pro rata, and the rest to the wallet when <see cref="ToWallet"/>, otherwise to the till.
/// </summary>
public sealed record TillReturnRequest(OrderId Order, LocationId Store, IReadOnlyList<TillReturnLine> Lines, bool ToWallet, bool Damaged, string? Reason);

/// <summary>
/// What a till return did: the refund (the returned units' net), the part benefits took back (points worth
/// <see cref="PointsValue"/>, wallet, gift card), the earned points clawed back, and the rest — into the wallet
/// (<see cref="ToWallet"/>) or for the till to pay back (<see cref="ToPay"/>).
/// </summary>
public sealed record TillOrderReturn(
    OrderId Order, string ReturnId, MemberId? Member, IReadOnlyList<TillReturnedLine> Lines, Money Refund, long PointsRefunded, Money PointsValue, Money Wallet,
    Money GiftCard, long PointsClawedBack, Money ToWallet, Money ToPay);

/// <summary>Units of a line taken back and what they refund (their share of the line's net).</summary>
public sealed record TillReturnedLine(int LineNo, Sku Sku, string Name, int Quantity, Money UnitPrice, Money Refund);

/// <summary>
/// Orders for the till (the Store module): a sale placed and a return taken by the same code as the order API, with the
/// till's own writes (<c>alongside</c>: its sale row, the member code it consumed) in the order's transaction, so both commit
/// or neither does; a failed <c>alongside</c> rolls the order back and is the answer.
/// </summary>
public interface ITillOrders
{
    /// <summary>Places the sale's order; <paramref name="alongside"/> is not run for a replay (the first request ran it).</summary>
    Task<Result<TillOrder>> PlaceAsync(Caller caller, TillOrderRequest request, Func<DbSession, TillOrder, Task<Result<Unit>>> alongside, CancellationToken ct);

    /// <summary>Takes the return back; refusals are the order API's (<c>orders.return_too_many</c>, <c>orders.unknown_line</c>, …).</summary>
    Task<Result<TillOrderReturn>> ReturnAsync(Caller caller, TillReturnRequest request, Func<DbSession, TillOrderReturn, Task<Result<Unit>>> alongside, CancellationToken ct);
}
