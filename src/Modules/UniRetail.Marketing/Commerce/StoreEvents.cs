using UniRetail.Data;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Store.Contracts;

namespace UniRetail.Marketing.Commerce;

/// <summary>
/// The store's facts enter the bank on the member's profile, in the transaction that made them, from two built-in per-tenant
/// sources stamped with the store (no write key, no row in <c>marketing_source</c>, like <c>commerce</c>): a member code
/// consumed at a till is <c>Store Visited</c> of the <c>store</c> source, a till sale is <c>Till Sale</c> of the <c>pos</c>
/// source (its till, sale id, payments; the money stays on the order's <c>Order Completed</c>, so revenue counts once).
/// A guest's sale names nobody the bank could attach it to, so it is left out.
/// </summary>
internal sealed class RecordStoreEvents(EventStore events, TimeProvider clock) : IDomainEventSubscriber<MemberVisitedStore>, IDomainEventSubscriber<TillSaleRecorded>
{
    public const string StoreSourceId = "store";
    public const string PosSourceId = "pos";

    public async Task HandleAsync(MemberVisitedStore domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        var track = CommerceEvents.Track($"{domainEvent.CodeId}:visit", "Store Visited", domainEvent.Member, domainEvent.At,
            new Dictionary<string, object?> { ["store_id"] = domainEvent.Store.Value, ["via"] = "member_code" });
        await events.InsertAsync(session, new EventOrigin(domainEvent.Tenant, StoreSourceId, SourceKind.Store, domainEvent.Store.Value), [track], clock.GetUtcNow());
    }

    public async Task HandleAsync(TillSaleRecorded domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        if (domainEvent.Member is not { } member)
            return;
        var track = CommerceEvents.Track($"{domainEvent.Order.Value}:till_sale", "Till Sale", member, domainEvent.At, new Dictionary<string, object?>
        {
            ["order_id"] = domainEvent.Order.Value, ["sale_id"] = domainEvent.SaleId, ["till_id"] = domainEvent.TillId, ["store_id"] = domainEvent.Store.Value,
            ["total"] = domainEvent.Total.Amount, ["currency"] = domainEvent.Total.Currency.Code, ["offline"] = domainEvent.Offline,
            ["payments"] = domainEvent.Payments.Where(p => p.Value.MinorUnits > 0).ToDictionary(p => p.Key, p => p.Value.Amount),
        });
        await events.InsertAsync(session, new EventOrigin(domainEvent.Tenant, PosSourceId, SourceKind.Pos, domainEvent.Store.Value), [track], clock.GetUtcNow());
    }
}
