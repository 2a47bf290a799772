using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;

namespace UniRetail.Orders.Persistence;

/// <summary>Orders, their lines, allocations, returns and history. Tenant in every WHERE; versions guard concurrent changes.</summary>
internal sealed class OrderStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string OrderColumns =
        "order_id AS OrderId, channel AS Channel, fulfilment AS Fulfilment, status AS Status, member_id AS MemberId, store_id AS StoreId, " +
        "dest_latitude AS DestLatitude, dest_longitude AS DestLongitude, currency AS Currency, routing AS Routing, cancel_reason AS CancelReason, " +
        "placed_at_ms AS PlacedAtMs, version AS Version, coupon_code AS CouponCode, points_redeemed AS PointsRedeemed, points_value_minor AS PointsValueMinor, " +
        "wallet_minor AS WalletMinor, gift_card_minor AS GiftCardMinor, points_earned AS PointsEarned";

    /// <summary>Claims an idempotency key for an order about to be placed; false when an earlier request holds it (the caller replays that one).</summary>
    public async Task<bool> TryClaimKeyAsync(DbSession session, TenantId tenant, string key, OrderId order, string requestHash, long atMs) =>
        await session.ExecuteHotAsync(
            """
            INSERT INTO orders_idempotency_key (tenant_id, idempotency_key, order_id, request_hash, created_at_ms)
            VALUES (@Tenant, @Key, @Order, @Hash, @At)
            ON CONFLICT DO NOTHING
            """,
            ClaimParameters, tenant.Value, key, order.Value, requestHash, atMs) == 1;

    private static readonly string[] ClaimParameters = ["@Tenant", "@Key", "@Order", "@Hash", "@At"];

    /// <summary>
    /// Writes a newly placed order — its row, lines, allocations and first history entry — as one command of multi-row
    /// inserts: one round trip (and on SQLite one call into the engine) instead of one per row, on the hottest write path.
    /// </summary>
    public Task InsertPlacedAsync(DbSession session, TenantId tenant, Order order, string actor, long atMs)
    {
        var sql = new StringBuilder(
            """
            INSERT INTO orders_order (tenant_id, order_id, channel, fulfilment, status, member_id, store_id, dest_latitude, dest_longitude, currency,
                total_minor, routing, placed_at_ms, updated_at_ms, version, discount_minor, coupon_code, points_redeemed, points_value_minor, wallet_minor,
                gift_card_minor, points_earned)
            VALUES (@Tenant, @Id, @Channel, @Fulfilment, @Status, @Member, @Store, @Lat, @Lon, @Currency, @Total, @Routing, @At, @At, @Version, @Discount,
                @Coupon, @Points, @PointsValue, @Wallet, @GiftCard, @Earned);
            INSERT INTO orders_status_change (tenant_id, order_id, seq, status, note, actor, at_ms) VALUES (@Tenant, @Id, @Version, @Status, NULL, @Actor, @At);
            INSERT INTO orders_line (tenant_id, order_id, line_no, sku, name, quantity, unit_price_minor, returned_quantity, discount_minor, promotions) VALUES
            """);
        List<string> names =
        [
            "@Tenant", "@Id", "@Channel", "@Fulfilment", "@Status", "@Member", "@Store", "@Lat", "@Lon", "@Currency", "@Total", "@Routing", "@At", "@Version", "@Actor",
            "@Discount", "@Coupon", "@Points", "@PointsValue", "@Wallet", "@GiftCard", "@Earned",
        ];
        var benefits = order.Benefits;
        List<object?> values =
        [
            tenant.Value, order.Id.Value, SalesChannels.ToName(order.Channel), FulfilmentTypes.ToName(order.Fulfilment), OrderStatuses.ToName(order.Status),
            order.Member?.Value, order.Store?.Value, order.Destination?.Latitude, order.Destination?.Longitude, order.Currency.Code,
            order.Total.MinorUnits, order.Routing, atMs, order.Version, actor,
            order.DiscountTotal.MinorUnits, benefits.Coupon, benefits.Points, benefits.PointsValueMinor, benefits.WalletMinor, benefits.GiftCardMinor, benefits.PointsEarned,
        ];
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}(@Tenant, @Id, @L{i}No, @L{i}Sku, @L{i}Name, @L{i}Qty, @L{i}Price, 0, @L{i}Disc, @L{i}Promos)");
            names.AddRange([$"@L{i}No", $"@L{i}Sku", $"@L{i}Name", $"@L{i}Qty", $"@L{i}Price", $"@L{i}Disc", $"@L{i}Promos"]);
            values.AddRange([line.LineNo, line.Sku.Value, line.Name, line.Quantity.Value, line.UnitPrice.MinorUnits, line.DiscountMinor,
                line.Applied.Count == 0 ? null : JsonSerializer.Serialize(line.Applied, Json)]);
        }
        sql.Append(";\nINSERT INTO orders_allocation (tenant_id, order_id, line_no, location_id, quantity) VALUES ");
        for (var i = 0; i < order.Allocations.Count; i++)
        {
            var allocation = order.Allocations[i];
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}(@Tenant, @Id, @A{i}Line, @A{i}Location, @A{i}Qty)");
            names.AddRange([$"@A{i}Line", $"@A{i}Location", $"@A{i}Qty"]);
            values.AddRange([allocation.LineNo, allocation.Location.Value, allocation.Quantity]);
        }
        if (order.Discounts.Count > 0)
        {
            sql.Append(";\nINSERT INTO orders_discount (tenant_id, order_id, promotion_id, code, name, amount_minor) VALUES ");
            for (var i = 0; i < order.Discounts.Count; i++)
            {
                var discount = order.Discounts[i];
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}(@Tenant, @Id, @D{i}Promo, @D{i}Code, @D{i}Name, @D{i}Amount)");
                names.AddRange([$"@D{i}Promo", $"@D{i}Code", $"@D{i}Name", $"@D{i}Amount"]);
                values.AddRange([discount.PromotionId, discount.Code, discount.Name, discount.AmountMinor]);
            }
        }
        // The text depends only on the numbers of lines and allocations, so a few kept commands serve every order.
        return session.ExecuteHotAsync(sql.ToString(), names, [.. values]);
    }

    public async Task<(OrderId Order, string? RequestHash)?> FindByIdempotencyKeyAsync(DbConnection connection, DbTransaction? transaction, TenantId tenant, string key)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IdempotencyRow>(
            "SELECT order_id AS OrderId, request_hash AS RequestHash FROM orders_idempotency_key WHERE tenant_id = @Tenant AND idempotency_key = @Key",
            new { Tenant = tenant.Value, Key = key }, transaction);
        return row is null ? null : (new OrderId(row.OrderId), row.RequestHash);
    }

    public async Task<Order?> LoadAsync(DbConnection connection, DbTransaction? transaction, TenantId tenant, OrderId id)
    {
        var args = new { Tenant = tenant.Value, Id = id.Value };
        var row = await connection.QuerySingleOrDefaultAsync<OrderRow>(
            $"SELECT {OrderColumns} FROM orders_order WHERE tenant_id = @Tenant AND order_id = @Id", args, transaction);
        if (row is null)
            return null;
        var lines = await connection.QueryAsync<LineRow>(
            """
            SELECT order_id AS OrderId, line_no AS LineNo, sku AS Sku, name AS Name, quantity AS Quantity, unit_price_minor AS UnitPriceMinor, returned_quantity AS ReturnedQuantity,
                   discount_minor AS DiscountMinor, promotions AS Promotions
            FROM orders_line WHERE tenant_id = @Tenant AND order_id = @Id ORDER BY line_no
            """, args, transaction);
        var allocations = await connection.QueryAsync<AllocationRow>(
            "SELECT order_id AS OrderId, line_no AS LineNo, location_id AS LocationId, quantity AS Quantity FROM orders_allocation WHERE tenant_id = @Tenant AND order_id = @Id ORDER BY line_no, location_id",
            args, transaction);
        var discounts = await connection.QueryAsync<OrderDiscount>(
            "SELECT promotion_id AS PromotionId, code AS Code, name AS Name, amount_minor AS AmountMinor FROM orders_discount WHERE tenant_id = @Tenant AND order_id = @Id ORDER BY promotion_id",
            args, transaction);
        return row.ToOrder(lines, allocations, discounts);
    }

    /// <summary>Saves a transition made on a loaded order; false when someone else changed the order since it was loaded.</summary>
    public async Task<bool> SaveTransitionAsync(DbSession session, TenantId tenant, Order order, string? note, string actor, long atMs)
    {
        var expected = order.Version;
        var changed = await session.Connection.ExecuteAsync(
            """
            UPDATE orders_order SET status = @Status, cancel_reason = @CancelReason, updated_at_ms = @At, version = version + 1
            WHERE tenant_id = @Tenant AND order_id = @Id AND version = @Expected
            """,
            new { Tenant = tenant.Value, Id = order.Id.Value, Status = OrderStatuses.ToName(order.Status), order.CancelReason, At = atMs, Expected = expected },
            session.Transaction);
        if (changed == 0)
            return false;
        order.Version = expected + 1;
        await AppendHistoryAsync(session, tenant, order, note, actor, atMs);
        return true;
    }

    public Task SaveReturnedQuantitiesAsync(DbSession session, TenantId tenant, Order order) =>
        session.Connection.ExecuteAsync(
            "UPDATE orders_line SET returned_quantity = @Returned WHERE tenant_id = @Tenant AND order_id = @Order AND line_no = @LineNo",
            order.Lines.Select(l => new { Tenant = tenant.Value, Order = order.Id.Value, l.LineNo, Returned = l.ReturnedQuantity }),
            session.Transaction);

    public Task InsertReturnAsync(DbSession session, TenantId tenant, OrderId order, string returnId, int lineNo, int quantity, LocationId location,
        string condition, long refundMinor, string? reason, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO orders_return (tenant_id, return_id, order_id, line_no, quantity, location_id, condition, refund_minor, reason, created_at_ms)
            VALUES (@Tenant, @ReturnId, @Order, @LineNo, @Quantity, @Location, @Condition, @Refund, @Reason, @At)
            """,
            new { Tenant = tenant.Value, ReturnId = returnId, Order = order.Value, LineNo = lineNo, Quantity = quantity, Location = location.Value,
                Condition = condition, Refund = refundMinor, Reason = reason, At = atMs },
            session.Transaction);

    public Task<int> ReassignMemberAsync(DbSession session, TenantId tenant, MemberId from, MemberId to) =>
        session.Connection.ExecuteAsync(
            "UPDATE orders_order SET member_id = @To WHERE tenant_id = @Tenant AND member_id = @From",
            new { Tenant = tenant.Value, From = from.Value, To = to.Value }, session.Transaction);

    public async Task<IReadOnlyList<StatusChangeRow>> HistoryAsync(DbConnection connection, TenantId tenant, OrderId id) =>
        (await connection.QueryAsync<StatusChangeRow>(
            "SELECT seq AS Seq, status AS Status, note AS Note, actor AS Actor, at_ms AS AtMs FROM orders_status_change WHERE tenant_id = @Tenant AND order_id = @Id ORDER BY seq",
            new { Tenant = tenant.Value, Id = id.Value })).ToList();

    public async Task<IReadOnlyList<ReturnRow>> ReturnsAsync(DbConnection connection, TenantId tenant, OrderId id) =>
        (await connection.QueryAsync<ReturnRow>(
            """
            SELECT return_id AS ReturnId, line_no AS LineNo, quantity AS Quantity, location_id AS LocationId, condition AS Condition,
                   refund_minor AS RefundMinor, reason AS Reason, created_at_ms AS CreatedAtMs
            FROM orders_return WHERE tenant_id = @Tenant AND order_id = @Id ORDER BY created_at_ms, line_no
            """,
            new { Tenant = tenant.Value, Id = id.Value })).ToList();

    private Task<int> AppendHistoryAsync(DbSession session, TenantId tenant, Order order, string? note, string actor, long atMs) =>
        session.Connection.ExecuteAsync(
            "INSERT INTO orders_status_change (tenant_id, order_id, seq, status, note, actor, at_ms) VALUES (@Tenant, @Order, @Seq, @Status, @Note, @Actor, @At)",
            new { Tenant = tenant.Value, Order = order.Id.Value, Seq = order.Version, Status = OrderStatuses.ToName(order.Status), Note = note, Actor = actor, At = atMs },
            session.Transaction);

    private sealed class IdempotencyRow
    {
        public string OrderId { get; init; } = "";
        public string? RequestHash { get; init; }
    }
}
