CREATE TABLE catalog_product (
    tenant_id      TEXT    NOT NULL,
    product_id     TEXT    NOT NULL,
    code           TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    category       TEXT    NOT NULL,
    attributes     TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    created_at_ms  BIGINT  NOT NULL,
    updated_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, product_id)
);
CREATE UNIQUE INDEX catalog_product_code ON catalog_product (tenant_id, code);
CREATE INDEX catalog_product_category ON catalog_product (tenant_id, category);

-- gtin is the GTIN-14 form (the key GS1 says to match on); gtin_as_written is what the retailer gave.
CREATE TABLE catalog_sku (
    tenant_id        TEXT    NOT NULL,
    sku              TEXT    NOT NULL,
    product_id       TEXT    NOT NULL,
    gtin             TEXT    NULL,
    gtin_as_written  TEXT    NULL,
    name             TEXT    NOT NULL,
    attributes       TEXT    NOT NULL,
    price_minor      BIGINT  NOT NULL,
    currency         TEXT    NOT NULL,
    active           BOOLEAN NOT NULL,
    version          INTEGER NOT NULL,
    created_at_ms    BIGINT  NOT NULL,
    updated_at_ms    BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, sku)
);
CREATE UNIQUE INDEX catalog_sku_gtin ON catalog_sku (tenant_id, gtin) WHERE gtin IS NOT NULL;
CREATE INDEX catalog_sku_product ON catalog_sku (tenant_id, product_id);

-- scope is 'channel' (target: a channel name) or 'location' (target: a location id).
CREATE TABLE catalog_price_override (
    tenant_id      TEXT    NOT NULL,
    sku            TEXT    NOT NULL,
    scope          TEXT    NOT NULL,
    target         TEXT    NOT NULL,
    price_minor    BIGINT  NOT NULL,
    currency       TEXT    NOT NULL,
    updated_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, sku, scope, target)
);
