-- A platform's field representatives, who sign shops up and earn a commission (per mille of their shops' orders).
CREATE TABLE network_rep (
    platform_id           TEXT     NOT NULL,
    rep_id                TEXT     NOT NULL,
    name                  TEXT     NOT NULL,
    commission_permille   INTEGER  NOT NULL,
    created_at_ms         BIGINT   NOT NULL,
    PRIMARY KEY (platform_id, rep_id)
);

-- A shop (a tenant) on a platform (a tenant): what it shares, where it is served from, when it joined and left.
-- delivery_day: 0 Sunday … 6 Saturday. A shop is on at most one platform at a time (left_at_ms NULL: on it now).
CREATE TABLE network_agreement (
    agreement_id      TEXT     NOT NULL PRIMARY KEY,
    platform_id       TEXT     NOT NULL,
    shop_id           TEXT     NOT NULL,
    shop_name         TEXT     NOT NULL,
    rep_id            TEXT     NOT NULL,
    warehouse_id      TEXT     NOT NULL,
    delivery_day      INTEGER  NOT NULL,
    shares_customers  BOOLEAN  NOT NULL,
    pickup_point      BOOLEAN  NOT NULL,
    joined_at_ms      BIGINT   NOT NULL,
    left_at_ms        BIGINT   NULL
);
CREATE UNIQUE INDEX network_agreement_active ON network_agreement (shop_id) WHERE left_at_ms IS NULL;
CREATE INDEX network_agreement_platform ON network_agreement (platform_id, joined_at_ms);

-- The platform's wholesale catalog: sold in whole cases; tiers: JSON [[fromCases, casePriceMinor], …] by the shop's
-- cases of the SKU in the calendar month.
CREATE TABLE network_wholesale_item (
    platform_id         TEXT     NOT NULL,
    sku                 TEXT     NOT NULL,
    case_pack           INTEGER  NOT NULL,
    unit_price_minor    BIGINT   NOT NULL,
    case_price_minor    BIGINT   NOT NULL,
    minimum_cases       INTEGER  NOT NULL,
    tiers               TEXT     NOT NULL,
    updated_at_ms       BIGINT   NOT NULL,
    PRIMARY KEY (platform_id, sku)
);

-- How a shop sells a wholesale SKU: as its own SKU, so many units a case.
CREATE TABLE network_shop_mapping (
    shop_id          TEXT     NOT NULL,
    wholesale_sku    TEXT     NOT NULL,
    sku              TEXT     NOT NULL,
    units_per_case   INTEGER  NOT NULL,
    PRIMARY KEY (shop_id, wholesale_sku)
);

-- A shop's order from its platform. status: placed (stock held at the warehouse) → received.
CREATE TABLE network_shop_order (
    order_id          TEXT     NOT NULL PRIMARY KEY,
    shop_id           TEXT     NOT NULL,
    platform_id       TEXT     NOT NULL,
    agreement_id      TEXT     NOT NULL,
    location_id       TEXT     NOT NULL,
    warehouse_id      TEXT     NOT NULL,
    status            TEXT     NOT NULL,
    idempotency_key   TEXT     NULL,
    request_hash      TEXT     NULL,
    currency          TEXT     NOT NULL,
    total_minor       BIGINT   NOT NULL,
    placed_at_ms      BIGINT   NOT NULL,
    delivery_day      INTEGER  NOT NULL,
    received_at_ms    BIGINT   NULL
);
CREATE UNIQUE INDEX network_shop_order_key ON network_shop_order (shop_id, idempotency_key);
CREATE INDEX network_shop_order_platform ON network_shop_order (platform_id, placed_at_ms);
CREATE INDEX network_shop_order_open ON network_shop_order (shop_id, location_id, status);

-- A line in whole cases at the price it was ordered at, and what the shop counted in (its own SKU and units).
CREATE TABLE network_shop_order_line (
    order_id          TEXT     NOT NULL,
    line_no           INTEGER  NOT NULL,
    wholesale_sku     TEXT     NOT NULL,
    cases             INTEGER  NOT NULL,
    case_pack         INTEGER  NOT NULL,
    case_price_minor  BIGINT   NOT NULL,
    tier_from_cases   INTEGER  NOT NULL,
    sku               TEXT     NOT NULL,
    units_per_case    INTEGER  NOT NULL,
    received_units    INTEGER  NULL,
    damaged_units     INTEGER  NULL,
    PRIMARY KEY (order_id, line_no)
);
