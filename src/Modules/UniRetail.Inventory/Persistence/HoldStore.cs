using Dapper;
using UniRetail.Data;
using UniRetail.Inventory.Domain;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Persistence;

/// <summary>Holds (reservations): which units are held for which order or cart, and until when.</summary>
internal sealed class HoldStore
{
    public const string Active = "active";
    public const string Confirmed = "confirmed";
    public const string Released = "released";
    public const string Consumed = "consumed";

    private static readonly string[] HoldParameters = [.. StockStore.EntryParameters, "@Id", "@Quantity", "@Expires"];

    private const string InsertSql = StockStore.AppendSql + """
        ;
        INSERT INTO inventory_reservation (tenant_id, reservation_id, reference, sku, location_id, quantity, status, expires_at_ms, created_at_ms)
        VALUES (@Tenant, @Id, @Reference, @Sku, @Location, @Quantity, 'active', @Expires, @At)
        """;

    /// <summary>Records a hold and its ledger entry in one command (the level itself was already changed, guarded).</summary>
    public Task InsertAsync(DbSession session, TenantId tenant, LedgerEntry reservation, long? expiresAtMs, long atMs) =>
        session.ExecuteHotAsync(InsertSql, HoldParameters,
            [.. StockStore.EntryValues(tenant, reservation, atMs), NewId.With("res"), reservation.ReservedDelta, expiresAtMs]);

    /// <summary>The open (active or confirmed) holds of a reference, optionally at one location.</summary>
    public async Task<IReadOnlyList<HoldRow>> OpenAsync(DbSession session, TenantId tenant, string reference, LocationId? location) =>
        (await session.Connection.QueryAsync<HoldRow>(
            """
            SELECT reservation_id AS ReservationId, sku AS Sku, location_id AS Location, quantity AS Quantity
            FROM inventory_reservation
            WHERE tenant_id = @Tenant AND reference = @Reference AND status IN ('active', 'confirmed') AND (@Location IS NULL OR location_id = @Location)
            ORDER BY reservation_id
            """,
            new { Tenant = tenant.Value, Reference = reference, Location = location?.Value }, session.Transaction)).ToList();

    /// <summary>Closes a hold; false when it was no longer open (someone else closed it first).</summary>
    public async Task<bool> CloseAsync(DbSession session, TenantId tenant, string reservationId, string status) =>
        await session.Connection.ExecuteAsync(
            "UPDATE inventory_reservation SET status = @Status WHERE tenant_id = @Tenant AND reservation_id = @Id AND status IN ('active', 'confirmed')",
            new { Tenant = tenant.Value, Id = reservationId, Status = status }, session.Transaction) == 1;

    public Task<int> ConfirmAsync(DbSession session, TenantId tenant, string reference) =>
        session.Connection.ExecuteAsync(
            "UPDATE inventory_reservation SET status = 'confirmed', expires_at_ms = NULL WHERE tenant_id = @Tenant AND reference = @Reference AND status = 'active'",
            new { Tenant = tenant.Value, Reference = reference }, session.Transaction);

    /// <summary>References with an active hold past its expiry, across tenants (the sweeper is a platform job).</summary>
    public async Task<IReadOnlyList<ExpiredHold>> ExpiredAsync(DbSession session, long nowMs, int limit) =>
        (await session.Connection.QueryAsync<ExpiredHold>(
            """
            SELECT DISTINCT tenant_id AS TenantId, reference AS Reference FROM inventory_reservation
            WHERE status = 'active' AND expires_at_ms <= @Now LIMIT @Limit
            """,
            new { Now = nowMs, Limit = limit }, session.Transaction)).ToList();
}

internal sealed class HoldRow
{
    public string ReservationId { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public long Quantity { get; init; }
}

internal sealed class ExpiredHold
{
    public string TenantId { get; init; } = "";
    public string Reference { get; init; } = "";
}
