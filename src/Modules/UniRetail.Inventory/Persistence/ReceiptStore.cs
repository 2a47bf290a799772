using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Persistence;

/// <summary>Goods receipts: the client's reference and, per line, the ledger entry it made.</summary>
internal sealed class ReceiptStore
{
    public async Task InsertAsync(DbSession session, TenantId tenant, ReceiptRow receipt, IReadOnlyList<ReceiptLineRow> lines)
    {
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO inventory_receipt (tenant_id, receipt_id, location_id, reference, received_at_ms)
            VALUES (@Tenant, @ReceiptId, @LocationId, @Reference, @ReceivedAtMs)
            """,
            new { Tenant = tenant.Value, receipt.ReceiptId, receipt.LocationId, receipt.Reference, receipt.ReceivedAtMs }, session.Transaction);
        await session.ExecuteManyAsync(
            "INSERT INTO inventory_receipt_line (tenant_id, receipt_id, line_no, sku, quantity, entry_id) VALUES (@Tenant, @Receipt, @LineNo, @Sku, @Quantity, @EntryId)",
            ["@Tenant", "@Receipt", "@LineNo", "@Sku", "@Quantity", "@EntryId"],
            lines.Select(l => new object?[] { tenant.Value, receipt.ReceiptId, l.LineNo, l.Sku, l.Quantity, l.EntryId }));
    }

    public async Task<(ReceiptRow Receipt, IReadOnlyList<ReceiptLineRow> Lines)?> FindAsync(DbConnection connection, TenantId tenant, string receiptId)
    {
        var receipt = await connection.QuerySingleOrDefaultAsync<ReceiptRow>(
            """
            SELECT receipt_id AS ReceiptId, location_id AS LocationId, reference AS Reference, received_at_ms AS ReceivedAtMs
            FROM inventory_receipt WHERE tenant_id = @Tenant AND receipt_id = @Id
            """,
            new { Tenant = tenant.Value, Id = receiptId });
        if (receipt is null)
            return null;
        var lines = await connection.QueryAsync<ReceiptLineRow>(
            """
            SELECT line_no AS LineNo, sku AS Sku, quantity AS Quantity, entry_id AS EntryId
            FROM inventory_receipt_line WHERE tenant_id = @Tenant AND receipt_id = @Id ORDER BY line_no
            """,
            new { Tenant = tenant.Value, Id = receiptId });
        return (receipt, lines.ToList());
    }
}

internal sealed class ReceiptRow
{
    public string ReceiptId { get; init; } = "";
    public string LocationId { get; init; } = "";
    public string? Reference { get; init; }
    public long ReceivedAtMs { get; init; }
}

internal sealed class ReceiptLineRow
{
    public long LineNo { get; init; }
    public string Sku { get; init; } = "";
    public long Quantity { get; init; }
    public long EntryId { get; init; }
}
