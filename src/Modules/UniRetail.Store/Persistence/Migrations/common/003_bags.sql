-- A shopper's scan-to-bag bag at a store. version moves with every change, so a checkout that read the lines can tell
-- they changed before its sale committed. start_key is the Idempotency-Key of the start, unique per tenant.
CREATE TABLE store_bag (
    tenant_id         TEXT    NOT NULL,
    bag_id            TEXT    NOT NULL,
    store_id          TEXT    NOT NULL,
    member_id         TEXT    NOT NULL,
    started_by        TEXT    NOT NULL,
    start_key         TEXT    NULL,
    status            TEXT    NOT NULL,
    version           BIGINT  NOT NULL,
    started_at_ms     BIGINT  NOT NULL,
    expires_at_ms     BIGINT  NOT NULL,
    updated_at_ms     BIGINT  NOT NULL,
    checked_out_at_ms BIGINT  NULL,
    checkout_ref      TEXT    NULL,
    PRIMARY KEY (tenant_id, bag_id)
);
CREATE UNIQUE INDEX store_bag_start_key ON store_bag (tenant_id, start_key) WHERE start_key IS NOT NULL;

CREATE TABLE store_bag_line (
    tenant_id      TEXT    NOT NULL,
    bag_id         TEXT    NOT NULL,
    sku            TEXT    NOT NULL,
    line_no        INTEGER NOT NULL,
    gtin           TEXT    NOT NULL,
    quantity       INTEGER NOT NULL,
    added_at_ms    BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, bag_id, sku),
    CHECK (quantity > 0)
);

-- A scan, kept by its Idempotency-Key: a retried scan finds its row and adds nothing.
CREATE TABLE store_bag_scan (
    tenant_id      TEXT    NOT NULL,
    bag_id         TEXT    NOT NULL,
    scan_key       TEXT    NOT NULL,
    scan_id        TEXT    NOT NULL,
    sku            TEXT    NOT NULL,
    quantity       INTEGER NOT NULL,
    at_ms          BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, bag_id, scan_key)
);

-- Co-purchase counts, kept incrementally: how many of the tenant's orders up to the watermark were counted, how many held
-- each SKU, and how many held each ordered pair of SKUs (both directions, so a SKU's row is one range of the key).
CREATE TABLE store_copurchase_state (
    tenant_id          TEXT    NOT NULL,
    baskets            BIGINT  NOT NULL,
    watermark_at_ms    BIGINT  NOT NULL,
    watermark_order    TEXT    NOT NULL,
    updated_at_ms      BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE store_copurchase_item (
    tenant_id   TEXT    NOT NULL,
    sku         TEXT    NOT NULL,
    baskets     BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, sku)
);

CREATE TABLE store_copurchase_pair (
    tenant_id   TEXT    NOT NULL,
    sku         TEXT    NOT NULL,
    other_sku   TEXT    NOT NULL,
    baskets     BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, sku, other_sku)
);

-- Each SKU's top complements by lift, ranked again whenever the SKU is in newly counted orders; a scan reads one range.
CREATE TABLE store_complement (
    tenant_id   TEXT    NOT NULL,
    sku         TEXT    NOT NULL,
    ordinal     INTEGER NOT NULL,
    other_sku   TEXT    NOT NULL,
    lift        DOUBLE PRECISION NOT NULL,
    baskets     BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, sku, ordinal)
);
