using Dapper;
using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;
using UniRetail.Orders.Persistence;
using UniRetail.Web;

namespace UniRetail.Orders.Queries;

/// <summary>One promotion's discounts over the orders: how many orders it applied to and how much it took off.</summary>
internal sealed record PromotionDiscount(string Code, string Name, long Orders, Money Amount);

/// <summary>What orders paid with and earned from loyalty, and the discounts by promotion.</summary>
internal sealed record BenefitFigures(long CouponsUsed, long OrdersWithPoints, long PointsRedeemed, Money PointsValue, Money Wallet, long PointsEarned,
    IReadOnlyList<PromotionDiscount> DiscountsByPromotion);

internal sealed record OrderSummaryView(string Id, string Channel, string Fulfilment, string Status, string? MemberId, string? StoreId, MoneyView Total, DateTimeOffset PlacedAt);

internal sealed record OrderCount(string Channel, string Fulfilment, long Orders, long CancelledOrders, long ReturnedOrders, Money Revenue);

/// <summary>What an order list is narrowed to; null means any. The days are UTC calendar days, both ends included.</summary>
internal sealed record OrderFilter(string? Status, string? Channel, string? Fulfilment, string? StoreId, string? MemberId, DateOnly? PlacedFrom, DateOnly? PlacedTo);

internal sealed record StoreCount(string LocationId, long Orders, long Units);

/// <summary>Reads of orders: one with its history and returns, a filtered page, and trading figures.</summary>
internal sealed class OrderQueries(Database database, OrderStore orders)
{
    public async Task<Result<OrderView>> GetAsync(Caller caller, OrderId id, CancellationToken ct) =>
        await database.ReadAsync<Result<OrderView>>(async c =>
        {
            var order = await orders.LoadAsync(c, null, caller.Tenant, id);
            if (order is null)
                return OrderErrors.UnknownOrder(id.Value);
            return OrderView.From(order).WithDetails(await orders.HistoryAsync(c, caller.Tenant, id), await orders.ReturnsAsync(c, caller.Tenant, id), order.Currency);
        }, ct);

    /// <summary>Orders newest first, filtered by status, channel, store and member.</summary>
    public Task<Result<Slice<OrderSummaryView>>> ListAsync(
        Caller caller, string? status, string? channel, string? storeId, string? memberId, PageQuery page, CancellationToken ct) =>
        ListAsync(caller, new OrderFilter(status, channel, null, storeId, memberId, null, null), page, ct);

    /// <summary>Orders newest first, filtered by status, channel, fulfilment, store, member and the UTC days they were placed on.</summary>
    public async Task<Result<Slice<OrderSummaryView>>> ListAsync(Caller caller, OrderFilter filter, PageQuery page, CancellationToken ct)
    {
        var (status, channel, fulfilment, storeId, memberId) = (filter.Status, filter.Channel, filter.Fulfilment, filter.StoreId, filter.MemberId);
        if (status is not null && !OrderStatuses.TryParse(status, out _))
            return OrderErrors.UnknownStatus(status);
        if (channel is not null && SalesChannels.Parse(channel) is { IsSuccess: false } badChannel)
            return badChannel.Error;
        if (fulfilment is not null && !FulfilmentTypes.TryParse(fulfilment, out _))
            return Error.Validation("orders.unknown_fulfilment", $"'{fulfilment}' is not a fulfilment type ({FulfilmentTypes.AllNames}).", "fulfilment");
        var fromMs = filter.PlacedFrom is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() : (long?)null;
        var toMs = filter.PlacedTo is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() : (long?)null;
        // Only the filters given are in the statement, so each combination is planned on its own and finds its index
        // ((tenant, store, status, id), (tenant, status, id), the member's, the placed time's) instead of walking the tenant's
        // orders newest first behind "@X IS NULL OR ..." terms the planner cannot drop.
        var where = new List<string> { "tenant_id = @Tenant" };
        if (status is not null) where.Add("status = @Status");
        if (channel is not null) where.Add("channel = @Channel");
        if (storeId is not null) where.Add("store_id = @Store");
        if (memberId is not null) where.Add("member_id = @Member");
        if (page.After is not null) where.Add("order_id < @Before");
        if (fulfilment is not null) where.Add("fulfilment = @Fulfilment");
        if (fromMs is not null) where.Add("placed_at_ms >= @FromMs");
        if (toMs is not null) where.Add("placed_at_ms < @ToMs");
        var rows = await database.ReadAsync(c => c.QueryAsync<SummaryRow>(
            $"""
            SELECT order_id AS Id, channel AS Channel, fulfilment AS Fulfilment, status AS Status, member_id AS MemberId, store_id AS StoreId,
                   currency AS Currency, total_minor AS TotalMinor, placed_at_ms AS PlacedAtMs
            FROM orders_order
            WHERE {string.Join(" AND ", where)}
            ORDER BY order_id DESC LIMIT @Limit
            """,
            new
            {
                Tenant = caller.Tenant.Value, Status = status, Channel = channel, Store = storeId, Member = memberId, Before = page.After, Limit = page.RowsToRead,
                Fulfilment = fulfilment, FromMs = fromMs, ToMs = toMs,
            }), ct);
        return Slice<SummaryRow>.Of(rows.ToList(), page, r => r.Id).Map(r => new OrderSummaryView(r.Id, r.Channel, r.Fulfilment, r.Status, r.MemberId, r.StoreId,
            MoneyView.From(Money.FromMinor(r.TotalMinor, Currency.FromStored(r.Currency))), DateTimeOffset.FromUnixTimeMilliseconds(r.PlacedAtMs)));
    }

