namespace UniRetail.Bench;

/// <summary>
/// The thirteen writes one paid ship-to-home order with two lines makes, as the stores write them (StockStore, HoldStore,
/// OrderStore): per line a guarded stock-level update, its ledger entry and the hold; then the idempotency key, the
/// order, its two lines, two allocations and the first history entry. Keep these in step with the stores.
/// </summary>
internal static class CeilingSql
{
    public const string ReserveLevel =
        """
        UPDATE inventory_stock_level
        SET on_hand = on_hand + @OnHandDelta, reserved = reserved + @ReservedDelta, damaged = damaged + @DamagedDelta, updated_at_ms = @At
        WHERE tenant_id = @Tenant AND sku = @Sku AND location_id = @Location AND on_hand - reserved - safety_stock >= @Units
        """;

    public const string AppendLedger =
        """
        INSERT INTO inventory_ledger (tenant_id, sku, location_id, kind, on_hand_delta, reserved_delta, damaged_delta, reference, reason, occurred_at_ms)
        VALUES (@Tenant, @Sku, @Location, @Kind, @OnHandDelta, @ReservedDelta, @DamagedDelta, @Reference, @Reason, @At)
        """;

    public const string InsertHold =
        """
        INSERT INTO inventory_reservation (tenant_id, reservation_id, owner_kind, reference, sku, location_id, quantity, status, expires_at_ms, created_at_ms)
        VALUES (@Tenant, @Id, 'order', @Reference, @Sku, @Location, @Quantity, 'active', @Expires, @At)
        """;

    public const string ClaimKey =
        """
        INSERT INTO orders_idempotency_key (tenant_id, idempotency_key, order_id, request_hash, created_at_ms)
        VALUES (@Tenant, @Key, @Order, @Hash, @At)
        ON CONFLICT DO NOTHING
        """;

    public const string InsertOrder =
        """
        INSERT INTO orders_order (tenant_id, order_id, channel, fulfilment, status, member_id, store_id, dest_latitude, dest_longitude, currency,
            total_minor, routing, placed_at_ms, updated_at_ms, version)
        VALUES (@Tenant, @Id, @Channel, @Fulfilment, @Status, @Member, @Store, @Lat, @Lon, @Currency,
            @Total, @Routing, @At, @At, @Version)
        """;

    public const string InsertLine =
        """
        INSERT INTO orders_line (tenant_id, order_id, line_no, sku, name, quantity, unit_price_minor, returned_quantity)
        VALUES (@Tenant, @Order, @LineNo, @Sku, @Name, @Quantity, @Price, 0)
        """;

    public const string InsertAllocation =
        "INSERT INTO orders_allocation (tenant_id, order_id, line_no, location_id, quantity) VALUES (@Tenant, @Order, @LineNo, @Location, @Quantity)";

    public const string AppendHistory =
        "INSERT INTO orders_status_change (tenant_id, order_id, seq, status, note, actor, at_ms) VALUES (@Tenant, @Order, @Seq, @Status, @Note, @Actor, @At)";

    /// <summary>One event into the bank, as EventStore writes it (a retried messageId is skipped).</summary>
    public const string InsertEvent =
        """
        INSERT INTO marketing_event (tenant_id, source_id, message_id, source_kind, location_id, type, event, name, user_id, anonymous_id,
            previous_id, group_id, timestamp_ms, received_at_ms, properties, traits, context)
        VALUES (@Tenant, @Source, @MessageId, @SourceKind, @Location, @Type, @Event, @Name, @UserId, @AnonymousId,
            @PreviousId, @GroupId, @TimestampMs, @ReceivedAtMs, @Properties, @Traits, @Context)
        ON CONFLICT (tenant_id, source_id, message_id) DO NOTHING
        """;

    public const string SeedLevel =
        """
        INSERT INTO inventory_stock_level (tenant_id, sku, location_id, on_hand, reserved, safety_stock, damaged, updated_at_ms)
        VALUES (@Tenant, @Sku, @Location, @OnHand, 0, 0, 0, 0)
        """;

    public const string CreateTick = "CREATE TABLE IF NOT EXISTS bench_fsync (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)";

    public const string SeedTick = "INSERT INTO bench_fsync (id, n) VALUES (1, 0)";

    public const string Tick = "UPDATE bench_fsync SET n = n + 1 WHERE id = 1";
}
