CREATE TABLE orders_order (
    tenant_id        TEXT    NOT NULL,
    order_id         TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    fulfilment       TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    member_id        TEXT    NULL,
    store_id         TEXT    NULL,
    dest_latitude    DOUBLE PRECISION NULL,
    dest_longitude   DOUBLE PRECISION NULL,
    currency         TEXT    NOT NULL,
    total_minor      BIGINT  NOT NULL,
    routing          TEXT    NOT NULL,
    cancel_reason    TEXT    NULL,
    placed_at_ms     BIGINT  NOT NULL,
    updated_at_ms    BIGINT  NOT NULL,
    version          BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, order_id)
);
CREATE INDEX orders_order_member ON orders_order (tenant_id, member_id) WHERE member_id IS NOT NULL;
CREATE INDEX orders_order_placed ON orders_order (tenant_id, placed_at_ms);

-- A retried create with the same key finds the first order instead of making a second. The key is claimed first
-- in the placing transaction, so a concurrent retry waits for (or sees) the first and never places a second order.
CREATE TABLE orders_idempotency_key (
    tenant_id        TEXT    NOT NULL,
    idempotency_key  TEXT    NOT NULL,
    order_id         TEXT    NOT NULL,
    request_hash     TEXT    NOT NULL,
    created_at_ms    BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);

CREATE TABLE orders_line (
    tenant_id          TEXT    NOT NULL,
    order_id           TEXT    NOT NULL,
    line_no            INTEGER NOT NULL,
    sku                TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    quantity           INTEGER NOT NULL,
    unit_price_minor   BIGINT  NOT NULL,
    returned_quantity  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, order_id, line_no),
    CHECK (quantity > 0 AND returned_quantity >= 0 AND returned_quantity <= quantity)
);

CREATE TABLE orders_allocation (
    tenant_id    TEXT    NOT NULL,
    order_id     TEXT    NOT NULL,
    line_no      INTEGER NOT NULL,
    location_id  TEXT    NOT NULL,
    quantity     INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, order_id, line_no, location_id)
);
CREATE INDEX orders_allocation_location ON orders_allocation (tenant_id, location_id);

CREATE TABLE orders_return (
    tenant_id      TEXT    NOT NULL,
    return_id      TEXT    NOT NULL,
    order_id       TEXT    NOT NULL,
    line_no        INTEGER NOT NULL,
    quantity       INTEGER NOT NULL,
    location_id    TEXT    NOT NULL,
    condition      TEXT    NOT NULL,
    refund_minor   BIGINT  NOT NULL,
    reason         TEXT    NULL,
    created_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, return_id, line_no)
);
CREATE INDEX orders_return_order ON orders_return (tenant_id, order_id);

-- The order's history: every transition, who made it and why.
CREATE TABLE orders_status_change (
    tenant_id    TEXT    NOT NULL,
    order_id     TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    status       TEXT    NOT NULL,
    note         TEXT    NULL,
    actor        TEXT    NOT NULL,
    at_ms        BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, order_id, seq)
);
