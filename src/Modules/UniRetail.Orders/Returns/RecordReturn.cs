using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;
using UniRetail.Orders.Persistence;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Orders.Queries;

namespace UniRetail.Orders.Returns;

internal sealed record ReturnLineRequest(int LineNo, int Quantity);

/// <summary>A return accepted at any store: <c>condition</c> resellable (back on the shelf) or damaged (kept apart).</summary>
internal sealed record ReturnRequest(string? StoreId, string? Condition, string? Reason, IReadOnlyList<ReturnLineRequest>? Lines);

/// <summary>Returns anywhere (服务通): any store takes back any order's lines, restocks them there and records the refund.</summary>
internal sealed class RecordReturn(Database database, OrderStore orders, IStockMovements stock, ILocationDirectory locations, TimeProvider clock)
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
        var lines = ParseLines(request.Lines);
        if (!lines.IsSuccess)
            return lines.Error;
        var now = clock.GetUtcNow();
        return await database.WriteAsync<OrderView>(async session =>
        {
            var order = await orders.LoadAsync(session.Connection, session.Transaction, caller.Tenant, id);
            if (order is null)
                return OrderErrors.UnknownOrder(id.Value);
            var returned = order.RecordReturn(lines.Value);
            if (!returned.IsSuccess)
                return returned.Error;
            var returnId = NewId.With("ret");
            var byNumber = order.Lines.ToDictionary(l => l.LineNo);
            var refund = Money.Zero(order.Currency);
            for (var i = 0; i < lines.Value.Count; i++)
            {
                var (lineNo, quantity) = lines.Value[i];
                var line = byNumber[lineNo];
                var restocked = await stock.ReturnAsync(session, caller.Tenant, line.Sku, store.Id, quantity, returnId, condition == "damaged", ct);
                if (!restocked.IsSuccess)
                    return restocked.Error.AtField($"lines[{i}].quantity");
                var lineRefund = line.UnitPrice * quantity.Value;
                await orders.InsertReturnAsync(session, caller.Tenant, order.Id, returnId, lineNo, quantity.Value, store.Id, condition,
                    lineRefund.MinorUnits, request.Reason, now.ToUnixTimeMilliseconds());
                refund += lineRefund;
            }
            await orders.SaveReturnedQuantitiesAsync(session, caller.Tenant, order);
            var note = $"returned at {store.Code} ({condition}), refund {refund}";
            if (!await orders.SaveTransitionAsync(session, caller.Tenant, order, note, PlaceOrderHandler.Actor(caller), now.ToUnixTimeMilliseconds()))
                return OrderErrors.Concurrent();
            await session.PublishAsync(new OrderStatusChanged(caller.Tenant, order.Id, order.Member, order.Status, now), ct);
            return OrderView.From(order);
        }, ct);
    }

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
