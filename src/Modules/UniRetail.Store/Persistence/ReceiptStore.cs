using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Store.Persistence;

/// <summary>A stored receipt: the JSON the till was answered and the hash of the request that made it.</summary>
internal sealed record StoredReceipt(string ReceiptId, string Kind, string SessionId, string OrderId, string RequestHash, string ReceiptJson);

internal sealed class ReceiptStore
{
    private const string Columns =
        "receipt_id AS ReceiptId, kind AS Kind, session_id AS SessionId, order_id AS OrderId, request_hash AS RequestHash, receipt_json AS ReceiptJson";

    /// <summary>Keeps a receipt; false when the store has one with this id already (a concurrent request with the same id wrote it).</summary>
    public async Task<bool> TryInsertAsync(DbSession session, TenantId tenant, LocationId store, StoredReceipt receipt, string? originalId, long atMs)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return await session.Connection.ExecuteAsync(
            """
            INSERT INTO store_till_receipt (tenant_id, store_id, receipt_id, kind, session_id, order_id, original_id, request_hash, receipt_json, at_ms)
            VALUES (@Tenant, @Store, @ReceiptId, @Kind, @SessionId, @OrderId, @Original, @RequestHash, @ReceiptJson, @At)
            ON CONFLICT (tenant_id, store_id, receipt_id) DO NOTHING
            """,
            new
            {
                Tenant = tenant.Value, Store = store.Value, receipt.ReceiptId, receipt.Kind, receipt.SessionId, receipt.OrderId, Original = originalId,
                receipt.RequestHash, receipt.ReceiptJson, At = atMs,
            },
            session.Transaction) == 1;
    }

    public async Task<StoredReceipt?> FindAsync(DbConnection connection, TenantId tenant, LocationId store, string receiptId) =>
        await connection.QuerySingleOrDefaultAsync<StoredReceipt>(
            $"SELECT {Columns} FROM store_till_receipt WHERE tenant_id = @Tenant AND store_id = @Store AND receipt_id = @Id",
            new { Tenant = tenant.Value, Store = store.Value, Id = receiptId });

    /// <summary>The sale receipt of an order, at whichever of the tenant's stores sold it.</summary>
    public async Task<(string StoreId, StoredReceipt Receipt)?> FindSaleOfOrderAsync(DbConnection connection, TenantId tenant, string orderId)
    {
        var rows = (await connection.QueryAsync<(string StoreId, string ReceiptId)>(
            "SELECT store_id, receipt_id FROM store_till_receipt WHERE tenant_id = @Tenant AND order_id = @Order AND kind = 'sale'",
            new { Tenant = tenant.Value, Order = orderId })).ToList();
        if (rows.Count == 0)
            return null;
        var found = rows[0];
        var receipt = await FindAsync(connection, tenant, new LocationId(found.StoreId), found.ReceiptId);
        return receipt is null ? null : (found.StoreId, receipt);
    }

    /// <summary>What the returns of a sale paid back so far, by payment type (the till pays back to the card before cash).</summary>
    public async Task<IReadOnlyDictionary<string, long>> RefundedOfAsync(DbSession session, TenantId tenant, LocationId store, string saleId) =>
        (await session.Connection.QueryAsync<(string Type, long Amount)>(
            """
            SELECT p.payment_type, CAST(SUM(p.amount_minor) AS BIGINT)
            FROM store_till_receipt r
            JOIN store_till_payment p ON p.tenant_id = r.tenant_id AND p.session_id = r.session_id AND p.sale_id = r.receipt_id
            WHERE r.tenant_id = @Tenant AND r.store_id = @Store AND r.original_id = @Sale AND r.kind = 'refund'
            GROUP BY p.payment_type
            """,
            new { Tenant = tenant.Value, Store = store.Value, Sale = saleId }, session.Transaction)).ToDictionary(r => r.Type, r => r.Amount);
}
