using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Movements;

/// <summary>Every stock movement, each a conditional level change plus its ledger entry, inside the caller's transaction.</summary>
internal sealed class StockMovements(Database database, StockStore levels, HoldStore holds, TimeProvider clock) : IStockMovements
{
    public Task<IReadOnlyList<StockPosition>> PositionsAsync(TenantId tenant, IReadOnlyCollection<Sku> skus, CancellationToken ct) =>
        database.ReadAsync(c => levels.PositionsAsync(c, tenant, skus), ct);

    public async Task<Result<Unit>> HoldAsync(DbSession session, TenantId tenant, StockHold hold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var units = hold.Quantity.Value;
        var entry = new LedgerEntry(LedgerKind.Reservation, hold.Sku.Value, hold.Location.Value, 0, units, 0, hold.Reference, null);
        var guard = hold.Policy == HoldPolicy.KeepSafetyStock ? StockStore.Guard.Available : StockStore.Guard.Shelf;
        if (!await levels.ChangeLevelAsync(session, tenant, entry, guard, Now))
            return InventoryErrors.InsufficientStock(hold.Sku, hold.Location);
        await holds.InsertAsync(session, tenant, entry, hold.ExpiresAt?.ToUnixTimeMilliseconds(), Now);
        return Unit.Value;
    }

    public Task ConfirmAsync(DbSession session, TenantId tenant, string reference, CancellationToken ct) =>
        holds.ConfirmAsync(session, tenant, reference);

    public async Task<int> ReleaseAsync(DbSession session, TenantId tenant, string reference, string reason, CancellationToken ct)
    {
        var released = 0;
        foreach (var hold in InLockOrder(await holds.OpenAsync(session, tenant, reference, null)))
        {
            if (!await holds.CloseAsync(session, tenant, hold.ReservationId, HoldStore.Released))
                continue;
            var entry = new LedgerEntry(LedgerKind.Release, hold.Sku, hold.Location, 0, -hold.Quantity, 0, reference, reason);
            await levels.ChangeAsync(session, tenant, entry, StockStore.Guard.None, Now);
            released++;
        }
        return released;
    }

    public async Task<int> ConsumeAsync(DbSession session, TenantId tenant, string reference, LocationId? location, CancellationToken ct)
    {
        var consumed = 0;
        foreach (var hold in InLockOrder(await holds.OpenAsync(session, tenant, reference, location)))
        {
            if (!await holds.CloseAsync(session, tenant, hold.ReservationId, HoldStore.Consumed))
                continue;
            var entry = new LedgerEntry(LedgerKind.Sale, hold.Sku, hold.Location, -hold.Quantity, -hold.Quantity, 0, reference, null);
            await levels.ChangeAsync(session, tenant, entry, StockStore.Guard.None, Now);
            consumed++;
        }
        return consumed;
    }

    public Task ReturnAsync(DbSession session, TenantId tenant, Sku sku, LocationId location, Quantity quantity, string reference, bool damaged, CancellationToken ct)
    {
        var entry = damaged
            ? new LedgerEntry(LedgerKind.ReturnDamaged, sku.Value, location.Value, 0, 0, quantity.Value, reference, "returned damaged")
            : new LedgerEntry(LedgerKind.Return, sku.Value, location.Value, quantity.Value, 0, 0, reference, "returned");
        return levels.AddAsync(session, tenant, entry, Now);
    }

    /// <summary>Stock rows are always locked in (SKU, location) order, so two writers never wait on each other in a cycle.</summary>
    public static IEnumerable<HoldRow> InLockOrder(IEnumerable<HoldRow> holds) =>
        holds.OrderBy(h => h.Sku, StringComparer.Ordinal).ThenBy(h => h.Location, StringComparer.Ordinal);

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
