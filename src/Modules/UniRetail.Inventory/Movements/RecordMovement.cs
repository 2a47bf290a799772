using UniRetail.Data;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Movements;

internal sealed record AdjustStockRequest(string? Sku, string? LocationId, int Delta, string? Reason);

internal sealed record TransferStockRequest(string? Sku, string? FromLocationId, string? ToLocationId, int Quantity);

internal sealed record SafetyStockRequest(string? Sku, string? LocationId, int SafetyStock);

/// <summary>Stock counted and moved between locations; and the safety stock each location keeps back.</summary>
internal sealed class RecordMovement(Database database, StockStore levels, StockTargets targets, TimeProvider clock)
{
    public async Task<Result<Unit>> AdjustAsync(Caller caller, AdjustStockRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await targets.ResolveAsync(caller, request.Sku, request.LocationId, ct);
        if (!target.IsSuccess)
            return target.Error;
        if (request.Delta == 0)
            return InventoryErrors.ZeroAdjustment();
        if (request.Delta is < -Quantity.Max or > Quantity.Max)
            return InventoryErrors.AdjustmentTooLarge();
        if (string.IsNullOrWhiteSpace(request.Reason))
            return InventoryErrors.ReasonRequired();
        var (sku, location) = target.Value;
        var entry = new LedgerEntry(LedgerKind.Adjustment, sku.Value, location.Id.Value, request.Delta, 0, 0, null, request.Reason.Trim());
        return await database.WriteAsync<Unit>(async session =>
        {
            if (request.Delta > 0)
                return await levels.AddAsync(session, caller.Tenant, entry, Now) is null ? InventoryErrors.LevelTooLarge(sku, location.Id, "delta") : Unit.Value;
            return await levels.ChangeAsync(session, caller.Tenant, entry, StockStore.Guard.StaysAboveReserved, Now) ? Unit.Value : InventoryErrors.BelowReserved(sku, location.Id);
        }, ct);
    }

    public async Task<Result<Unit>> TransferAsync(Caller caller, TransferStockRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = await targets.ResolveAsync(caller, request.Sku, request.FromLocationId, ct, locationField: "fromLocationId");
        if (!from.IsSuccess)
            return from.Error;
        // Staff of the sending store start a transfer; the receiving location is any of the tenant's.
        var to = await targets.ResolveLocationAsync(caller, request.ToLocationId, "toLocationId", ct, callerActsThere: false);
        var quantity = Quantity.Of(request.Quantity);
        if (!to.IsSuccess || !quantity.IsSuccess)
            return (to.Error ?? quantity.Error)!;
        if (from.Value.Location.Id == to.Value.Id)
            return InventoryErrors.SameLocation();
        var sku = from.Value.Sku;
        var transfer = NewId.With("trf");
        var units = quantity.Value.Value;
        return await database.WriteAsync<Unit>(async session =>
        {
            var outEntry = new LedgerEntry(LedgerKind.TransferOut, sku.Value, from.Value.Location.Id.Value, -units, 0, 0, transfer, null);
            if (!await levels.ChangeAsync(session, caller.Tenant, outEntry, StockStore.Guard.Shelf, Now))
                return InventoryErrors.InsufficientStock(sku, from.Value.Location.Id);
            var inEntry = new LedgerEntry(LedgerKind.TransferIn, sku.Value, to.Value.Id.Value, units, 0, 0, transfer, null);
            return await levels.AddAsync(session, caller.Tenant, inEntry, Now) is null ? InventoryErrors.LevelTooLarge(sku, to.Value.Id, "quantity") : Unit.Value;
        }, ct);
    }

    public async Task<Result<Unit>> SetSafetyStockAsync(Caller caller, SafetyStockRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await targets.ResolveAsync(caller, request.Sku, request.LocationId, ct);
        if (!target.IsSuccess)
            return target.Error;
        if (request.SafetyStock < 0)
            return InventoryErrors.NegativeSafetyStock();
        if (request.SafetyStock > StockLimits.MaxLevel)
            return InventoryErrors.SafetyStockTooLarge();
        return await database.WriteAsync<Unit>(async session =>
        {
            await levels.SetSafetyStockAsync(session, caller.Tenant, target.Value.Sku, target.Value.Location.Id, request.SafetyStock, Now);
            return Unit.Value;
        }, ct);
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
