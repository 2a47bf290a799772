-- A shop location's till baskets, counted as each sale commits (the TillSaleRecorded subscriber): how many baskets, how
-- many held each SKU, and how many held each pair (sku < other_sku, once per pair). Only these counts leave the till.
CREATE TABLE network_basket_state (
    tenant_id    TEXT    NOT NULL,
    location_id  TEXT    NOT NULL,
    baskets      BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, location_id)
);

CREATE TABLE network_basket_item (
    tenant_id    TEXT    NOT NULL,
    location_id  TEXT    NOT NULL,
    sku          TEXT    NOT NULL,
    baskets      BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, location_id, sku)
);

CREATE TABLE network_basket_pair (
    tenant_id    TEXT    NOT NULL,
    location_id  TEXT    NOT NULL,
    sku          TEXT    NOT NULL,
    other_sku    TEXT    NOT NULL,
    baskets      BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, location_id, sku, other_sku)
);

-- What a shop location sold over the profile's weeks (by the platform's wholesale SKU where the shop maps one, in the
-- shop's units), where it is and whether it shares its baskets: the aggregate similar shops are found by. Written when the
-- shop asks for advice and when its platform refreshes its shops; read by the other shops of the same platform.
CREATE TABLE network_advice_profile (
    platform_id     TEXT              NOT NULL,
    shop_id         TEXT              NOT NULL,
    location_id     TEXT              NOT NULL,
    agreement_id    TEXT              NOT NULL,
    latitude        DOUBLE PRECISION  NOT NULL,
    longitude       DOUBLE PRECISION  NOT NULL,
    shares_baskets  BOOLEAN           NOT NULL,
    weeks           INTEGER           NOT NULL,
    units           BIGINT            NOT NULL,
    to_day          INTEGER           NOT NULL,
    refreshed_at_ms BIGINT            NOT NULL,
    PRIMARY KEY (platform_id, shop_id, location_id)
);

CREATE TABLE network_advice_profile_sku (
    shop_id      TEXT    NOT NULL,
    location_id  TEXT    NOT NULL,
    sku          TEXT    NOT NULL,
    units        BIGINT  NOT NULL,
    PRIMARY KEY (shop_id, location_id, sku)
);

-- Whether a tenant is (or was) a shop on a platform, looked up by every till sale.
CREATE INDEX network_agreement_shop ON network_agreement (shop_id);
