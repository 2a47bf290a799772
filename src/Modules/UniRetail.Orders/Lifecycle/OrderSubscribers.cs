using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Inventory.Contracts;
using UniRetail.Members.Contracts;
using UniRetail.Orders.Benefits;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Persistence;

namespace UniRetail.Orders.Lifecycle;

/// <summary>
/// An unpaid order whose stock hold expired is cancelled in the same transaction that released the stock, and gives back
/// the daily capacity it took.
/// </summary>
internal sealed class CancelOrderWhenHoldExpires(OrderStore orders, IOrderRouting router, OrderBenefitReversal benefits, TimeProvider clock) : IDomainEventSubscriber<StockHoldsExpired>
{
    public async Task HandleAsync(StockHoldsExpired domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        if (domainEvent.Reference.Order is not { } id)
            return;
        var order = await orders.LoadAsync(session.Connection, session.Transaction, domainEvent.Tenant, id);
        if (order is not { Status: OrderStatus.Placed })
            return;
        const string reason = "payment not captured before the stock hold expired";
        if (order.Cancel(reason).IsSuccess && await orders.SaveTransitionAsync(session, domainEvent.Tenant, order, reason, "system", clock.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            await router.ReleaseAsync(session, domainEvent.Tenant, order.Id);
            var reversed = await benefits.ReverseCancelledAsync(session, domainEvent.Tenant, order, ct);
            if (!reversed.IsSuccess)
                throw new InvalidOperationException($"Giving back the benefits of expired order {order.Id} failed: {reversed.Error.Code} {reversed.Error.Message}");
            await session.PublishAsync(new OrderStatusChanged(domainEvent.Tenant, order.Id, order.Member, order.Status, clock.GetUtcNow()), ct);
        }
    }
}

/// <summary>When two members become one, the merged-away member's orders move to the survivor.</summary>
internal sealed class MoveOrdersWhenMembersMerge(OrderStore orders) : IDomainEventSubscriber<MembersMerged>
{
    public Task HandleAsync(MembersMerged domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return orders.ReassignMemberAsync(session, domainEvent.Tenant, domainEvent.Source, domainEvent.Target);
    }
}
