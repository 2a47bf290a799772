using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;

namespace UniRetail.Orders.Domain;

/// <summary>A promotion that took an amount off a line, or (in the order's summary) off the whole order.</summary>
internal sealed record OrderDiscount(string PromotionId, string Code, string Name, long AmountMinor);

/// <summary>
/// A line as sold: list price × quantity less the discount the promotions engine gave it (<see cref="Applied"/> says which).
/// Its <see cref="Total"/> (the net) is what the shopper paid for the line and what returning all of it refunds.
/// </summary>
internal sealed record OrderLine(int LineNo, Sku Sku, string Name, Quantity Quantity, Money UnitPrice, int ReturnedQuantity)
{
    public long DiscountMinor { get; init; }

    public IReadOnlyList<OrderDiscount> Applied { get; init; } = [];

    public Money ListTotal => UnitPrice * Quantity.Value;

    public Money Discount => Money.FromMinor(DiscountMinor, UnitPrice.Currency);

    public Money Total => Money.FromMinor(ListTotal.MinorUnits - DiscountMinor, UnitPrice.Currency);

    public int Returnable => Quantity.Value - ReturnedQuantity;

    /// <summary>
    /// What returning <paramref name="quantity"/> more units refunds: the cumulative share of the net, rounded down, so the
    /// line's last unit takes what its earlier returns left and all returns together refund exactly the net.
    /// </summary>
    public Money RefundFor(int quantity) =>
        Money.FromMinor(NetShare(ReturnedQuantity + quantity) - NetShare(ReturnedQuantity), UnitPrice.Currency);

    /// <summary>The net of the first <paramref name="units"/> units.</summary>
    public long NetShare(int units) => (long)((Int128)Total.MinorUnits * units / Quantity.Value);
}

/// <summary>
/// What an order paid with from the member's benefits (Loyalty's ledger holds the entries) and the pending points it earned.
/// The rest of the total (<see cref="Order.AmountDue"/>) is paid by card or cash.
/// </summary>
internal sealed record OrderBenefits(string? Coupon, long Points, long PointsValueMinor, long WalletMinor, long GiftCardMinor, long PointsEarned)
{
    public static OrderBenefits None { get; } = new(null, 0, 0, 0, 0, 0);

    public long PaidMinor => PointsValueMinor + WalletMinor + GiftCardMinor;

    /// <summary>Anything Loyalty holds a record of besides an earn: points, a coupon, wallet or gift card money.</summary>
    public bool Redeemed => Coupon is not null || Points > 0 || WalletMinor > 0 || GiftCardMinor > 0;
}

/// <summary>Units of one line to be fulfilled from one location (a line is split only when no single location has it all).</summary>
internal sealed record Allocation(int LineNo, LocationId Location, int Quantity);

/// <summary>What a transition does to the order's stock holds; the domain decides it, the handler applies it.</summary>
internal enum StockEffect
{
    None,
    ConfirmHolds,
    ReleaseHolds,
    ConsumeHolds,
}

/// <summary>
/// An order from any channel. Its status changes only through business verbs, each checking the transition:
/// placed → allocated → picking → ready for pickup / shipped / out for delivery → completed; cancelled before the goods
/// leave; partly returned / returned after.
/// </summary>
internal sealed class Order
{
    public required OrderId Id { get; init; }
    public required SalesChannel Channel { get; init; }
    public required FulfilmentType Fulfilment { get; init; }
    public required OrderStatus Status { get; set; }
    public MemberId? Member { get; init; }
    public LocationId? Store { get; init; }
    public GeoPoint? Destination { get; init; }
    public required Currency Currency { get; init; }
    public required IReadOnlyList<OrderLine> Lines { get; set; }
    public required IReadOnlyList<Allocation> Allocations { get; init; }
    public required string Routing { get; init; }
    public required DateTimeOffset PlacedAt { get; init; }
    public string? CancelReason { get; private set; }
    public long Version { get; set; }

    /// <summary>The discounts by promotion (each applied promotion's total over the lines).</summary>
    public IReadOnlyList<OrderDiscount> Discounts { get; init; } = [];

    public OrderBenefits Benefits { get; set; } = OrderBenefits.None;

    /// <summary>What is left to pay by card or cash once the benefits paid their part.</summary>
    public Money AmountDue => Money.FromMinor(Total.MinorUnits - Benefits.PaidMinor, Currency);

    public Money ListTotal => Lines.Aggregate(Money.Zero(Currency), (sum, line) => sum + line.ListTotal);

    public Money DiscountTotal => Money.FromMinor(Lines.Sum(l => l.DiscountMinor), Currency);

