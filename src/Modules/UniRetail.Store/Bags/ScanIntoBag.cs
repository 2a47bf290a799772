using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Store.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Bags;

internal sealed record BagScanned(ScanView Scan, bool Replayed);

internal sealed record ScanWritten(BagScanRecord Scan, bool Replayed);

/// <summary>
/// A product scanned into a bag: the GTIN resolved in the tenant's catalog, its units added to the SKU's line (a new line
/// for a new SKU), a <see cref="BagProductAdded"/> published in the same transaction (the data bank's <c>Product Added</c>),
/// and the answer carries the bag, its complements in stock at the store and promotion reminders. With an
/// <c>Idempotency-Key</c> a retried scan adds nothing and answers the bag as it now is; the key is claimed under the bag's
/// row lock, so two copies of one scan racing each other add once too.
/// </summary>
internal sealed class ScanIntoBag(
    Database database, BagStore bags, BagAccess access, IGtinLookup gtins, ISkuPricing prices, BagPricing pricing, BagSuggestions suggestions, TimeProvider clock)
{
    public async Task<Result<BagScanned>> HandleAsync(Caller caller, string? bagId, string? memberId, ScanRequest? request, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (key is not null && !BagAccess.IsKey(key))
            return BagErrors.BadKey();
        var found = await access.FindAsync(caller, bagId, memberId, ct);
        if (!found.IsSuccess)
            return found.Error;
        var bag = found.Value;
        var quantity = Quantity.Of(request?.Quantity ?? 1, "quantity");
        if (!quantity.IsSuccess)
            return quantity.Error;
        var sku = await gtins.SkuOfAsync(caller.Tenant, request?.Gtin, "gtin", ct);
        if (!sku.IsSuccess)
            return sku.Error;
        var gtin = request!.Gtin!.Trim();
        var onSale = await prices.PriceAsync(caller.Tenant, [sku.Value], SalesChannel.Pos, bag.Store, ct);
        if (!onSale.TryGetValue(sku.Value, out var price))
            return BagErrors.NotOnSale(sku.Value.Value, "gtin");

        var now = clock.GetUtcNow();
        var scan = new BagScanRecord(NewId.With("scn"), sku.Value, quantity.Value.Value);
        var written = await database.WriteAsync<ScanWritten>(async session =>
        {
            if (!await bags.LockOpenAsync(session, caller.Tenant, bag.BagId, now))
                return await access.WhyClosedAsync(session, caller.Tenant, bag.BagId, now);
            if (key is not null)
            {
                if (await bags.FindScanAsync(session, caller.Tenant, bag.BagId, key) is { } earlier)
                {
                    if (earlier.Sku != scan.Sku || earlier.Quantity != scan.Quantity)
                        return BagErrors.KeyReused();
                    return new ScanWritten(earlier, Replayed: true);
                }
                await bags.InsertScanAsync(session, caller.Tenant, bag.BagId, key, scan, now);
            }
            if (!await bags.AddAsync(session, caller.Tenant, bag.BagId, scan.Sku, gtin, scan.Quantity, Quantity.Max, now))
                return BagErrors.LineTooLarge("quantity");
            if ((await bags.LinesAsync(session.Connection, caller.Tenant, bag.BagId, session.Transaction)).Count > BagRules.MaxLines)
                return BagErrors.TooManyLines("gtin");
            await bags.ChangedAsync(session, caller.Tenant, bag.BagId, now);
            await session.PublishAsync(new BagProductAdded(
                caller.Tenant, bag.Member, bag.Store, bag.BagId, scan.ScanId, scan.Sku, gtin, price.Name, quantity.Value, price.UnitPrice, now), ct);
            return new ScanWritten(scan, Replayed: false);
        }, ct);
        if (!written.IsSuccess)
            return written.Error;

        var (current, lines) = await database.ReadAsync(async c =>
            (await bags.FindAsync(c, caller.Tenant, bag.BagId), await bags.LinesAsync(c, caller.Tenant, bag.BagId)), ct);
        var priced = await pricing.PriceAsync(caller.Tenant, current!, lines, now, ct);
        var complements = await suggestions.ComplementsAsync(caller.Tenant, bag.Store, scan.Sku, lines.Select(l => l.Sku).ToHashSet(), ct);
        var reminders = await suggestions.RemindersAsync(caller.Tenant, current!, lines, priced, now, ct);
        var (done, replayed) = (written.Value.Scan, written.Value.Replayed);
        var view = new ScanView(done.ScanId, done.Sku.Value, gtin, done.Quantity, BagPricing.View(current!, lines, priced, now), complements, reminders);
        return new BagScanned(view, replayed);
    }
}
