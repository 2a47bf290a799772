using System.Text.Json;
using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
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

    /// <summary>A track event of a guest: the shop's anonymous id as <c>anonymousId</c>, the e-mail in <c>context.traits</c>, where profiles read it.</summary>
    public static TrackedEvent Track(string messageId, string name, Guest guest, DateTimeOffset at, object properties)
    {
        ArgumentNullException.ThrowIfNull(guest);
        var context = guest.Email is { } email ? JsonSerializer.Serialize(new { traits = new { email } }) : null;
        return new(messageId, "track", name, null, null, guest.AnonymousId, null, null, at, JsonSerializer.Serialize(properties), null, context);
    }
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

/// <summary>
/// Loyalty's facts enter the bank as track events of the commerce source on the member's profile: <c>Points Earned</c>,
/// <c>Points Redeemed</c>, <c>Coupon Applied</c>, <c>Coupon Denied</c> and <c>Tier Changed</c>. A guest's coupon (no member) goes on
/// the profile of the anonymous id and e-mail the order names; one that names nobody is left out.
/// </summary>
internal sealed class RecordLoyaltyEvents(EventStore events, TimeProvider clock)
    : IDomainEventSubscriber<PointsEarned>, IDomainEventSubscriber<PointsRedeemed>, IDomainEventSubscriber<CouponApplied>,
      IDomainEventSubscriber<CouponDenied>, IDomainEventSubscriber<TierChanged>
{
    public Task HandleAsync(PointsEarned domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return RecordAsync(session, domainEvent.Tenant, domainEvent.Member, $"{domainEvent.Reference}:points_earned", "Points Earned", domainEvent.At,
            new Dictionary<string, object?>
            {
                ["order_id"] = domainEvent.Reference, ["points"] = domainEvent.Points + domainEvent.BonusPoints, ["bonus_points"] = domainEvent.BonusPoints,
                ["pending"] = domainEvent.ReleaseAt is not null, ["release_at"] = domainEvent.ReleaseAt,
            });
    }

    public Task HandleAsync(PointsRedeemed domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return RecordAsync(session, domainEvent.Tenant, domainEvent.Member, $"{domainEvent.Reference}:points_redeemed", "Points Redeemed", domainEvent.At,
            new Dictionary<string, object?>
            {
                ["order_id"] = domainEvent.Reference, ["points"] = domainEvent.Points, ["value"] = domainEvent.Value.Amount, ["currency"] = domainEvent.Value.Currency.Code,
            });
    }

    /// <summary>Segment's <c>Coupon Applied</c>: <c>order_id</c>, <c>coupon_id</c> (the campaign), <c>coupon_name</c> (the code).</summary>
    public Task HandleAsync(CouponApplied domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return RecordAsync(session, domainEvent.Tenant, domainEvent.Member, domainEvent.Guest, $"{domainEvent.Reference}:coupon_applied", "Coupon Applied", domainEvent.At,
            new Dictionary<string, object?>
            {
                ["order_id"] = domainEvent.Reference, ["coupon_id"] = domainEvent.CampaignId, ["coupon_name"] = domainEvent.Code,
                ["promotion_id"] = domainEvent.PromotionId,
            });
    }

    /// <summary>Segment's <c>Coupon Denied</c>: <c>reason</c> is the refusal's problem code.</summary>
    public Task HandleAsync(CouponDenied domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return RecordAsync(session, domainEvent.Tenant, domainEvent.Member, domainEvent.Guest, $"{domainEvent.Reference}:coupon_denied", "Coupon Denied", domainEvent.At,
            new Dictionary<string, object?> { ["order_id"] = domainEvent.Reference, ["coupon_name"] = domainEvent.Code, ["reason"] = domainEvent.Reason });
    }

    /// <summary>
    /// The tier change, with the new tier as the member's <c>tier</c> trait (in <c>context.traits</c>): the profile keeps
    /// the current tier, so AIPL's Loyal-by-tier rule and FAST's Superiority by tier see the programme's own tiers.
    /// </summary>
    public async Task HandleAsync(TierChanged domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        var track = CommerceEvents.Track($"{domainEvent.Member.Value}:tier:{domainEvent.At.ToUnixTimeMilliseconds()}", "Tier Changed", domainEvent.Member,
            domainEvent.At, new Dictionary<string, object?> { ["from"] = domainEvent.From, ["to"] = domainEvent.To })
            with { Context = JsonSerializer.Serialize(new { traits = new { tier = domainEvent.To } }) };
        await events.InsertAsync(session, CommerceEvents.Origin(domainEvent.Tenant, null), [track], clock.GetUtcNow());
    }

    private Task RecordAsync(DbSession session, TenantId tenant, MemberId member, string messageId, string name, DateTimeOffset at, Dictionary<string, object?> properties) =>
        RecordAsync(session, tenant, member, null, messageId, name, at, properties);

    /// <summary>On the member's profile, or else the guest's; nothing when the basket names neither.</summary>
    private async Task RecordAsync(
        DbSession session, TenantId tenant, MemberId? member, Guest? guest, string messageId, string name, DateTimeOffset at, Dictionary<string, object?> properties)
    {
        ArgumentNullException.ThrowIfNull(session);
        var track = member is not null ? CommerceEvents.Track(messageId, name, member, at, properties)
            : guest is not null ? CommerceEvents.Track(messageId, name, guest, at, properties)
            : null;
        if (track is not null)
            await events.InsertAsync(session, CommerceEvents.Origin(tenant, null), [track], clock.GetUtcNow());
    }
}
