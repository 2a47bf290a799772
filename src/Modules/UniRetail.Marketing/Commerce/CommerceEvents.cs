using System.Text.Json;
using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Members.Contracts;
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

/// <summary>
/// A member registered (at a till, in the app, by import) enters the bank as an <c>identify</c> of the commerce source
/// naming the member (<c>userId</c> = member id) with their name, e-mail, phone and loyalty card as traits, so the bank
/// knows whose card a till sale carries before any order. A member registered with several identifiers of one kind gives
/// one identify per extra identifier. Shop accounts and external ids are not traits the bank reads, so they are left out;
/// a member with no name and none of these gives no event.
/// </summary>
internal sealed class RecordMemberRegistered(EventStore events, TimeProvider clock) : IDomainEventSubscriber<MemberRegistered>
{
    private static readonly Dictionary<IdentifierKind, string> TraitNames = new()
    {
        [IdentifierKind.Email] = "email",
        [IdentifierKind.Phone] = "phone",
        [IdentifierKind.LoyaltyCard] = "loyalty_card",
    };

    public async Task HandleAsync(MemberRegistered domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        var byTrait = domainEvent.Identifiers.Where(i => TraitNames.ContainsKey(i.Kind)).GroupBy(i => TraitNames[i.Kind]).ToDictionary(g => g.Key, g => g.Select(i => i.Value).ToList());
        // A member with neither a name nor an identifier the bank reads (an imported customer number) tells it nothing yet.
        if (byTrait.Count == 0 && string.IsNullOrWhiteSpace(domainEvent.DisplayName))
            return;
        var count = Math.Max(1, byTrait.Values.Select(v => v.Count).DefaultIfEmpty(0).Max());
        var identifies = new List<TrackedEvent>(count);
        for (var n = 0; n < count; n++)
        {
            var traits = new Dictionary<string, string>(StringComparer.Ordinal);
            if (n == 0 && !string.IsNullOrWhiteSpace(domainEvent.DisplayName))
                traits["name"] = domainEvent.DisplayName;
            foreach (var (trait, values) in byTrait)
            {
                if (n < values.Count)
                    traits[trait] = values[n];
            }
            var messageId = n == 0 ? $"{domainEvent.Member.Value}:registered" : $"{domainEvent.Member.Value}:registered:{n}";
            identifies.Add(new TrackedEvent(messageId, "identify", null, null, domainEvent.Member.Value, null, null, null, domainEvent.At, null, JsonSerializer.Serialize(traits), null));
        }
        await events.InsertAsync(session, CommerceEvents.Origin(domainEvent.Tenant, null), identifies, clock.GetUtcNow());
    }
}
