using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Movements;

/// <summary>Every stock movement, each a conditional level change plus its ledger entry, inside the caller's transaction.</summary>
internal sealed class StockMovements(Database database, StockStore levels, HoldStore holds, DiscrepancyStore discrepancies, TimeProvider clock) : IStockMovements
{
    public Task<IReadOnlyList<StockPosition>> PositionsAsync(TenantId tenant, IReadOnlyCollection<Sku> skus, CancellationToken ct) =>
        database.ReadAsync(c => levels.PositionsAsync(c, tenant, skus), ct);

    public Task<IReadOnlyList<StockPosition>> PositionsAtAsync(TenantId tenant, LocationId location, IReadOnlyCollection<Sku> skus, CancellationToken ct) =>
        database.ReadAsync(c => levels.PositionsAtAsync(c, tenant, location, skus), ct);

    public async Task<Result<Unit>> HoldAsync(DbSession session, TenantId tenant, StockHolds request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var guard = request.Policy == HoldPolicy.KeepSafetyStock ? StockStore.Guard.Available : StockStore.Guard.Shelf;
        var expires = request.ExpiresAt?.ToUnixTimeMilliseconds();
        foreach (var line in InLockOrder(request.Lines, l => (l.Sku.Value, l.Location.Value)))
        {
            var entry = new LedgerEntry(LedgerKind.Reservation, line.Sku.Value, line.Location.Value, 0, line.Quantity.Value, 0, request.Reference.Value, null);
            var held = await levels.ChangeLevelAsync(session, tenant, entry, guard, Now);
            if (!held && request.Policy == HoldPolicy.SoldAlready)
            {
                var booked = await BookShortfallAsync(session, tenant, request.Reference, line);
                if (!booked.IsSuccess)
                    return booked.Error;
                held = await levels.ChangeLevelAsync(session, tenant, entry, guard, Now);
            }
            if (!held)
                return InventoryErrors.InsufficientStock(line.Sku, line.Location, line.Field);
            await holds.InsertAsync(session, tenant, request.Reference, entry, expires, Now);
        }
        return Unit.Value;
    }

    public Task<int> ConfirmAsync(DbSession session, TenantId tenant, HoldReference reference, CancellationToken ct) =>
        holds.ConfirmAsync(session, tenant, reference);

    public Task<int> ReleaseAsync(DbSession session, TenantId tenant, HoldReference reference, string reason, CancellationToken ct) =>
        CloseAsync(session, tenant, reference, null, HoldStore.Released,
            hold => new LedgerEntry(LedgerKind.Release, hold.Sku, hold.Location, 0, -hold.Quantity, 0, reference.Value, reason));

    public Task<int> ConsumeAsync(DbSession session, TenantId tenant, HoldReference reference, LocationId? location, CancellationToken ct) =>
        CloseAsync(session, tenant, reference, location, HoldStore.Consumed,
            hold => new LedgerEntry(LedgerKind.Sale, hold.Sku, hold.Location, -hold.Quantity, -hold.Quantity, 0, reference.Value, null));

    public async Task<Result<Unit>> ReceiveAsync(DbSession session, TenantId tenant, Sku sku, LocationId location, Quantity quantity, string reference, string field, CancellationToken ct)
    {
        var entry = new LedgerEntry(LedgerKind.Receipt, sku.Value, location.Value, quantity.Value, 0, 0, reference, null);
        return await levels.AddAsync(session, tenant, entry, Now) is null ? InventoryErrors.LevelTooLarge(sku, location, field) : Unit.Value;
    }

    public async Task<Result<Unit>> ReturnAsync(DbSession session, TenantId tenant, Sku sku, LocationId location, Quantity quantity, string returnId, bool damaged, CancellationToken ct)
    {
        var entry = damaged
            ? new LedgerEntry(LedgerKind.ReturnDamaged, sku.Value, location.Value, 0, 0, quantity.Value, returnId, "returned damaged")
            : new LedgerEntry(LedgerKind.Return, sku.Value, location.Value, quantity.Value, 0, 0, returnId, "returned");
        return await levels.AddAsync(session, tenant, entry, Now) is null ? InventoryErrors.LevelTooLarge(sku, location, "quantity") : Unit.Value;
    }

    /// <summary>
    /// The shelf had units the book stock lacks (a till sold them while offline): the shortfall is booked in with a
    /// <c>count_variance</c> entry, so the level still equals its ledger and never goes negative, and recorded as a
    /// discrepancy for the store to count. A concurrent hold that takes units between the read and the re-checked hold makes
    /// the hold fail as taken meanwhile, and the order's write (all of this with it) is tried again.
    /// </summary>
    private async Task<Result<Unit>> BookShortfallAsync(DbSession session, TenantId tenant, HoldReference reference, StockHoldLine line)
    {
        var shelf = await levels.ShelfAsync(session, tenant, line.Sku, line.Location);
        var shortfall = line.Quantity.Value - Math.Max(0, shelf);
        var variance = new LedgerEntry(LedgerKind.CountVariance, line.Sku.Value, line.Location.Value, shortfall, 0, 0, reference.Value, "sold offline beyond book stock");
        if (await levels.AddAsync(session, tenant, variance, Now) is null)
            return InventoryErrors.LevelTooLarge(line.Sku, line.Location, line.Field);
        await discrepancies.InsertAsync(session, tenant, new StockDiscrepancy(NewId.With("dsc"), line.Sku, line.Location, (int)shortfall, reference.Value, clock.GetUtcNow()));
        return Unit.Value;
    }

    /// <summary>Closes the reference's open holds, each with the level change and ledger entry <paramref name="entryFor"/> makes.</summary>
    private async Task<int> CloseAsync(DbSession session, TenantId tenant, HoldReference reference, LocationId? location, string status, Func<HoldRow, LedgerEntry> entryFor)
    {
        var closed = 0;
        foreach (var hold in InLockOrder(await holds.OpenAsync(session, tenant, reference, location), h => (h.Sku, h.Location)))
        {
            if (!await holds.CloseAsync(session, tenant, hold.ReservationId, status))
                continue;
            await levels.ChangeAsync(session, tenant, entryFor(hold), StockStore.Guard.None, Now);
            closed++;
        }
        return closed;
    }

    /// <summary>Stock rows are always locked in (SKU, location) order, so two writers never wait on each other in a cycle.</summary>
    private static IEnumerable<T> InLockOrder<T>(IEnumerable<T> items, Func<T, (string Sku, string Location)> key) =>
        items.OrderBy(i => key(i).Sku, StringComparer.Ordinal).ThenBy(i => key(i).Location, StringComparer.Ordinal);

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
