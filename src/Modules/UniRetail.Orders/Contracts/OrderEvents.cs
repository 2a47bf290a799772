using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Orders.Contracts;

/// <summary>Published inside the transaction that placed an order (marketing's event bank records it).</summary>
public sealed record OrderPlaced(TenantId Tenant, OrderId Order, MemberId? Member, LocationId? Store, SalesChannel Channel, FulfilmentType Fulfilment, Money Total, DateTimeOffset At) : IDomainEvent;

/// <summary>Published inside the transaction that moved an order to a new status (cancelled, shipped, returned...).</summary>
public sealed record OrderStatusChanged(TenantId Tenant, OrderId Order, MemberId? Member, OrderStatus Status, DateTimeOffset At) : IDomainEvent;
