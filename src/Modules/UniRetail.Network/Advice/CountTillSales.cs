using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Network.Domain.Advice;
using UniRetail.Network.Persistence;
using UniRetail.Store.Contracts;

namespace UniRetail.Network.Advice;

/// <summary>
/// A shop sells through the same till as any store: in the sale's own transaction, a shop's till sale adds its units to the
/// shop's daily sales (which its forecasts and advice read) and counts its basket for side-by-side advice. Tenants that were
/// never on a platform are left alone (one indexed lookup a sale).
/// </summary>
internal sealed class CountTillSales(AdviceStore store, ILocationDirectory locations) : IDomainEventSubscriber<TillSaleRecorded>
{
    public async Task HandleAsync(TillSaleRecorded domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        if (domainEvent.Lines.Count == 0 || !await store.IsShopAsync(session, domainEvent.Tenant))
            return;
        var at = await locations.FindAsync(domainEvent.Tenant, domainEvent.Store, ct);
        var day = (at?.LocalDay(domainEvent.At) ?? DateOnly.FromDateTime(domainEvent.At.UtcDateTime)).DayNumber;
        var units = domainEvent.Lines.Where(l => l.Quantity > 0).GroupBy(l => l.Sku.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        if (units.Count == 0)
            return;
        await store.AddSalesAsync(session, domainEvent.Tenant, domainEvent.Store, day, units);
        var (items, pairs) = BasketLift.Count(domainEvent.Lines.Where(l => l.Quantity > 0).Select(l => l.Sku.Value));
        await store.AddBasketAsync(session, domainEvent.Tenant, domainEvent.Store, items, pairs);
    }
}
