using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Network.Persistence;

internal sealed class PickupPointRow
{
    public string PlatformId { get; init; } = "";
    public string LocationId { get; init; } = "";
    public string AgreementId { get; init; } = "";
    public string ShopId { get; init; } = "";
    public int ParcelCapacity { get; init; }
    public long FeeMinor { get; init; }
    public int HoldDays { get; init; }
    public bool Active { get; init; }
    public long CreatedAtMs { get; init; }
    public long UpdatedAtMs { get; init; }
}

internal sealed class ParcelRow
{
    public string PlatformId { get; init; } = "";
    public string OrderId { get; init; } = "";
    public string ParcelId { get; init; } = "";
    public string ShopId { get; init; } = "";
    public string LocationId { get; init; } = "";
    public string Status { get; init; } = "";
    public bool OrderCancelled { get; init; }
    public int FailedAttempts { get; init; }
    public long? LastFailedAtMs { get; init; }
    public long PlacedAtMs { get; init; }
    public long? ArrivedAtMs { get; init; }
    public long? HandedOverAtMs { get; init; }
    public long? ReturnedAtMs { get; init; }
    public long? FeeMinor { get; init; }
}

internal sealed class FeeRow
{
    public string ShopId { get; init; } = "";
    public long Parcels { get; init; }
    public long FeeMinor { get; init; }
}

/// <summary>
/// Pickup points and their parcels. A platform's reads are scoped by platform_id, a shop's by shop_id; every change is a
/// conditional update on the status it expects, so two counters (or a retry) never move a parcel twice.
/// </summary>
internal sealed class PickupPointStore
{
    private const string PointColumns =
        """
        platform_id AS PlatformId, location_id AS LocationId, agreement_id AS AgreementId, shop_id AS ShopId, parcel_capacity AS ParcelCapacity,
        fee_minor AS FeeMinor, hold_days AS HoldDays, active AS Active, created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs
        """;

    private const string ParcelColumns =
        """
        platform_id AS PlatformId, order_id AS OrderId, parcel_id AS ParcelId, shop_id AS ShopId, location_id AS LocationId, status AS Status,
        order_cancelled AS OrderCancelled, failed_attempts AS FailedAttempts, last_failed_at_ms AS LastFailedAtMs,
        placed_at_ms AS PlacedAtMs, arrived_at_ms AS ArrivedAtMs, handed_over_at_ms AS HandedOverAtMs, returned_at_ms AS ReturnedAtMs, fee_minor AS FeeMinor
        """;

    public const int MaxPoints = 10_000;

    public Task<PickupPointRow?> PointOfAgreementAsync(DbConnection connection, DbTransaction? transaction, TenantId platform, string agreement) =>
        connection.QuerySingleOrDefaultAsync<PickupPointRow>(
            $"SELECT {PointColumns} FROM network_pickup_point WHERE platform_id = @Platform AND agreement_id = @Agreement",
            new { Platform = platform.Value, Agreement = agreement }, transaction);

    public Task<PickupPointRow?> PointAtAsync(DbConnection connection, DbTransaction? transaction, TenantId platform, LocationId location) =>
        connection.QuerySingleOrDefaultAsync<PickupPointRow>(
            $"SELECT {PointColumns} FROM network_pickup_point WHERE platform_id = @Platform AND location_id = @Location",
            new { Platform = platform.Value, Location = location.Value }, transaction);

    public async Task<IReadOnlyList<PickupPointRow>> ActivePointsAsync(DbConnection connection, TenantId platform) =>
        [.. await connection.QueryAsync<PickupPointRow>(
            $"SELECT {PointColumns} FROM network_pickup_point WHERE platform_id = @Platform AND active = TRUE ORDER BY location_id LIMIT @Limit",
            new { Platform = platform.Value, Limit = MaxPoints })];

    /// <summary>The shop's pickup points on its platforms (at most one active; earlier ones after it left and came back).</summary>
    public async Task<IReadOnlyList<PickupPointRow>> PointsOfShopAsync(DbConnection connection, TenantId shop) =>
        [.. await connection.QueryAsync<PickupPointRow>(
            $"SELECT {PointColumns} FROM network_pickup_point WHERE shop_id = @Shop ORDER BY created_at_ms LIMIT 100", new { Shop = shop.Value })];

