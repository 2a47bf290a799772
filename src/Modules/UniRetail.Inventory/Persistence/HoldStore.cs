using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Persistence;

/// <summary>Holds (reservations): which units are held for which order or cart, and until when. Owner and reference name a hold together.</summary>
internal sealed class HoldStore
{
    public const string Active = "active";
    public const string Confirmed = "confirmed";
    public const string Released = "released";
    public const string Consumed = "consumed";

    private static readonly string[] HoldParameters = [.. StockStore.EntryParameters, "@Id", "@Owner", "@Quantity", "@Expires"];

    private const string InsertSql = StockStore.AppendSql + """
        ;
        INSERT INTO inventory_reservation (tenant_id, reservation_id, owner_kind, reference, sku, location_id, quantity, status, expires_at_ms, created_at_ms)
        VALUES (@Tenant, @Id, @Owner, @Reference, @Sku, @Location, @Quantity, 'active', @Expires, @At)
        """;

    public static string OwnerName(HoldOwner owner) => owner == HoldOwner.Order ? "order" : "cart";

    /// <summary>Records a hold and its ledger entry in one command (the level itself was already changed, guarded).</summary>
    public Task InsertAsync(DbSession session, TenantId tenant, HoldReference reference, LedgerEntry reservation, long? expiresAtMs, long atMs) =>
        session.ExecuteHotAsync(InsertSql, HoldParameters,
            [.. StockStore.EntryValues(tenant, reservation, atMs), NewId.With("res"), OwnerName(reference.Owner), reservation.ReservedDelta, expiresAtMs]);

    /// <summary>The open (active or confirmed) holds of a reference, optionally at one location.</summary>
    public async Task<IReadOnlyList<HoldRow>> OpenAsync(DbSession session, TenantId tenant, HoldReference reference, LocationId? location) =>
        (await session.Connection.QueryAsync<HoldRow>(
            $"""
            SELECT {HoldColumns} FROM inventory_reservation
            WHERE tenant_id = @Tenant AND owner_kind = @Owner AND reference = @Reference AND status IN ('active', 'confirmed')
              AND (@Location IS NULL OR location_id = @Location)
            """,
            new { Tenant = tenant.Value, Owner = OwnerName(reference.Owner), Reference = reference.Value, Location = location?.Value }, session.Transaction)).ToList();

    /// <summary>Every hold a reference ever had, open or closed.</summary>
    public async Task<IReadOnlyList<HoldRow>> AllAsync(DbConnection connection, DbTransaction? transaction, TenantId tenant, HoldReference reference) =>
        (await connection.QueryAsync<HoldRow>(
            $"SELECT {HoldColumns} FROM inventory_reservation WHERE tenant_id = @Tenant AND owner_kind = @Owner AND reference = @Reference",
            new { Tenant = tenant.Value, Owner = OwnerName(reference.Owner), Reference = reference.Value }, transaction)).ToList();

    /// <summary>Closes a hold; false when it was no longer open (someone else closed it first).</summary>
    public async Task<bool> CloseAsync(DbSession session, TenantId tenant, string reservationId, string status) =>
        await session.Connection.ExecuteAsync(
            "UPDATE inventory_reservation SET status = @Status WHERE tenant_id = @Tenant AND reservation_id = @Id AND status IN ('active', 'confirmed')",
            new { Tenant = tenant.Value, Id = reservationId, Status = status }, session.Transaction) == 1;

    public Task<int> ConfirmAsync(DbSession session, TenantId tenant, HoldReference reference) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE inventory_reservation SET status = 'confirmed', expires_at_ms = NULL
            WHERE tenant_id = @Tenant AND owner_kind = @Owner AND reference = @Reference AND status = 'active'
            """,
            new { Tenant = tenant.Value, Owner = OwnerName(reference.Owner), Reference = reference.Value }, session.Transaction);

    /// <summary>References with an active hold past its expiry, across tenants (the sweeper is a platform job).</summary>
    public async Task<IReadOnlyList<ExpiredHold>> ExpiredAsync(DbSession session, long nowMs, int limit) =>
        (await session.Connection.QueryAsync<ExpiredHold>(
            """
            SELECT DISTINCT tenant_id AS TenantId, owner_kind AS Owner, reference AS Reference FROM inventory_reservation
            WHERE status = 'active' AND expires_at_ms <= @Now LIMIT @Limit
            """,
            new { Now = nowMs, Limit = limit }, session.Transaction)).ToList();

    private const string HoldColumns = "reservation_id AS ReservationId, sku AS Sku, location_id AS Location, quantity AS Quantity, status AS Status";
}

internal sealed class HoldRow
{
    public string ReservationId { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public long Quantity { get; init; }
    public string Status { get; init; } = "";
}

internal sealed class ExpiredHold
{
    public string TenantId { get; init; } = "";
    public string Owner { get; init; } = "";
    public string Reference { get; init; } = "";

    public HoldReference ToReference() => HoldReference.FromStored(Owner == "order" ? HoldOwner.Order : HoldOwner.Cart, Reference);
}
