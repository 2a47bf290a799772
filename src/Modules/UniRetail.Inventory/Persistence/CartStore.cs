using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Persistence;

/// <summary>The claim of a cart reference: which lines it was taken for (as a hash), by whom, until when.</summary>
internal sealed class CartStore
{
    /// <summary>
    /// Claims <paramref name="reference"/> for a new hold; false when a hold already has it. On PostgreSQL a concurrent claim
    /// of the same reference waits here until the first one commits or rolls back, so only one request ever holds the stock.
    /// </summary>
    public async Task<bool> TryClaimAsync(DbSession session, TenantId tenant, string reference, string requestHash, LocationId? holderStore, long? expiresAtMs, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO inventory_cart (tenant_id, reference, request_hash, holder_store_id, expires_at_ms, created_at_ms)
            VALUES (@Tenant, @Reference, @Hash, @Store, @Expires, @At)
            ON CONFLICT DO NOTHING
            """,
            new { Tenant = tenant.Value, Reference = reference, Hash = requestHash, Store = holderStore?.Value, Expires = expiresAtMs, At = atMs },
            session.Transaction) == 1;

    public Task<CartRow> FindAsync(DbSession session, TenantId tenant, string reference) =>
        session.Connection.QuerySingleAsync<CartRow>(
            """
            SELECT request_hash AS RequestHash, expires_at_ms AS ExpiresAtMs
            FROM inventory_cart WHERE tenant_id = @Tenant AND reference = @Reference
            """,
            new { Tenant = tenant.Value, Reference = reference }, session.Transaction);
}

internal sealed class CartRow
{
    public string RequestHash { get; init; } = "";
    public long? ExpiresAtMs { get; init; }
}
