using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Orders.Benefits;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;
using UniRetail.Orders.Persistence;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Orders.Queries;

namespace UniRetail.Orders.Returns;

internal sealed record ReturnLineRequest(int LineNo, int Quantity);

/// <summary>
/// A return accepted at any store: <c>condition</c> resellable (back on the shelf) or damaged (kept apart). Each unit
/// refunds its share of the line's discounted price. <c>refundTo</c>: <c>original</c> (default: the points, wallet and gift
/// card money the order paid with go back pro rata, the rest to the card or cash) or <c>wallet</c> (a member's order: the
/// rest goes into the member's wallet as store credit).
/// </summary>
internal sealed record ReturnRequest(string? StoreId, string? Condition, string? Reason, IReadOnlyList<ReturnLineRequest>? Lines, string? RefundTo = null);

/// <summary>Returns anywhere (服务通): any store takes back any order's lines, restocks them there and records the refund.</summary>
internal sealed class RecordReturn(Database database, OrderStore orders, IStockMovements stock, ILocationDirectory locations, ILoyaltyBenefits loyalty, TimeProvider clock)
{
    /// <summary>The most lines one return may name (an order has at most as many).</summary>
    public const int MaxLines = OrderDraft.MaxLines;

    public async Task<Result<OrderView>> HandleAsync(Caller caller, OrderId id, ReturnRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.StoreId) || await locations.FindAsync(caller.Tenant, new LocationId(request.StoreId), ct) is not { } store)
            return OrderErrors.UnknownStore(request.StoreId);
        var allowed = caller.EnsureCanActAt(store.Id, "storeId");
        if (!allowed.IsSuccess)
            return allowed.Error;
        var condition = request.Condition?.Trim().ToLowerInvariant() ?? "resellable";
        if (condition is not ("resellable" or "damaged"))
            return OrderErrors.BadCondition(request.Condition);
        var refundTo = request.RefundTo?.Trim().ToLowerInvariant() ?? "original";
        if (refundTo is not ("original" or "wallet"))
            return Error.Validation("orders.bad_refund_to", $"'{request.RefundTo}' is not a refund destination (original, wallet).", "refundTo");
        var lines = ParseLines(request.Lines);
        if (!lines.IsSuccess)
            return lines.Error;
        var taken = await TakeBackAsync(caller, id, store, condition == "damaged", refundTo == "wallet", lines.Value, request.Reason, null, ct);
        return taken.Map(t => OrderView.From(t.Order));
    }

    /// <summary>
    /// Takes the lines back at <paramref name="store"/> in one write (the order API's and the till's one path) and runs
    /// <paramref name="alongside"/> in it: the returned order and what the refund did.
    /// </summary>
    public async Task<Result<(Order Order, TillOrderReturn Refund)>> TakeBackAsync(
        Caller caller, OrderId id, LocationInfo store, bool damaged, bool toWallet, IReadOnlyList<(int LineNo, Quantity Quantity)> lines, string? reason,
        Func<DbSession, TillOrderReturn, Task<Result<Unit>>>? alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lines);
        var condition = damaged ? "damaged" : "resellable";
        var refundTo = toWallet ? "wallet" : "original";
        var now = clock.GetUtcNow();
        return await database.WriteAsync<(Order, TillOrderReturn)>(async session =>
        {
            var order = await orders.LoadAsync(session.Connection, session.Transaction, caller.Tenant, id);
            if (order is null)
                return OrderErrors.UnknownOrder(id.Value);
            if (refundTo == "wallet" && order.Member is null)
                return Error.Validation("orders.wallet_needs_member", "Only a member's order can be refunded to a wallet.", "refundTo");
            // The lines as they were before this return: each unit refunds its share of what is left of the line's net.
            var byNumber = order.Lines.ToDictionary(l => l.LineNo);
            var returned = order.RecordReturn(lines);
            if (!returned.IsSuccess)
                return returned.Error;
            var returnId = NewId.With("ret");
            var loyaltyLines = new List<ReturnedLine>(lines.Count);
            var refunded = new List<TillReturnedLine>(lines.Count);
            var refund = Money.Zero(order.Currency);
            for (var i = 0; i < lines.Count; i++)
            {
                var (lineNo, quantity) = lines[i];
                var line = byNumber[lineNo];
                var restocked = await stock.ReturnAsync(session, caller.Tenant, line.Sku, store.Id, quantity, returnId, condition == "damaged", ct);
                if (!restocked.IsSuccess)
                    return restocked.Error.AtField($"lines[{i}].quantity");
                var lineRefund = line.RefundFor(quantity.Value);
                loyaltyLines.Add(new ReturnedLine(OrderBenefitReversal.LineId(line), lineRefund));
                refunded.Add(new TillReturnedLine(lineNo, line.Sku, line.Name, quantity.Value, line.UnitPrice, lineRefund));
                await orders.InsertReturnAsync(session, caller.Tenant, order.Id, returnId, lineNo, quantity.Value, store.Id, condition,
                    lineRefund.MinorUnits, reason, now.ToUnixTimeMilliseconds());
                refund += lineRefund;
            }
            await orders.SaveReturnedQuantitiesAsync(session, caller.Tenant, order);
            var note = $"returned at {store.Code} ({condition}), refund {refund}";
            var zero = Money.Zero(order.Currency);
            var facts = new TillOrderReturn(order.Id, returnId, order.Member, refunded, refund, 0, zero, zero, zero, 0, zero, refund);
            if (order.Member is not null || order.Benefits.Redeemed)
            {
                // Points the lines earned are clawed back, what the order paid with points, wallet and gift card is refunded
                // pro rata, and the tier is re-evaluated — in this transaction.
                var reversed = await loyalty.ReverseAsync(session, caller.Tenant,
                    new LoyaltyReturn(returnId, order.Id.Value, loyaltyLines), ct);
                if (!reversed.IsSuccess)
                    return reversed.Error;
                var r = reversed.Value;
                var inBenefits = r.WalletRefunded.MinorUnits + r.GiftCardRefunded.MinorUnits + PointsValue(order, r.PointsRefunded);
                var rest = Money.FromMinor(Math.Max(0, refund.MinorUnits - inBenefits), order.Currency);
                note += $"; {r.PointsRefunded} points, {r.WalletRefunded} wallet and {r.GiftCardRefunded} gift card given back, {r.PointsClawedBack} earned points clawed back";
                facts = facts with
                {
                    PointsRefunded = r.PointsRefunded, PointsValue = Money.FromMinor(PointsValue(order, r.PointsRefunded), order.Currency), Wallet = r.WalletRefunded,
                    GiftCard = r.GiftCardRefunded, PointsClawedBack = r.PointsClawedBack, ToPay = rest,
                };
                if (refundTo == "wallet" && rest.MinorUnits > 0)
                {
                    var credited = await loyalty.RefundToWalletAsync(session, caller.Tenant, order.Member!.Value, rest, returnId, ct);
                    if (!credited.IsSuccess)
                        return credited.Error;
                    note += $"; {rest} to the wallet";
                    facts = facts with { ToWallet = rest, ToPay = zero };
                }
            }
            if (!await orders.SaveTransitionAsync(session, caller.Tenant, order, note, PlaceOrderHandler.Actor(caller), now.ToUnixTimeMilliseconds()))
                return OrderErrors.Concurrent();
            await session.PublishAsync(new OrderStatusChanged(caller.Tenant, order.Id, order.Member, order.Status, now), ct);
            if (alongside is not null && await alongside(session, facts) is { IsSuccess: false } refused)
                return refused.Error;
            return (order, facts);
        }, ct);
    }

    /// <summary>What <paramref name="points"/> of the order's redeemed points were worth (at the rate the order paid).</summary>
    private static long PointsValue(Order order, long points) =>
        order.Benefits.Points == 0 ? 0 : (long)((Int128)order.Benefits.PointsValueMinor * points / order.Benefits.Points);

    /// <summary>At most <see cref="MaxLines"/> lines, each order line once, each quantity valid.</summary>
    private static Result<IReadOnlyList<(int LineNo, Quantity Quantity)>> ParseLines(IReadOnlyList<ReturnLineRequest>? requested)
    {
        if (requested is not { Count: > 0 })
            return OrderErrors.NoLines("A return");
        if (requested.Count > MaxLines)
            return OrderErrors.TooManyLines("A return", MaxLines);
        var lines = new List<(int LineNo, Quantity Quantity)>(requested.Count);
        var seen = new HashSet<int>();
        for (var i = 0; i < requested.Count; i++)
        {
            var quantity = Quantity.Of(requested[i].Quantity, $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            if (!seen.Add(requested[i].LineNo))
                return OrderErrors.DuplicateReturnLine(requested[i].LineNo, i);
            lines.Add((requested[i].LineNo, quantity.Value));
        }
        return lines;
    }
}
