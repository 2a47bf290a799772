using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;

namespace UniRetail.Orders.Lifecycle;

/// <summary>The pickup point's steps as order verbs, applied through the lifecycle in the pickup point's transaction.</summary>
internal sealed class PickupOrders(OrderLifecycle lifecycle) : IPickupOrders
{
    public async Task<Result<OrderStatus>> MoveAsync(DbSession session, TenantId tenant, OrderId order, ParcelStep step, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        Result<Order> moved = step switch
        {
            ParcelStep.Arrived => await ArrivedAsync(session, tenant, order, actor, ct),
            ParcelStep.Collected => await lifecycle.TransitionInAsync(session, tenant, order, o => PickupOnly(o).Then(_ => o.Complete()), "collected at the pickup point with the customer's code", actor, ct),
            ParcelStep.Uncollected => await lifecycle.TransitionInAsync(session, tenant, order, o => PickupOnly(o).Then(_ => o.Cancel("not collected at the pickup point: returned")), "not collected at the pickup point: returned", actor, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
        return moved.Map(o => o.Status);
    }

    /// <summary>A paid order the tenant has not marked picking yet goes through picking first: the parcel left, or it could not have arrived.</summary>
    private Task<Result<Order>> ArrivedAsync(DbSession session, TenantId tenant, OrderId order, string actor, CancellationToken ct) =>
        lifecycle.TransitionInAsync(session, tenant, order, o => PickupOnly(o)
            .Then(_ => o.Status == OrderStatus.Allocated ? o.StartPicking() : Result<StockEffect>.Success(StockEffect.None))
            .Then(_ => o.MarkReadyForPickup()), "parcel arrived at the pickup point", actor, ct);

    private static Result<Unit> PickupOnly(Order order) =>
        order.Fulfilment == FulfilmentType.PickupInStore ? Unit.Value : OrderErrors.WrongFulfilment("collect", FulfilmentTypes.ToName(order.Fulfilment));
}
