using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Network.Persistence;

// Classes with setters, not positional records: SQLite hands Dapper 64-bit integers, PostgreSQL 32-bit ones, and Dapper
// converts either into a property but matches a constructor only on the exact type.
internal sealed class ShopSkuRow
{
    public string Sku { get; init; } = "";
    public int CasePack { get; init; }
    public int MinimumUnits { get; init; }
    public int LeadTimeDays { get; init; }
    public int CycleDays { get; init; }
    public int ServiceLevelPermille { get; init; }
    public int OnOrder { get; init; }
}

internal sealed class DailySalesRow
{
    public string Sku { get; init; } = "";
    public int Day { get; init; }
    public int Units { get; init; }
}

/// <summary>A shop's reorder settings and daily sales. Every query is scoped by tenant and location in its WHERE clause.</summary>
internal sealed class ShopStore
{
    public Task UpsertSkuAsync(DbSession session, TenantId tenant, LocationId location, ShopSkuRow row, DateTimeOffset at) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO network_shop_sku (tenant_id, location_id, sku, case_pack, minimum_units, lead_time_days, cycle_days,
                                          service_level_permille, on_order, updated_at_ms)
            VALUES (@Tenant, @Location, @Sku, @CasePack, @MinimumUnits, @LeadTimeDays, @CycleDays, @ServiceLevelPermille, @OnOrder, @At)
            ON CONFLICT (tenant_id, location_id, sku) DO UPDATE SET
                case_pack = excluded.case_pack, minimum_units = excluded.minimum_units, lead_time_days = excluded.lead_time_days,
                cycle_days = excluded.cycle_days, service_level_permille = excluded.service_level_permille,
                on_order = excluded.on_order, updated_at_ms = excluded.updated_at_ms
            """,
            new
            {
                Tenant = tenant.Value, Location = location.Value, row.Sku, row.CasePack, row.MinimumUnits, row.LeadTimeDays, row.CycleDays,
                row.ServiceLevelPermille, row.OnOrder, At = at.ToUnixTimeMilliseconds(),
            },
            session.Transaction);

    public async Task<IReadOnlyList<ShopSkuRow>> SkusAsync(DbConnection connection, TenantId tenant, LocationId location, int limit) =>
        [.. await connection.QueryAsync<ShopSkuRow>(
            """
            SELECT sku AS Sku, case_pack AS CasePack, minimum_units AS MinimumUnits, lead_time_days AS LeadTimeDays, cycle_days AS CycleDays,
                   service_level_permille AS ServiceLevelPermille, on_order AS OnOrder
            FROM network_shop_sku WHERE tenant_id = @Tenant AND location_id = @Location ORDER BY sku LIMIT @Limit
            """,
            new { Tenant = tenant.Value, Location = location.Value, Limit = limit })];

    /// <summary>Sets each (SKU, day)'s units: a retried upload writes the same rows again, never doubles them.</summary>
    public Task<int> UpsertSalesAsync(DbSession session, TenantId tenant, LocationId location, IEnumerable<DailySalesRow> rows) =>
        session.ExecuteManyAsync(
            """
            INSERT INTO network_daily_sales (tenant_id, location_id, sku, day, units) VALUES (@tenant, @location, @sku, @day, @units)
            ON CONFLICT (tenant_id, location_id, sku, day) DO UPDATE SET units = excluded.units
            """,
            ["@tenant", "@location", "@sku", "@day", "@units"],
            rows.Select(r => new object?[] { tenant.Value, location.Value, r.Sku, r.Day, r.Units }));

    /// <summary>The location's sales from <paramref name="fromDay"/> (inclusive) to <paramref name="toDay"/> (exclusive), SKU by SKU.</summary>
    public async Task<IReadOnlyList<DailySalesRow>> SalesAsync(DbConnection connection, TenantId tenant, LocationId location, int fromDay, int toDay) =>
        [.. await connection.QueryAsync<DailySalesRow>(
            """
            SELECT sku AS Sku, day AS Day, units AS Units FROM network_daily_sales
            WHERE tenant_id = @Tenant AND location_id = @Location AND day >= @From AND day < @To
            ORDER BY sku, day
            """,
            new { Tenant = tenant.Value, Location = location.Value, From = fromDay, To = toDay })];
}
