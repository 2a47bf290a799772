using System.Text.Json;
using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Orders.Contracts;

namespace UniRetail.Marketing.Commerce;

/// <summary>
/// Orders enter the bank as Segment e-commerce spec track events, written in the order's own transaction so the bank never
/// misses or invents one. They come from a built-in per-tenant source <c>commerce</c> (no write key, no row in
/// <c>marketing_source</c>); the message id is derived from the fact, so a replayed fact is stored once.
/// </summary>
internal static class CommerceEvents
{
    public const string SourceId = "commerce";

    public static EventOrigin Origin(TenantId tenant, LocationId? store) => new(tenant, SourceId, SourceKind.Commerce, store?.Value);

    /// <summary>Segment's names: cancelled → Order Cancelled, (partly) returned → Order Refunded, any other move → Order Updated.</summary>
    public static string NameFor(OrderStatus status) => status switch
    {
        OrderStatus.Cancelled => "Order Cancelled",
        OrderStatus.Returned or OrderStatus.PartlyReturned => "Order Refunded",
        _ => "Order Updated",
    };

    public static TrackedEvent Track(string messageId, string name, MemberId? member, DateTimeOffset at, object properties) =>
        new(messageId, "track", name, null, member?.Value, null, null, null, at, JsonSerializer.Serialize(properties), null, null);
}

internal sealed class RecordOrderPlaced(EventStore events, TimeProvider clock) : IDomainEventSubscriber<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        var properties = new Dictionary<string, object?>
        {
            ["order_id"] = domainEvent.Order.Value,
            ["total"] = domainEvent.Total.Amount,
            ["revenue"] = domainEvent.Total.Amount,
            ["currency"] = domainEvent.Total.Currency.Code,
            ["channel"] = SalesChannels.ToName(domainEvent.Channel),
            ["fulfilment"] = FulfilmentTypes.ToName(domainEvent.Fulfilment),
            ["store_id"] = domainEvent.Store?.Value,
        };
        var track = CommerceEvents.Track($"{domainEvent.Order.Value}:placed", "Order Completed", domainEvent.Member, domainEvent.At, properties);
        await events.InsertAsync(session, CommerceEvents.Origin(domainEvent.Tenant, domainEvent.Store), [track], clock.GetUtcNow());
    }
}

internal sealed class RecordOrderStatusChanged(EventStore events, TimeProvider clock) : IDomainEventSubscriber<OrderStatusChanged>
{
    public async Task HandleAsync(OrderStatusChanged domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        var status = OrderStatuses.ToName(domainEvent.Status);
        var properties = new Dictionary<string, object?> { ["order_id"] = domainEvent.Order.Value, ["status"] = status };
        var messageId = $"{domainEvent.Order.Value}:{status}:{domainEvent.At.ToUnixTimeMilliseconds()}";
        var track = CommerceEvents.Track(messageId, CommerceEvents.NameFor(domainEvent.Status), domainEvent.Member, domainEvent.At, properties);
        await events.InsertAsync(session, CommerceEvents.Origin(domainEvent.Tenant, null), [track], clock.GetUtcNow());
    }
}
