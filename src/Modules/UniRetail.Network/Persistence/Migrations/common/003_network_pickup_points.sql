-- A shop's counter as a pickup point of its platform: the platform's location (kind pickup_point) that routing sends
-- parcels to, the parcels it takes a day (the location's daily capacity), the fee a parcel handed over earns the shop
-- (minor units of the platform's currency), and the days a parcel waits before the shop may send it back.
-- active FALSE: the shop stopped being a pickup point or left; the location no longer offers pickup.
CREATE TABLE network_pickup_point (
    platform_id       TEXT     NOT NULL,
    location_id       TEXT     NOT NULL,
    agreement_id      TEXT     NOT NULL,
    shop_id           TEXT     NOT NULL,
    parcel_capacity   INTEGER  NOT NULL,
    fee_minor         BIGINT   NOT NULL,
    hold_days         INTEGER  NOT NULL,
    active            BOOLEAN  NOT NULL,
    created_at_ms     BIGINT   NOT NULL,
    updated_at_ms     BIGINT   NOT NULL,
    PRIMARY KEY (platform_id, location_id)
);
CREATE UNIQUE INDEX network_pickup_point_agreement ON network_pickup_point (agreement_id);

-- A platform's online order travelling to a shop's counter. status: expected → arrived → handed_over | returned;
-- expected → cancelled (the platform cancelled it before it arrived). order_cancelled: the platform's order was cancelled
-- (an arrived parcel then goes back at once). The handover code is never stored (derived from the order with a server key).
-- fee_minor: what the handover earned the shop, fixed at that moment.
CREATE TABLE network_parcel (
    platform_id          TEXT     NOT NULL,
    order_id             TEXT     NOT NULL,
    parcel_id            TEXT     NOT NULL,
    shop_id              TEXT     NOT NULL,
    location_id          TEXT     NOT NULL,
    status               TEXT     NOT NULL,
    order_cancelled      BOOLEAN  NOT NULL,
    failed_attempts      INTEGER  NOT NULL,
    last_failed_at_ms    BIGINT   NULL,
    placed_at_ms         BIGINT   NOT NULL,
    arrived_at_ms        BIGINT   NULL,
    handed_over_at_ms    BIGINT   NULL,
    returned_at_ms       BIGINT   NULL,
    fee_minor            BIGINT   NULL,
    PRIMARY KEY (platform_id, order_id)
);
CREATE UNIQUE INDEX network_parcel_shop ON network_parcel (shop_id, parcel_id);
CREATE INDEX network_parcel_shop_placed ON network_parcel (shop_id, placed_at_ms);
CREATE INDEX network_parcel_platform_handed ON network_parcel (platform_id, handed_over_at_ms);
CREATE INDEX network_parcel_shop_handed ON network_parcel (shop_id, handed_over_at_ms);
