using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Bags;

/// <summary>
/// Takes units out of a bag: a line set to a lower quantity, or removed (quantity 0, or <c>DELETE</c>). Adding goes through a
/// scan, so the data bank sees every product added. Setting a quantity is idempotent, so a retry changes nothing more.
/// </summary>
internal sealed class ChangeBagLine(Database database, BagStore bags, BagAccess access, BagPricing pricing, TimeProvider clock)
{
    public async Task<Result<BagView>> SetAsync(Caller caller, string? bagId, string? memberId, string? sku, int? quantity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (quantity is not >= 0)
            return BagErrors.BadQuantity("quantity");
        var found = await access.FindAsync(caller, bagId, memberId, ct);
        if (!found.IsSuccess)
            return found.Error;
        var code = Sku.Parse(sku, "sku");
        if (!code.IsSuccess)
            return code.Error;
        var bag = found.Value;
        var now = clock.GetUtcNow();
        var written = await database.WriteAsync<Unit>(async session =>
        {
            if (!await bags.LockOpenAsync(session, caller.Tenant, bag.BagId, now))
                return await access.WhyClosedAsync(session, caller.Tenant, bag.BagId, now);
            var line = (await bags.LinesAsync(session.Connection, caller.Tenant, bag.BagId, session.Transaction)).FirstOrDefault(l => l.Sku == code.Value);
            if (line is null)
                return BagErrors.UnknownLine(code.Value.Value, "sku");
            if (quantity > line.Quantity)
                return BagErrors.ScanToAdd(line.Quantity, "quantity");
            if (quantity == line.Quantity)
                return Unit.Value;
            await bags.SetQuantityAsync(session, caller.Tenant, bag.BagId, code.Value, quantity.Value);
            await bags.ChangedAsync(session, caller.Tenant, bag.BagId, now);
            return Unit.Value;
        }, ct);
        if (!written.IsSuccess)
            return written.Error;
        return await ViewAsync(caller.Tenant, bag.BagId, now, ct);
    }

    public Task<Result<BagView>> RemoveAsync(Caller caller, string? bagId, string? memberId, string? sku, CancellationToken ct) =>
        SetAsync(caller, bagId, memberId, sku, 0, ct);

    public async Task<Result<BagView>> GetAsync(Caller caller, string? bagId, string? memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = await access.FindAsync(caller, bagId, memberId, ct);
        return found.IsSuccess ? await ViewAsync(caller.Tenant, found.Value.BagId, clock.GetUtcNow(), ct) : found.Error;
    }

    private async Task<Result<BagView>> ViewAsync(TenantId tenant, string bagId, DateTimeOffset now, CancellationToken ct)
    {
        var (bag, lines) = await database.ReadAsync(async c => (await bags.FindAsync(c, tenant, bagId), await bags.LinesAsync(c, tenant, bagId)), ct);
        if (bag is null)
            return BagErrors.UnknownBag(bagId, "bagId");
        var priced = BagPricing.StatusOf(bag, now) == BagRules.Open ? await pricing.PriceAsync(tenant, bag, lines, now, ct) : null;
        return BagPricing.View(bag, lines, priced, now);
    }
}
