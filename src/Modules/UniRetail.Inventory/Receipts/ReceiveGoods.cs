using UniRetail.Data;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Movements;
using UniRetail.Inventory.Persistence;
using UniRetail.Inventory.Queries;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Receipts;

internal sealed record ReceiptLine(string? Sku, int Quantity);

/// <summary>A goods receipt: many SKUs arriving at one location, booked together. <c>reference</c>: the delivery note or order it came with.</summary>
internal sealed record GoodsReceiptRequest(string? LocationId, string? Reference, IReadOnlyList<ReceiptLine>? Lines);

internal sealed record ReceiptLineView(int LineNo, string Sku, int Quantity);

/// <summary>A booked receipt: its lines and, in the same order, their ledger entries (whose reference is the receipt id).</summary>
internal sealed record ReceiptView(
    string Id, string LocationId, string? Reference, DateTimeOffset ReceivedAt, IReadOnlyList<ReceiptLineView> Lines, IReadOnlyList<LedgerEntryView> Entries)
{
    public static ReceiptView From(ReceiptRow receipt, IEnumerable<ReceiptLineRow> lines)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(receipt.ReceivedAtMs);
        var rows = lines.ToList();
        return new ReceiptView(receipt.ReceiptId, receipt.LocationId, receipt.Reference, at,
            rows.Select(l => new ReceiptLineView((int)l.LineNo, l.Sku, (int)l.Quantity)).ToList(),
            rows.Select(l => new LedgerEntryView(l.Sku, receipt.LocationId, LedgerKind.Receipt, l.Quantity, 0, 0, receipt.ReceiptId, null, at)).ToList());
    }
}

/// <summary>Goods arriving at a location: every line checked first, then booked in one write with a ledger entry each.</summary>
internal sealed class ReceiveGoods(Database database, StockStore levels, ReceiptStore receipts, StockTargets targets, TimeProvider clock)
{
    public async Task<Result<ReceiptView>> HandleAsync(Caller caller, GoodsReceiptRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var location = await targets.ResolveLocationAsync(caller, request.LocationId, "locationId", ct);
        if (!location.IsSuccess)
            return location.Error;
        var reference = string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim();
        if (reference is not null && (reference.Length > StockLimits.MaxReferenceLength || reference.Any(char.IsControl)))
            return InventoryErrors.BadReference();
        if (request.Lines is not { Count: > 0 } lines)
            return InventoryErrors.NoLines("A receipt");
        if (lines.Count > StockLimits.MaxReceiptLines)
            return InventoryErrors.TooManyLines("A receipt", StockLimits.MaxReceiptLines);
        var quantities = new List<Quantity>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var quantity = Quantity.Of(lines[i].Quantity, $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            quantities.Add(quantity.Value);
        }
        var skus = await targets.ResolveSkusAsync(caller, lines.Select(l => l.Sku).ToList(), i => $"lines[{i}].sku", ct);
        if (!skus.IsSuccess)
            return skus.Error;
        var receipt = new ReceiptRow
        {
            ReceiptId = NewId.With("rcp"), LocationId = location.Value.Id.Value, Reference = reference, ReceivedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        return await database.WriteAsync<ReceiptView>(async session =>
        {
            var booked = new List<ReceiptLineRow>(lines.Count);
            for (var i = 0; i < lines.Count; i++)
            {
                var sku = skus.Value[i];
                var entry = new LedgerEntry(LedgerKind.Receipt, sku.Value, receipt.LocationId, quantities[i].Value, 0, 0, receipt.ReceiptId, null);
                if (await levels.AddAsync(session, caller.Tenant, entry, receipt.ReceivedAtMs) is not { } entryId)
                    return InventoryErrors.LevelTooLarge(sku, location.Value.Id, $"lines[{i}].quantity");
                booked.Add(new ReceiptLineRow { LineNo = i + 1, Sku = sku.Value, Quantity = quantities[i].Value, EntryId = entryId });
            }
            await receipts.InsertAsync(session, caller.Tenant, receipt, booked);
            return ReceiptView.From(receipt, booked);
        }, ct);
    }

    public async Task<Result<ReceiptView>> GetAsync(Caller caller, string id, CancellationToken ct) =>
        await database.ReadAsync(c => receipts.FindAsync(c, caller.Tenant, id), ct) is { } found
            ? ReceiptView.From(found.Receipt, found.Lines)
            : InventoryErrors.UnknownReceipt(id);
}