    /// <summary>Orders by channel and fulfilment type, with cancellations, returns and revenue net of refunds.</summary>
    /// <summary>
    /// What the tenant's orders (cancelled ones excluded) paid with and earned from loyalty: orders with a coupon, points
    /// redeemed and their value, wallet money, points earned; and the discounts by promotion. For the demo's report.
    /// </summary>
    public Task<BenefitFigures> BenefitsAsync(TenantId tenant, Currency currency, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var args = new { Tenant = tenant.Value };
            var totals = await c.QuerySingleAsync<BenefitTotalsRow>(
                """
                SELECT COUNT(coupon_code) AS Coupons, COALESCE(SUM(points_redeemed), 0) AS PointsRedeemed, COALESCE(SUM(points_value_minor), 0) AS PointsValueMinor,
                       COALESCE(SUM(wallet_minor), 0) AS WalletMinor, COALESCE(SUM(points_earned), 0) AS PointsEarned,
                       COALESCE(SUM(CASE WHEN points_redeemed > 0 THEN 1 ELSE 0 END), 0) AS OrdersWithPoints
                FROM orders_order WHERE tenant_id = @Tenant AND status <> 'cancelled'
                """, args);
            var byPromotion = (await c.QueryAsync<DiscountRow>(
                """
                SELECT d.code AS Code, d.name AS Name, COUNT(*) AS Orders, SUM(d.amount_minor) AS AmountMinor
                FROM orders_discount d JOIN orders_order o ON o.tenant_id = d.tenant_id AND o.order_id = d.order_id
                WHERE d.tenant_id = @Tenant AND o.status <> 'cancelled'
                GROUP BY d.code, d.name ORDER BY SUM(d.amount_minor) DESC, d.code
                """, args)).Select(r => new PromotionDiscount(r.Code, r.Name, r.Orders, Money.FromMinor(r.AmountMinor, currency))).ToList();
            return new BenefitFigures(totals.Coupons, totals.OrdersWithPoints, totals.PointsRedeemed, Money.FromMinor(totals.PointsValueMinor, currency),
                Money.FromMinor(totals.WalletMinor, currency), totals.PointsEarned, byPromotion);
        }, ct);

    private sealed class BenefitTotalsRow
    {
        public long Coupons { get; init; }
        public long PointsRedeemed { get; init; }
        public long PointsValueMinor { get; init; }
        public long WalletMinor { get; init; }
        public long PointsEarned { get; init; }
        public long OrdersWithPoints { get; init; }
    }

    private sealed class DiscountRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public long Orders { get; init; }
        public long AmountMinor { get; init; }
    }

    public Task<IReadOnlyList<OrderCount>> CountsAsync(TenantId tenant, Currency currency, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<OrderCount>>(async c => (await c.QueryAsync<CountRow>(
            """
            SELECT o.channel AS Channel, o.fulfilment AS Fulfilment, COUNT(*) AS Orders,
                   SUM(CASE WHEN o.status = 'cancelled' THEN 1 ELSE 0 END) AS CancelledOrders,
                   SUM(CASE WHEN o.status IN ('returned', 'partly_returned') THEN 1 ELSE 0 END) AS ReturnedOrders,
                   SUM(CASE WHEN o.status = 'cancelled' THEN 0 ELSE o.total_minor END) - COALESCE(SUM(r.refund_minor), 0) AS RevenueMinor
            FROM orders_order o
            LEFT JOIN (SELECT order_id, SUM(refund_minor) AS refund_minor FROM orders_return WHERE tenant_id = @Tenant GROUP BY order_id) r ON r.order_id = o.order_id
            WHERE o.tenant_id = @Tenant
            GROUP BY o.channel, o.fulfilment ORDER BY Orders DESC
            """, new { Tenant = tenant.Value })).Select(r => new OrderCount(r.Channel, r.Fulfilment, r.Orders, r.CancelledOrders, r.ReturnedOrders, Money.FromMinor(r.RevenueMinor, currency))).ToList(), ct);

    /// <summary>The locations fulfilling the most orders (not counting cancelled ones).</summary>
    public Task<IReadOnlyList<StoreCount>> TopLocationsAsync(TenantId tenant, int top, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<StoreCount>>(async c => (await c.QueryAsync<StoreCount>(
            """
            SELECT a.location_id AS LocationId, COUNT(DISTINCT a.order_id) AS Orders, SUM(a.quantity) AS Units
            FROM orders_allocation a JOIN orders_order o ON o.tenant_id = a.tenant_id AND o.order_id = a.order_id
            WHERE a.tenant_id = @Tenant AND o.status <> 'cancelled'
            GROUP BY a.location_id ORDER BY Orders DESC, a.location_id LIMIT @Top
            """, new { Tenant = tenant.Value, Top = top })).ToList(), ct);

    private sealed class SummaryRow
    {
        public string Id { get; init; } = "";
        public string Channel { get; init; } = "";
        public string Fulfilment { get; init; } = "";
        public string Status { get; init; } = "";
        public string? MemberId { get; init; }
        public string? StoreId { get; init; }
        public string Currency { get; init; } = "";
        public long TotalMinor { get; init; }
        public long PlacedAtMs { get; init; }
    }

    private sealed class CountRow
    {
        public string Channel { get; init; } = "";
        public string Fulfilment { get; init; } = "";
        public long Orders { get; init; }
        public long CancelledOrders { get; init; }
        public long ReturnedOrders { get; init; }
        public long RevenueMinor { get; init; }
    }
}
