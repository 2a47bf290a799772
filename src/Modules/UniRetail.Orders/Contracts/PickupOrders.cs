using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Orders.Contracts;

/// <summary>How far a pickup order's parcel has come, as the pickup point's counter reports it.</summary>
public enum ParcelStep
{
    /// <summary>The parcel reached the counter: the order is ready for pickup (a paid order not yet marked picking is moved through picking).</summary>
    Arrived,
    /// <summary>The customer showed the code and took it: the order is completed.</summary>
    Collected,
    /// <summary>Nobody came for it and it goes back to the tenant: the order is cancelled and its stock released.</summary>
    Uncollected,
}

/// <summary>
/// Moves a tenant's pickup order as its parcel moves at a pickup point run by another tenant (a network shop), inside that
/// module's write. Fails with an orders code (<c>orders.cannot_transition</c>, <c>orders.unknown_order</c>) and writes nothing then.
/// </summary>
public interface IPickupOrders
{
    Task<Result<OrderStatus>> MoveAsync(DbSession session, TenantId tenant, OrderId order, ParcelStep step, string actor, CancellationToken ct);
}
