using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Network.Persistence;

internal sealed class RepRow
{
    public string RepId { get; init; } = "";
    public string Name { get; init; } = "";
    public int CommissionPermille { get; init; }
    public long CreatedAtMs { get; init; }
}

internal sealed class AgreementRow
{
    public string AgreementId { get; init; } = "";
    public string PlatformId { get; init; } = "";
    public string ShopId { get; init; } = "";
    public string ShopName { get; init; } = "";
    public string RepId { get; init; } = "";
    public string WarehouseId { get; init; } = "";
    public int DeliveryDay { get; init; }
    public bool SharesCustomers { get; init; }
    public bool PickupPoint { get; init; }
    public long JoinedAtMs { get; init; }
    public long? LeftAtMs { get; init; }
}

internal sealed class SkuUnitsRow
{
    public string Sku { get; init; } = "";
    public long Units { get; init; }
    public long Days { get; init; }
}

/// <summary>Representatives and agreements. A platform's reads are scoped by platform_id, a shop's by shop_id.</summary>
internal sealed class AgreementStore
{
    private const string AgreementColumns =
        """
        agreement_id AS AgreementId, platform_id AS PlatformId, shop_id AS ShopId, shop_name AS ShopName, rep_id AS RepId,
        warehouse_id AS WarehouseId, delivery_day AS DeliveryDay, shares_customers AS SharesCustomers, pickup_point AS PickupPoint,
        joined_at_ms AS JoinedAtMs, left_at_ms AS LeftAtMs
        """;

    public const int MaxListed = 1_000;

    public Task InsertRepAsync(DbSession session, TenantId platform, RepRow rep) =>
        session.Connection.ExecuteAsync(
            "INSERT INTO network_rep (platform_id, rep_id, name, commission_permille, created_at_ms) VALUES (@Platform, @RepId, @Name, @CommissionPermille, @CreatedAtMs)",
            new { Platform = platform.Value, rep.RepId, rep.Name, rep.CommissionPermille, rep.CreatedAtMs }, session.Transaction);

    public async Task<IReadOnlyList<RepRow>> RepsAsync(DbConnection connection, TenantId platform) =>
        [.. await connection.QueryAsync<RepRow>(
            """
            SELECT rep_id AS RepId, name AS Name, commission_permille AS CommissionPermille, created_at_ms AS CreatedAtMs
            FROM network_rep WHERE platform_id = @Platform ORDER BY created_at_ms, rep_id LIMIT @Limit
            """, new { Platform = platform.Value, Limit = MaxListed })];

    public Task<RepRow?> RepAsync(DbConnection connection, DbTransaction? transaction, TenantId platform, string rep) =>
        connection.QuerySingleOrDefaultAsync<RepRow>(
            """
            SELECT rep_id AS RepId, name AS Name, commission_permille AS CommissionPermille, created_at_ms AS CreatedAtMs
            FROM network_rep WHERE platform_id = @Platform AND rep_id = @Rep
            """, new { Platform = platform.Value, Rep = rep }, transaction);

    /// <summary>Adds the agreement; false when the shop is on a platform already (the unique index on its active agreement).</summary>
    public async Task<bool> TryInsertAgreementAsync(DbSession session, AgreementRow row) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO network_agreement (agreement_id, platform_id, shop_id, shop_name, rep_id, warehouse_id, delivery_day, shares_customers,
                                           pickup_point, joined_at_ms, left_at_ms)
            VALUES (@AgreementId, @PlatformId, @ShopId, @ShopName, @RepId, @WarehouseId, @DeliveryDay, @SharesCustomers, @PickupPoint, @JoinedAtMs, NULL)
            ON CONFLICT DO NOTHING
            """, row, session.Transaction) == 1;

    /// <summary>The shop's agreement in force, or null.</summary>
    public Task<AgreementRow?> ActiveAsync(DbConnection connection, DbTransaction? transaction, TenantId shop) =>
        connection.QuerySingleOrDefaultAsync<AgreementRow>(
            $"SELECT {AgreementColumns} FROM network_agreement WHERE shop_id = @Shop AND left_at_ms IS NULL", new { Shop = shop.Value }, transaction);

    public Task<AgreementRow?> OfPlatformAsync(DbConnection connection, TenantId platform, string agreement) =>
        connection.QuerySingleOrDefaultAsync<AgreementRow>(
            $"SELECT {AgreementColumns} FROM network_agreement WHERE platform_id = @Platform AND agreement_id = @Agreement",
            new { Platform = platform.Value, Agreement = agreement });

    public async Task<IReadOnlyList<AgreementRow>> OfPlatformAsync(DbConnection connection, TenantId platform) =>
        [.. await connection.QueryAsync<AgreementRow>(
            $"SELECT {AgreementColumns} FROM network_agreement WHERE platform_id = @Platform ORDER BY joined_at_ms, agreement_id LIMIT @Limit",
            new { Platform = platform.Value, Limit = MaxListed })];

    public async Task<bool> LeaveAsync(DbSession session, TenantId shop, string agreement, long atMs) =>
        await session.Connection.ExecuteAsync(
            "UPDATE network_agreement SET left_at_ms = @At WHERE shop_id = @Shop AND agreement_id = @Agreement AND left_at_ms IS NULL",
            new { Shop = shop.Value, Agreement = agreement, At = atMs }, session.Transaction) == 1;

    /// <summary>The shop's units by SKU over its locations, days in [fromDay, toDay).</summary>
    public async Task<IReadOnlyList<SkuUnitsRow>> SharedSalesAsync(DbConnection connection, TenantId shop, int fromDay, int toDay, int limit) =>
        [.. await connection.QueryAsync<SkuUnitsRow>(
            """
            SELECT sku AS Sku, CAST(SUM(units) AS BIGINT) AS Units, COUNT(DISTINCT day) AS Days FROM network_daily_sales
            WHERE tenant_id = @Shop AND day >= @From AND day < @To
            GROUP BY sku ORDER BY sku LIMIT @Limit
            """, new { Shop = shop.Value, From = fromDay, To = toDay, Limit = limit })];
}
