using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Network.Persistence;

internal sealed class ShopOrderRow
{
    public string OrderId { get; init; } = "";
    public string ShopId { get; init; } = "";
    public string PlatformId { get; init; } = "";
    public string AgreementId { get; init; } = "";
    public string LocationId { get; init; } = "";
    public string WarehouseId { get; init; } = "";
    public string Status { get; init; } = "";
    public string? IdempotencyKey { get; init; }
    public string? RequestHash { get; init; }
    public string Currency { get; init; } = "";
    public long TotalMinor { get; init; }
    public long PlacedAtMs { get; init; }
    public int DeliveryDay { get; init; }
    public long? ReceivedAtMs { get; init; }
}

internal sealed class ShopOrderLineRow
{
    public int LineNo { get; init; }
    public string WholesaleSku { get; init; } = "";
    public int Cases { get; init; }
    public int CasePack { get; init; }
    public long CasePriceMinor { get; init; }
    public int TierFromCases { get; init; }
    public string Sku { get; init; } = "";
    public int UnitsPerCase { get; init; }
    public int? ReceivedUnits { get; init; }
    public int? DamagedUnits { get; init; }

    public int DeliveredUnits => Cases * UnitsPerCase;
}

internal sealed class RepSalesRow
{
    public string RepId { get; init; } = "";
    public long Orders { get; init; }
    public long Cases { get; init; }
    public long ValueMinor { get; init; }
}

/// <summary>Shop orders and their lines. A shop's reads are scoped by shop_id, a platform's by platform_id.</summary>
internal sealed class ShopOrderStore
{
    public const string Placed = "placed";
    public const string Received = "received";

    private const string OrderColumns =
        """
        order_id AS OrderId, shop_id AS ShopId, platform_id AS PlatformId, agreement_id AS AgreementId, location_id AS LocationId,
        warehouse_id AS WarehouseId, status AS Status, idempotency_key AS IdempotencyKey, request_hash AS RequestHash, currency AS Currency,
        total_minor AS TotalMinor, placed_at_ms AS PlacedAtMs, delivery_day AS DeliveryDay, received_at_ms AS ReceivedAtMs
        """;

    /// <summary>Writes the order; false when the shop's Idempotency-Key is taken (the caller replays that order).</summary>
    public async Task<bool> TryInsertAsync(DbSession session, ShopOrderRow order, IReadOnlyList<ShopOrderLineRow> lines)
    {
        var inserted = await session.Connection.ExecuteAsync(
            """
            INSERT INTO network_shop_order (order_id, shop_id, platform_id, agreement_id, location_id, warehouse_id, status, idempotency_key,
                                            request_hash, currency, total_minor, placed_at_ms, delivery_day, received_at_ms)
            VALUES (@OrderId, @ShopId, @PlatformId, @AgreementId, @LocationId, @WarehouseId, @Status, @IdempotencyKey, @RequestHash, @Currency,
                    @TotalMinor, @PlacedAtMs, @DeliveryDay, NULL)
            ON CONFLICT DO NOTHING
            """, order, session.Transaction);
        if (inserted == 0)
            return false;
        await session.ExecuteManyAsync(
            """
            INSERT INTO network_shop_order_line (order_id, line_no, wholesale_sku, cases, case_pack, case_price_minor, tier_from_cases, sku, units_per_case)
            VALUES (@order, @line, @wsku, @cases, @pack, @price, @tier, @sku, @upc)
            """,
            ["@order", "@line", "@wsku", "@cases", "@pack", "@price", "@tier", "@sku", "@upc"],
            lines.Select(l => new object?[] { order.OrderId, l.LineNo, l.WholesaleSku, l.Cases, l.CasePack, l.CasePriceMinor, l.TierFromCases, l.Sku, l.UnitsPerCase }));
        return true;
    }

    public Task<ShopOrderRow?> FindAsync(DbConnection connection, DbTransaction? transaction, TenantId shop, string order) =>
        connection.QuerySingleOrDefaultAsync<ShopOrderRow>(
            $"SELECT {OrderColumns} FROM network_shop_order WHERE shop_id = @Shop AND order_id = @Order", new { Shop = shop.Value, Order = order }, transaction);

    /// <summary>
    /// A page of the shop's orders, newest first (placing time, then id), after <paramref name="page"/>'s position
    /// (<c>{placedAtMs}:{orderId}</c>). Read through the shop's index: a shop places an order a delivery, hundreds a year.
    /// </summary>
    public async Task<IReadOnlyList<ShopOrderRow>> ListAsync(DbConnection connection, TenantId shop, PageQuery page)
    {
        var (atMs, id) = Position(page.After);
        return [.. await connection.QueryAsync<ShopOrderRow>(
            $"""
            SELECT {OrderColumns} FROM network_shop_order
            WHERE shop_id = @Shop AND (placed_at_ms < @AtMs OR (placed_at_ms = @AtMs AND order_id < @Id))
            ORDER BY placed_at_ms DESC, order_id DESC
            LIMIT @Rows
            """, new { Shop = shop.Value, AtMs = atMs, Id = id, Rows = page.RowsToRead })];
    }

