using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain.PickupPoints;
using UniRetail.Network.Persistence;
using UniRetail.Orders.Contracts;

namespace UniRetail.Network.PickupPoints;

/// <summary>
/// An order placed for pickup at one of the platform's pickup points becomes a parcel the shop expects, in the order's own
/// transaction (so there is never an order at a point without its parcel, nor a parcel without its order).
/// </summary>
internal sealed class ExpectParcelWhenOrderPlaced(PickupPointStore store) : IDomainEventSubscriber<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        if (domainEvent.Fulfilment != FulfilmentType.PickupInStore || domainEvent.Store is not { } location)
            return;
        if (await store.PointAtAsync(session.Connection, session.Transaction, domainEvent.Tenant, location) is not { } point)
            return;
        await store.InsertParcelAsync(session, new ParcelRow
        {
            PlatformId = point.PlatformId, OrderId = domainEvent.Order.Value, ParcelId = NewId.With("pcl"), ShopId = point.ShopId,
            LocationId = point.LocationId, Status = ParcelStatuses.Expected, PlacedAtMs = domainEvent.At.ToUnixTimeMilliseconds(),
        });
    }
}

/// <summary>The platform cancelled an order: its parcel is cancelled if it has not arrived, or marked to go back if it has.</summary>
internal sealed class CancelParcelWhenOrderCancelled(PickupPointStore store) : IDomainEventSubscriber<OrderStatusChanged>
{
    public Task HandleAsync(OrderStatusChanged domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return domainEvent.Status == OrderStatus.Cancelled ? store.OrderCancelledAsync(session, domainEvent.Tenant, domainEvent.Order) : Task.CompletedTask;
    }
}
