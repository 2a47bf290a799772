using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Orders.Queries;

/// <summary>Orders and GMV (cancelled orders excluded) placed in one UTC hour, by channel and store.</summary>
internal sealed record HourCount(int Hour, string Channel, string? StoreId, long Orders, long GmvMinor, string Currency);

/// <summary>Orders a location still has to pick, hand over or dispatch.</summary>
internal sealed record WaitingCount(string LocationId, long Allocated, long Picking, long ReadyForPickup);

/// <summary>
/// A trading day as the console's Today page shows it. Each read goes through the (tenant, placed_at) index, so it costs
/// the orders of the day (or of the last <see cref="WaitingWindowDays"/> days for the waiting work), not the tenant's history.
/// </summary>
internal sealed class TradingDay(Database database)
{
    public const int WaitingWindowDays = 7;
    private const long HourMs = 3_600_000;

    public Task<IReadOnlyList<HourCount>> HoursAsync(Caller caller, DateOnly day, CancellationToken ct)
    {
        var (from, to) = Bounds(day);
        return database.ReadAsync<IReadOnlyList<HourCount>>(async c => (await c.QueryAsync<HourRow>(
            """
            SELECT CAST((placed_at_ms - @From) / 3600000 AS INTEGER) AS Hour, channel AS Channel, store_id AS StoreId, COUNT(*) AS Orders,
                   SUM(CASE WHEN status = 'cancelled' THEN 0 ELSE total_minor END) AS GmvMinor, MIN(currency) AS Currency
            FROM orders_order
            WHERE tenant_id = @Tenant AND placed_at_ms >= @From AND placed_at_ms < @To
            GROUP BY CAST((placed_at_ms - @From) / 3600000 AS INTEGER), channel, store_id
            ORDER BY Hour, Channel
            """, new { Tenant = caller.Tenant.Value, From = from, To = to }))
            .Select(r => new HourCount((int)r.Hour, r.Channel, r.StoreId, r.Orders, r.GmvMinor, r.Currency)).ToList(), ct);
    }

    /// <summary>The newest order placed on the day, so a page can tell cheaply whether anything changed.</summary>
    public Task<string?> NewestAsync(Caller caller, DateOnly day, CancellationToken ct)
    {
        var (from, to) = Bounds(day);
        return database.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(
            "SELECT MAX(order_id) FROM orders_order WHERE tenant_id = @Tenant AND placed_at_ms >= @From AND placed_at_ms < @To",
            new { Tenant = caller.Tenant.Value, From = from, To = to }), ct);
    }

    /// <summary>Open orders placed in the last days, by the location that fulfils them.</summary>
    public Task<IReadOnlyList<WaitingCount>> WaitingAsync(Caller caller, DateTimeOffset now, CancellationToken ct)
    {
        var from = now.AddDays(-WaitingWindowDays).ToUnixTimeMilliseconds();
        // The week's waiting orders are read first (MATERIALIZED keeps them a separate step on both engines): SQLite, with no
        // statistics, would otherwise walk every allocation of the tenant by its location index and look each order up
        // (5 s at 1 M orders; 0.1 s this way).
        return database.ReadAsync<IReadOnlyList<WaitingCount>>(async c => (await c.QueryAsync<WaitingRow>(
            """
            WITH o AS MATERIALIZED (
                SELECT tenant_id, order_id, status FROM orders_order
                WHERE tenant_id = @Tenant AND placed_at_ms >= @From AND status IN ('allocated', 'picking', 'ready_for_pickup'))
            SELECT a.location_id AS LocationId,
                   COUNT(DISTINCT CASE WHEN o.status = 'allocated' THEN o.order_id END) AS Allocated,
                   COUNT(DISTINCT CASE WHEN o.status = 'picking' THEN o.order_id END) AS Picking,
                   COUNT(DISTINCT CASE WHEN o.status = 'ready_for_pickup' THEN o.order_id END) AS ReadyForPickup
            FROM o JOIN orders_allocation a ON a.tenant_id = o.tenant_id AND a.order_id = o.order_id
            GROUP BY a.location_id ORDER BY a.location_id
            """, new { Tenant = caller.Tenant.Value, From = from }))
            .Select(r => new WaitingCount(r.LocationId, r.Allocated, r.Picking, r.ReadyForPickup)).ToList(), ct);
    }

    private static (long From, long To) Bounds(DateOnly day)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        return (from, from + 24 * HourMs);
    }

    // Dapper converts column types (SQLite's INTEGER, PostgreSQL's numeric sums) into properties, not into constructor parameters.
    private sealed class HourRow
    {
        public long Hour { get; init; }
        public string Channel { get; init; } = "";
        public string? StoreId { get; init; }
        public long Orders { get; init; }
        public long GmvMinor { get; init; }
        public string Currency { get; init; } = "";
    }

    private sealed class WaitingRow
    {
        public string LocationId { get; init; } = "";
        public long Allocated { get; init; }
        public long Picking { get; init; }
        public long ReadyForPickup { get; init; }
    }
}
