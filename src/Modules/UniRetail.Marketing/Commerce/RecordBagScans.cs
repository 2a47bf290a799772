using UniRetail.Data;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Store.Contracts;

namespace UniRetail.Marketing.Commerce;

/// <summary>
/// A product scanned into a bag enters the bank as Segment's <c>Product Added</c> on the member's profile, from the store: a
/// built-in source <c>store</c> of kind <c>store</c> stamped with the store's location (no write key, like <c>commerce</c>),
/// written in the scan's transaction, the scan id as message id. AIPL's default rules count it as an engagement (Interested).
/// </summary>
internal sealed class RecordBagScans(EventStore events, TimeProvider clock) : IDomainEventSubscriber<BagProductAdded>
{
    public const string SourceId = "store";

    public async Task HandleAsync(BagProductAdded domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        var properties = new Dictionary<string, object?>
        {
            ["cart_id"] = domainEvent.BagId,
            ["product_id"] = domainEvent.Sku.Value,
            ["sku"] = domainEvent.Sku.Value,
            ["name"] = domainEvent.Name,
            ["price"] = domainEvent.UnitPrice.Amount,
            ["currency"] = domainEvent.UnitPrice.Currency.Code,
            ["quantity"] = domainEvent.Quantity.Value,
            ["gtin"] = domainEvent.Gtin,
            ["store_id"] = domainEvent.Store.Value,
        };
        var track = CommerceEvents.Track(domainEvent.ScanId, "Product Added", domainEvent.Member, domainEvent.At, properties);
        await events.InsertAsync(session, new EventOrigin(domainEvent.Tenant, SourceId, SourceKind.Store, domainEvent.Store.Value), [track], clock.GetUtcNow());
    }
}
