using UniRetail.Data;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Movements;

internal sealed record ReceiptLine(string? Sku, int Quantity);

/// <summary>A goods receipt: many SKUs arriving at one location, booked together.</summary>
internal sealed record GoodsReceiptRequest(string? LocationId, string? Reference, IReadOnlyList<ReceiptLine>? Lines);

internal sealed record AdjustStockRequest(string? Sku, string? LocationId, int Delta, string? Reason);

internal sealed record TransferStockRequest(string? Sku, string? FromLocationId, string? ToLocationId, int Quantity);

internal sealed record SafetyStockRequest(string? Sku, string? LocationId, int SafetyStock);

/// <summary>Goods received, counted, moved between locations; and the safety stock each location keeps back.</summary>
internal sealed class RecordMovement(Database database, StockStore levels, StockTargets targets, TimeProvider clock)
{
    public async Task<Result<int>> ReceiveAsync(Caller caller, GoodsReceiptRequest request, CancellationToken ct)
    {
        var location = await targets.ResolveLocationAsync(caller, request.LocationId, "locationId", ct);
        if (!location.IsSuccess)
            return location.Error;
        if (request.Lines is not { Count: > 0 } lines)
            return Error.Validation("inventory.no_lines", "A receipt has at least one line.", "lines");
        var entries = new List<LedgerEntry>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var sku = await targets.ResolveSkuAsync(caller, lines[i].Sku, $"lines[{i}].sku", ct);
            var quantity = Quantity.Of(lines[i].Quantity, $"lines[{i}].quantity");
            if (!sku.IsSuccess || !quantity.IsSuccess)
                return (sku.Error ?? quantity.Error)!;
            entries.Add(new LedgerEntry(LedgerKind.Receipt, sku.Value.Value, location.Value.Id.Value, quantity.Value.Value, 0, 0, request.Reference, null));
        }
        return await database.WriteAsync<int>(async session =>
        {
            foreach (var entry in entries)
                await levels.AddAsync(session, caller.Tenant, entry, Now);
            return entries.Count;
        }, ct);
    }

    public async Task<Result<Unit>> AdjustAsync(Caller caller, AdjustStockRequest request, CancellationToken ct)
    {
        var target = await targets.ResolveAsync(caller, request.Sku, request.LocationId, ct);
        if (!target.IsSuccess)
            return target.Error;
        if (request.Delta == 0)
            return InventoryErrors.ZeroAdjustment();
        if (string.IsNullOrWhiteSpace(request.Reason))
            return InventoryErrors.ReasonRequired();
        var (sku, location) = target.Value;
        var entry = new LedgerEntry(LedgerKind.Adjustment, sku.Value, location.Id.Value, request.Delta, 0, 0, null, request.Reason.Trim());
        return await database.WriteAsync<Unit>(async session =>
        {
            if (request.Delta > 0)
                await levels.AddAsync(session, caller.Tenant, entry, Now);
            else if (!await levels.ChangeAsync(session, caller.Tenant, entry, StockStore.Guard.StaysAboveReserved, Now))
                return InventoryErrors.BelowReserved(sku, location.Id);
            return Unit.Value;
        }, ct);
    }

    public async Task<Result<Unit>> TransferAsync(Caller caller, TransferStockRequest request, CancellationToken ct)
    {
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
            await levels.AddAsync(session, caller.Tenant, new LedgerEntry(LedgerKind.TransferIn, sku.Value, to.Value.Id.Value, units, 0, 0, transfer, null), Now);
            return Unit.Value;
        }, ct);
    }

    public async Task<Result<Unit>> SetSafetyStockAsync(Caller caller, SafetyStockRequest request, CancellationToken ct)
    {
        var target = await targets.ResolveAsync(caller, request.Sku, request.LocationId, ct);
        if (!target.IsSuccess)
            return target.Error;
        if (request.SafetyStock < 0)
            return InventoryErrors.NegativeSafetyStock();
        return await database.WriteAsync<Unit>(async session =>
        {
            await levels.SetSafetyStockAsync(session, caller.Tenant, target.Value.Sku, target.Value.Location.Id, request.SafetyStock, Now);
            return Unit.Value;
        }, ct);
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