    public Money Total => Lines.Aggregate(Money.Zero(Currency), (sum, line) => sum + line.Total);

    public Money Refunded => Money.FromMinor(Lines.Sum(line => line.NetShare(line.ReturnedQuantity)), Currency);

    /// <summary>The locations the goods leave from.</summary>
    public IEnumerable<LocationId> FulfilmentLocations => Allocations.Select(a => a.Location).Distinct();

    /// <summary>Payment captured: the holds stop expiring and the order can be picked.</summary>
    public Result<StockEffect> ConfirmPayment() => Move("confirm", OrderStatus.Allocated, StockEffect.ConfirmHolds, OrderStatus.Placed);

    public Result<StockEffect> StartPicking() => Move("pick", OrderStatus.Picking, StockEffect.None, OrderStatus.Allocated);

    public Result<StockEffect> MarkReadyForPickup() =>
        Fulfilment == FulfilmentType.PickupInStore
            ? Move("ready", OrderStatus.ReadyForPickup, StockEffect.None, OrderStatus.Picking)
            : OrderErrors.WrongFulfilment("ready", FulfilmentTypes.ToName(Fulfilment));

    /// <summary>Handed to the carrier: the goods leave the locations.</summary>
    public Result<StockEffect> Ship() =>
        Fulfilment is FulfilmentType.ShipToHome or FulfilmentType.EndlessAisle
            ? Move("ship", OrderStatus.Shipped, StockEffect.ConsumeHolds, OrderStatus.Picking)
            : OrderErrors.WrongFulfilment("ship", FulfilmentTypes.ToName(Fulfilment));

    /// <summary>Out with the store's courier: the goods leave the store.</summary>
    public Result<StockEffect> Dispatch() =>
        Fulfilment == FulfilmentType.SameDayDelivery
            ? Move("dispatch", OrderStatus.OutForDelivery, StockEffect.ConsumeHolds, OrderStatus.Picking)
            : OrderErrors.WrongFulfilment("dispatch", FulfilmentTypes.ToName(Fulfilment));

    /// <summary>Collected or delivered. A pickup's goods leave the store only now.</summary>
    public Result<StockEffect> Complete()
    {
        var effect = Status == OrderStatus.ReadyForPickup ? StockEffect.ConsumeHolds : StockEffect.None;
        return Move("complete", OrderStatus.Completed, effect, OrderStatus.ReadyForPickup, OrderStatus.OutForDelivery, OrderStatus.Shipped);
    }

    /// <summary>Cancelled before the goods left: every hold is released.</summary>
    public Result<StockEffect> Cancel(string reason)
    {
        var moved = Move("cancel", OrderStatus.Cancelled, StockEffect.ReleaseHolds, OrderStatus.Placed, OrderStatus.Allocated, OrderStatus.Picking, OrderStatus.ReadyForPickup);
        if (moved.IsSuccess)
            CancelReason = reason;
        return moved;
    }

    /// <summary>Takes back units of lines (checked against what is left to return) and moves to partly returned or returned.</summary>
    public Result<Unit> RecordReturn(IReadOnlyList<(int LineNo, Quantity Quantity)> returned)
    {
        ArgumentNullException.ThrowIfNull(returned);
        if (Status is not (OrderStatus.Completed or OrderStatus.Shipped or OrderStatus.PartlyReturned))
            return OrderErrors.CannotTransition("return", Status);
        var lines = Lines.ToDictionary(l => l.LineNo);
        for (var i = 0; i < returned.Count; i++)
        {
            var (lineNo, quantity) = returned[i];
            if (!lines.TryGetValue(lineNo, out var line))
                return OrderErrors.UnknownLine(lineNo, i);
            if (quantity.Value > line.Returnable)
                return OrderErrors.ReturnTooMany(lineNo, line.Returnable, i);
            lines[lineNo] = line with { ReturnedQuantity = line.ReturnedQuantity + quantity.Value };
        }
        Lines = Lines.Select(l => lines[l.LineNo]).ToList();
        Status = Lines.All(l => l.Returnable == 0) ? OrderStatus.Returned : OrderStatus.PartlyReturned;
        return Unit.Value;
    }

    /// <summary>Rebuilds a stored order's cancel reason (persistence only).</summary>
    public void RestoreCancelReason(string reason) => CancelReason = reason;

    private Result<StockEffect> Move(string verb, OrderStatus to, StockEffect effect, params OrderStatus[] from)
    {
        if (!from.Contains(Status))
            return OrderErrors.CannotTransition(verb, Status);
        Status = to;
        return effect;
    }
}
