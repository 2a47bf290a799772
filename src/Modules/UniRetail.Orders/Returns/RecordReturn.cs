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
    public async Task<Result<OrderView>> HandleAsync(Caller caller, OrderId id, ReturnRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.StoreId) || await locations.FindAsync(caller.Tenant, new LocationId(request.StoreId), ct) is not { } store)
            return Error.NotFound("orders.unknown_store", $"No location '{request.StoreId}' in this tenant.", "storeId");
        var allowed = caller.EnsureCanActAt(store.Id, "storeId");
        if (!allowed.IsSuccess)
            return allowed.Error;
        var condition = request.Condition?.Trim().ToLowerInvariant() ?? "resellable";
        if (condition is not ("resellable" or "damaged"))
            return OrderErrors.BadCondition(request.Condition);
        if (request.Lines is not { Count: > 0 } requested)
            return Error.Validation("orders.no_lines", "A return names at least one line.", "lines");
        var lines = new List<(int LineNo, Quantity Quantity)>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var quantity = Quantity.Of(requested[i].Quantity, $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            lines.Add((requested[i].LineNo, quantity.Value));
        }
        var now = clock.GetUtcNow();
        return await database.WriteAsync<OrderView>(async session =>
        {
            var order = await orders.LoadAsync(session.Connection, session.Transaction, caller.Tenant, id);
            if (order is null)
                return OrderErrors.UnknownOrder(id.Value);
            var returned = order.RecordReturn(lines);
            if (!returned.IsSuccess)
                return returned.Error;
            var returnId = NewId.With("ret");
            foreach (var (lineNo, quantity) in lines)
            {
                var line = order.Lines.Single(l => l.LineNo == lineNo);
                await stock.ReturnAsync(session, caller.Tenant, line.Sku, store.Id, quantity, returnId, condition == "damaged", ct);
                await orders.InsertReturnAsync(session, caller.Tenant, order.Id, returnId, lineNo, quantity.Value, store.Id, condition,
                    (line.UnitPrice * quantity.Value).MinorUnits, request.Reason, now.ToUnixTimeMilliseconds());
            }
            await orders.SaveReturnedQuantitiesAsync(session, caller.Tenant, order);
            var refund = lines.Aggregate(Money.Zero(order.Currency), (sum, l) => sum + order.Lines.Single(x => x.LineNo == l.LineNo).UnitPrice * l.Quantity.Value);
            var note = $"returned at {store.Code} ({condition}), refund {refund}";
            if (!await orders.SaveTransitionAsync(session, caller.Tenant, order, note, PlaceOrderHandler.Actor(caller), now.ToUnixTimeMilliseconds()))
                return OrderErrors.Concurrent();
            await session.PublishAsync(new OrderStatusChanged(caller.Tenant, order.Id, order.Member, order.Status, now), ct);
            return OrderView.From(order);
        }, ct);
    }
}
