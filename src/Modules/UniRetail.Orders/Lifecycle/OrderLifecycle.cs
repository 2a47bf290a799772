using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Benefits;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;
using UniRetail.Orders.Persistence;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Orders.Queries;

namespace UniRetail.Orders.Lifecycle;

internal sealed record CancelOrderRequest(string? Reason);

/// <summary>Moves orders through their life with business verbs; each applies the stock effect the domain decides.</summary>
internal sealed class OrderLifecycle(Database database, OrderStore orders, IStockMovements stock, IOrderRouting router, OrderBenefitReversal benefits, TimeProvider clock)
{
    public Task<Result<OrderView>> ConfirmPaymentAsync(Caller caller, OrderId id, CancellationToken ct) =>
        TransitionAsync(caller, id, o => o.ConfirmPayment(), "payment captured", ct);

    public Task<Result<OrderView>> StartPickingAsync(Caller caller, OrderId id, CancellationToken ct) =>
        TransitionAsync(caller, id, o => o.StartPicking(), null, ct);

    public Task<Result<OrderView>> MarkReadyForPickupAsync(Caller caller, OrderId id, CancellationToken ct) =>
        TransitionAsync(caller, id, o => o.MarkReadyForPickup(), null, ct);

    public Task<Result<OrderView>> ShipAsync(Caller caller, OrderId id, CancellationToken ct) =>
        TransitionAsync(caller, id, o => o.Ship(), null, ct);

    public Task<Result<OrderView>> DispatchAsync(Caller caller, OrderId id, CancellationToken ct) =>
        TransitionAsync(caller, id, o => o.Dispatch(), null, ct);

    public Task<Result<OrderView>> CompleteAsync(Caller caller, OrderId id, CancellationToken ct) =>
        TransitionAsync(caller, id, o => o.Complete(), null, ct);

    public Task<Result<OrderView>> CancelAsync(Caller caller, OrderId id, CancelOrderRequest request, CancellationToken ct)
    {
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? "cancelled on request" : request.Reason.Trim();
        return TransitionAsync(caller, id, o => o.Cancel(reason), reason, ct);
    }

    /// <summary>Store staff act only on orders their store fulfils (or that are picked up there); others tenant-wide.</summary>
    public static Result<Unit> EnsureMayHandle(Caller caller, Order order)
    {
        if (caller.Role == Role.StoreStaff && caller.Store is { } store && order.Store != store && !order.FulfilmentLocations.Contains(store))
            return Error.Forbidden("identity.other_store", $"Order {order.Id} is not fulfilled by store {store}.", "id");
        return Unit.Value;
    }

    private async Task<Result<OrderView>> TransitionAsync(Caller caller, OrderId id, Func<Order, Result<StockEffect>> verb, string? note, CancellationToken ct) =>
        await database.WriteAsync<OrderView>(async session =>
            (await TransitionInAsync(session, caller.Tenant, id, o => EnsureMayHandle(caller, o).Then(_ => verb(o)), note, PlaceOrderHandler.Actor(caller), ct))
                .Map(OrderView.From), ct);

    /// <summary>
    /// Applies a verb to an order inside the caller's write: its stock effect, given-back benefits when cancelled, the
    /// saved transition and its event. Another module's verb on the order (a pickup point's handover) comes through here.
    /// </summary>
    internal async Task<Result<Order>> TransitionInAsync(DbSession session, TenantId tenant, OrderId id, Func<Order, Result<StockEffect>> verb, string? note, string actor, CancellationToken ct)
    {
        var order = await orders.LoadAsync(session.Connection, session.Transaction, tenant, id);
        if (order is null)
            return OrderErrors.UnknownOrder(id.Value);
        var effect = verb(order);
        if (!effect.IsSuccess)
            return effect.Error;
        await ApplyAsync(session, tenant, order, effect.Value, note, ct);
        if (order.Status == OrderStatus.Cancelled)
        {
            var reversed = await benefits.ReverseCancelledAsync(session, tenant, order, ct);
            if (!reversed.IsSuccess)
                return reversed.Error;
        }
        if (!await orders.SaveTransitionAsync(session, tenant, order, note, actor, Now))
            return OrderErrors.Concurrent();
        await session.PublishAsync(new OrderStatusChanged(tenant, order.Id, order.Member, order.Status, clock.GetUtcNow()), ct);
        return order;
    }

    private async Task ApplyAsync(DbSession session, TenantId tenant, Order order, StockEffect effect, string? note, CancellationToken ct)
    {
        var holds = HoldReference.ForOrder(order.Id);
        switch (effect)
        {
            case StockEffect.ConfirmHolds:
                await stock.ConfirmAsync(session, tenant, holds, ct);
                break;
            case StockEffect.ReleaseHolds:
                await stock.ReleaseAsync(session, tenant, holds, note ?? "order cancelled", ct);
                await router.ReleaseAsync(session, tenant, order.Id);
                break;
            case StockEffect.ConsumeHolds:
                await stock.ConsumeAsync(session, tenant, holds, null, ct);
                break;
            case StockEffect.None:
                break;
        }
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
