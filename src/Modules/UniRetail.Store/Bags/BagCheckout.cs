using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Store.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Bags;

/// <summary>The bag as a till or self-checkout takes it (<see cref="IBagCheckout"/>).</summary>
internal sealed class BagCheckout(Database database, BagStore bags, BagAccess access, TimeProvider clock) : IBagCheckout
{
    public async Task<Result<BagToCheckOut>> ReadAsync(TenantId tenant, LocationId store, string? bagId, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(bagId) || bagId.Length > BagAccess.MaxIdLength)
            return BagErrors.UnknownBag(bagId, field);
        var (bag, lines) = await database.ReadAsync(async c =>
        {
            var found = await bags.FindAsync(c, tenant, bagId);
            return (found, found is null ? Array.Empty<BagLineRecord>() : await bags.LinesAsync(c, tenant, bagId));
        }, ct);
        if (bag is null || bag.Store != store)
            return BagErrors.UnknownBag(bagId, field);
        if (bag.Status == BagRules.CheckedOut)
            return BagErrors.CheckedOut(field);
        if (clock.GetUtcNow() >= bag.ExpiresAt)
            return BagErrors.Expired(bag.ExpiresAt, field);
        if (lines.Count == 0)
            return BagErrors.Empty(field);
        return new BagToCheckOut(bag.BagId, bag.Member, bag.Store, bag.Version,
            lines.Select(l => new BagLineToCheckOut(l.Sku, l.Gtin, Quantity.FromStored(l.Quantity))).ToList());
    }

    public async Task<Result<Unit>> CheckOutAsync(DbSession session, TenantId tenant, BagToCheckOut bag, string reference, DateTimeOffset at, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bag);
        if (await bags.CheckOutAsync(session, tenant, bag.BagId, bag.Version, reference, at))
            return Unit.Value;
        var current = await bags.FindAsync(session.Connection, tenant, bag.BagId, session.Transaction);
        return current is not null && current.Status == BagRules.Open && at < current.ExpiresAt
            ? BagErrors.Changed(field)
            : (await access.WhyClosedAsync(session, tenant, bag.BagId, at)).AtField(field);
    }
}