    public Task UpsertPointAsync(DbSession session, PickupPointRow row) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO network_pickup_point (platform_id, location_id, agreement_id, shop_id, parcel_capacity, fee_minor, hold_days, active, created_at_ms, updated_at_ms)
            VALUES (@PlatformId, @LocationId, @AgreementId, @ShopId, @ParcelCapacity, @FeeMinor, @HoldDays, @Active, @CreatedAtMs, @UpdatedAtMs)
            ON CONFLICT (platform_id, location_id) DO UPDATE SET parcel_capacity = excluded.parcel_capacity, fee_minor = excluded.fee_minor,
                hold_days = excluded.hold_days, active = excluded.active, updated_at_ms = excluded.updated_at_ms
            """, row, session.Transaction);

    public async Task<bool> DeactivateAsync(DbSession session, TenantId platform, string agreement, long atMs) =>
        await session.Connection.ExecuteAsync(
            "UPDATE network_pickup_point SET active = FALSE, updated_at_ms = @At WHERE platform_id = @Platform AND agreement_id = @Agreement AND active = TRUE",
            new { Platform = platform.Value, Agreement = agreement, At = atMs }, session.Transaction) == 1;

    public Task SetAgreementFlagAsync(DbSession session, TenantId platform, string agreement, bool pickupPoint) =>
        session.Connection.ExecuteAsync(
            "UPDATE network_agreement SET pickup_point = @PickupPoint WHERE platform_id = @Platform AND agreement_id = @Agreement",
            new { Platform = platform.Value, Agreement = agreement, PickupPoint = pickupPoint }, session.Transaction);

    /// <summary>Records the parcel of a new order; a second call for the same order changes nothing.</summary>
    public Task InsertParcelAsync(DbSession session, ParcelRow row) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO network_parcel (platform_id, order_id, parcel_id, shop_id, location_id, status, order_cancelled, failed_attempts, placed_at_ms)
            VALUES (@PlatformId, @OrderId, @ParcelId, @ShopId, @LocationId, @Status, FALSE, 0, @PlacedAtMs)
            ON CONFLICT DO NOTHING
            """, row, session.Transaction);

    /// <summary>The platform cancelled the order: a parcel not yet at the counter is cancelled, one already there is marked to go back.</summary>
    public Task OrderCancelledAsync(DbSession session, TenantId platform, OrderId order) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE network_parcel SET order_cancelled = TRUE, status = CASE WHEN status = 'expected' THEN 'cancelled' ELSE status END
            WHERE platform_id = @Platform AND order_id = @Order AND status IN ('expected', 'arrived')
            """, new { Platform = platform.Value, Order = order.Value }, session.Transaction);

    public Task<ParcelRow?> ParcelAsync(DbConnection connection, DbTransaction? transaction, TenantId shop, string parcel) =>
        connection.QuerySingleOrDefaultAsync<ParcelRow>(
            $"SELECT {ParcelColumns} FROM network_parcel WHERE shop_id = @Shop AND parcel_id = @Parcel", new { Shop = shop.Value, Parcel = parcel }, transaction);

    public async Task<IReadOnlyList<ParcelRow>> ParcelsOfShopAsync(DbConnection connection, TenantId shop, string? status, int limit) =>
        [.. await connection.QueryAsync<ParcelRow>(
            $"""
            SELECT {ParcelColumns} FROM network_parcel WHERE shop_id = @Shop {(status is null ? "" : "AND status = @Status")}
            ORDER BY placed_at_ms DESC, parcel_id LIMIT @Limit
            """, new { Shop = shop.Value, Status = status, Limit = limit })];

    /// <summary>Moves a parcel of the shop from one status to the next; false when it is no longer in <paramref name="from"/>.</summary>
    public async Task<bool> MoveAsync(DbSession session, TenantId shop, string parcel, string from, string to, long atMs, long? feeMinor = null) =>
        await session.Connection.ExecuteAsync(
            $"""
            UPDATE network_parcel SET status = @To,
                arrived_at_ms = CASE WHEN @To = 'arrived' THEN @At ELSE arrived_at_ms END,
                handed_over_at_ms = CASE WHEN @To = 'handed_over' THEN @At ELSE handed_over_at_ms END,
                returned_at_ms = CASE WHEN @To = 'returned' THEN @At ELSE returned_at_ms END,
                fee_minor = CASE WHEN @To = 'handed_over' THEN @Fee ELSE fee_minor END
            WHERE shop_id = @Shop AND parcel_id = @Parcel AND status = @From
            """, new { Shop = shop.Value, Parcel = parcel, From = from, To = to, At = atMs, Fee = feeMinor }, session.Transaction) == 1;

    /// <summary>Counts a wrong code: the count restarts when the last failure is older than the lock window.</summary>
    public Task CountFailedAttemptAsync(DbSession session, TenantId shop, string parcel, long atMs, long windowStartMs) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE network_parcel SET
                failed_attempts = CASE WHEN last_failed_at_ms IS NULL OR last_failed_at_ms < @WindowStart THEN 1 ELSE failed_attempts + 1 END,
                last_failed_at_ms = @At
            WHERE shop_id = @Shop AND parcel_id = @Parcel
            """, new { Shop = shop.Value, Parcel = parcel, At = atMs, WindowStart = windowStartMs }, session.Transaction);

    /// <summary>Parcels handed over and their fees per shop of the platform, handed over in [from, to).</summary>
    public async Task<IReadOnlyList<FeeRow>> FeesOfPlatformAsync(DbConnection connection, TenantId platform, long fromMs, long toMs) =>
        [.. await connection.QueryAsync<FeeRow>(
            """
            SELECT shop_id AS ShopId, COUNT(*) AS Parcels, CAST(SUM(fee_minor) AS BIGINT) AS FeeMinor FROM network_parcel
            WHERE platform_id = @Platform AND handed_over_at_ms >= @From AND handed_over_at_ms < @To
            GROUP BY shop_id ORDER BY shop_id LIMIT @Limit
            """, new { Platform = platform.Value, From = fromMs, To = toMs, Limit = MaxPoints })];

    /// <summary>The shop's parcels handed over and fees per platform (one, or more after it changed platforms), in [from, to).</summary>
    public async Task<IReadOnlyList<FeeRow>> FeesOfShopAsync(DbConnection connection, TenantId shop, long fromMs, long toMs) =>
        [.. await connection.QueryAsync<FeeRow>(
            """
            SELECT platform_id AS ShopId, COUNT(*) AS Parcels, CAST(SUM(fee_minor) AS BIGINT) AS FeeMinor FROM network_parcel
            WHERE shop_id = @Shop AND handed_over_at_ms >= @From AND handed_over_at_ms < @To
            GROUP BY platform_id ORDER BY platform_id LIMIT 100
            """, new { Shop = shop.Value, From = fromMs, To = toMs })];
}
