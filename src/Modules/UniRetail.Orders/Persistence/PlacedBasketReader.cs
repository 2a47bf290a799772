using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;

namespace UniRetail.Orders.Persistence;

/// <summary>One range read over <c>orders_order_placed</c> (tenant, placing time) and the lines of the orders it found.</summary>
internal sealed class PlacedBasketReader(Database database) : IPlacedBaskets
{
    public async Task<IReadOnlyList<PlacedBasket>> AfterAsync(TenantId tenant, PlacedOrderPosition after, DateTimeOffset placedBefore, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var rows = await database.ReadAsync(c => c.QueryAsync<Row>(
            """
            SELECT o.order_id AS OrderId, o.placed_at_ms AS PlacedAtMs, l.sku AS Sku
            FROM (SELECT order_id, placed_at_ms FROM orders_order
                  WHERE tenant_id = @Tenant AND placed_at_ms < @Before
                    AND (placed_at_ms > @AfterMs OR (placed_at_ms = @AfterMs AND order_id > @AfterId))
                  ORDER BY placed_at_ms, order_id LIMIT @Limit) o
            JOIN orders_line l ON l.tenant_id = @Tenant AND l.order_id = o.order_id
            ORDER BY o.placed_at_ms, o.order_id, l.line_no
            """,
            new
            {
                Tenant = tenant.Value, Before = placedBefore.ToUnixTimeMilliseconds(), AfterMs = after.PlacedAt.ToUnixTimeMilliseconds(),
                AfterId = after.Order.Value, Limit = limit,
            }), ct);
        var baskets = new List<PlacedBasket>();
        foreach (var order in rows.GroupBy(r => (r.OrderId, r.PlacedAtMs)))
        {
            baskets.Add(new PlacedBasket(
                new PlacedOrderPosition(DateTimeOffset.FromUnixTimeMilliseconds(order.Key.PlacedAtMs), new OrderId(order.Key.OrderId)),
                order.Select(r => Sku.FromStored(r.Sku)).ToList()));
        }
        return baskets;
    }

    private sealed class Row
    {
        public string OrderId { get; init; } = "";
        public long PlacedAtMs { get; init; }
        public string Sku { get; init; } = "";
    }
}