    /// <summary>An order's position in <see cref="ListAsync"/>.</summary>
    public static string PositionOf(ShopOrderRow order) => $"{order.PlacedAtMs}:{order.OrderId}";

    private static (long AtMs, string Id) Position(string? after)
    {
        var colon = after?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && long.TryParse(after![..colon], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? (ms, after[(colon + 1)..])
            : (long.MaxValue, "");
    }

    public Task<ShopOrderRow?> FindByKeyAsync(DbConnection connection, TenantId shop, string key) =>
        connection.QuerySingleOrDefaultAsync<ShopOrderRow>(
            $"SELECT {OrderColumns} FROM network_shop_order WHERE shop_id = @Shop AND idempotency_key = @Key", new { Shop = shop.Value, Key = key });

    public async Task<IReadOnlyList<ShopOrderLineRow>> LinesAsync(DbConnection connection, DbTransaction? transaction, string order) =>
        [.. await connection.QueryAsync<ShopOrderLineRow>(
            """
            SELECT line_no AS LineNo, wholesale_sku AS WholesaleSku, cases AS Cases, case_pack AS CasePack, case_price_minor AS CasePriceMinor,
                   tier_from_cases AS TierFromCases, sku AS Sku, units_per_case AS UnitsPerCase, received_units AS ReceivedUnits, damaged_units AS DamagedUnits
            FROM network_shop_order_line WHERE order_id = @Order ORDER BY line_no
            """, new { Order = order }, transaction)];

    /// <summary>Cases of each SKU the shop ordered from <paramref name="fromMs"/> on (its month so far), for the tier price.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CasesSinceAsync(DbSession session, TenantId shop, string platform, long fromMs) =>
        (await session.Connection.QueryAsync<(string Sku, long Cases)>(
            """
            SELECT l.wholesale_sku, CAST(SUM(l.cases) AS BIGINT) FROM network_shop_order o JOIN network_shop_order_line l ON l.order_id = o.order_id
            WHERE o.shop_id = @Shop AND o.platform_id = @Platform AND o.placed_at_ms >= @From GROUP BY l.wholesale_sku
            """, new { Shop = shop.Value, Platform = platform, From = fromMs }, session.Transaction))
        .ToDictionary(r => r.Sku, r => (int)r.Cases, StringComparer.Ordinal);

    /// <summary>Moves a placed order to received; false when it was received already (a concurrent or repeated receipt).</summary>
    public async Task<bool> MarkReceivedAsync(DbSession session, TenantId shop, string order, long atMs) =>
        await session.Connection.ExecuteAsync(
            "UPDATE network_shop_order SET status = @Received, received_at_ms = @At WHERE shop_id = @Shop AND order_id = @Order AND status = @Placed",
            new { Shop = shop.Value, Order = order, At = atMs, Received, Placed }, session.Transaction) == 1;

    public Task SetReceivedAsync(DbSession session, string order, IEnumerable<(int LineNo, int Received, int Damaged)> lines) =>
        session.ExecuteManyAsync(
            "UPDATE network_shop_order_line SET received_units = @received, damaged_units = @damaged WHERE order_id = @order AND line_no = @line",
            ["@order", "@line", "@received", "@damaged"],
            lines.Select(l => new object?[] { order, l.LineNo, l.Received, l.Damaged }));

    /// <summary>The shop's units on order at a location (placed, not yet received), by its own SKU.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenUnitsAsync(DbConnection connection, TenantId shop, LocationId location) =>
        (await connection.QueryAsync<(string Sku, long Units)>(
            """
            SELECT l.sku, CAST(SUM(l.cases * l.units_per_case) AS BIGINT) FROM network_shop_order o JOIN network_shop_order_line l ON l.order_id = o.order_id
            WHERE o.shop_id = @Shop AND o.location_id = @Location AND o.status = @Placed GROUP BY l.sku
            """, new { Shop = shop.Value, Location = location.Value, Placed }))
        .ToDictionary(r => r.Sku, r => (int)r.Units, StringComparer.Ordinal);

    /// <summary>Orders, cases and value by the representative who signed each shop, placed in [fromMs, toMs).</summary>
    public async Task<IReadOnlyList<RepSalesRow>> ByRepAsync(DbConnection connection, TenantId platform, long fromMs, long toMs) =>
        [.. await connection.QueryAsync<RepSalesRow>(
            """
            SELECT a.rep_id AS RepId, COUNT(DISTINCT o.order_id) AS Orders, CAST(SUM(l.cases) AS BIGINT) AS Cases, CAST(SUM(l.cases * l.case_price_minor) AS BIGINT) AS ValueMinor
            FROM network_shop_order o
            JOIN network_agreement a ON a.agreement_id = o.agreement_id
            JOIN network_shop_order_line l ON l.order_id = o.order_id
            WHERE o.platform_id = @Platform AND o.placed_at_ms >= @From AND o.placed_at_ms < @To
            GROUP BY a.rep_id
            """, new { Platform = platform.Value, From = fromMs, To = toMs })];
}
