-- One row per SKU per location. available = on_hand - reserved - safety_stock. The CHECKs are the last line of
-- defence against oversell: no code path can make reserved exceed on_hand or on_hand go negative.
CREATE TABLE inventory_stock_level (
    tenant_id      TEXT    NOT NULL,
    sku            TEXT    NOT NULL,
    location_id    TEXT    NOT NULL,
    on_hand        BIGINT  NOT NULL DEFAULT 0,
    reserved       BIGINT  NOT NULL DEFAULT 0,
    safety_stock   BIGINT  NOT NULL DEFAULT 0,
    damaged        BIGINT  NOT NULL DEFAULT 0,
    updated_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, sku, location_id),
    CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand AND safety_stock >= 0 AND damaged >= 0)
);

CREATE TABLE inventory_reservation (
    tenant_id       TEXT    NOT NULL,
    reservation_id  TEXT    NOT NULL,
    reference       TEXT    NOT NULL,
    sku             TEXT    NOT NULL,
    location_id     TEXT    NOT NULL,
    quantity        BIGINT  NOT NULL,
    status          TEXT    NOT NULL,
    expires_at_ms   BIGINT  NULL,
    created_at_ms   BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, reservation_id)
);
CREATE INDEX inventory_reservation_reference ON inventory_reservation (tenant_id, reference, reservation_id);
CREATE INDEX inventory_reservation_expiry ON inventory_reservation (expires_at_ms) WHERE status = 'active';
