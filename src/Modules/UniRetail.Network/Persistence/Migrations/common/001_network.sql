-- A shop's reorder settings for one SKU at one of its locations. on_order: units ordered and not yet received.
-- service_level_permille: 950 is a 95% chance of not running out in a delivery cycle.
CREATE TABLE network_shop_sku (
    tenant_id               TEXT     NOT NULL,
    location_id             TEXT     NOT NULL,
    sku                     TEXT     NOT NULL,
    case_pack               INTEGER  NOT NULL,
    minimum_units           INTEGER  NOT NULL,
    lead_time_days          INTEGER  NOT NULL,
    cycle_days              INTEGER  NOT NULL,
    service_level_permille  INTEGER  NOT NULL,
    on_order                INTEGER  NOT NULL,
    updated_at_ms           BIGINT   NOT NULL,
    PRIMARY KEY (tenant_id, location_id, sku)
);

-- Units a shop sold of a SKU on a day (day: days since 0001-01-01, DateOnly.DayNumber); a day without a row sold none.
CREATE TABLE network_daily_sales (
    tenant_id    TEXT     NOT NULL,
    location_id  TEXT     NOT NULL,
    sku          TEXT     NOT NULL,
    day          INTEGER  NOT NULL,
    units        INTEGER  NOT NULL,
    PRIMARY KEY (tenant_id, location_id, sku, day)
);
