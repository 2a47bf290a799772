-- Orders accepted per location per local day, counted against the location's daily capacity.
CREATE TABLE fulfillment_daily_load (
    tenant_id    TEXT    NOT NULL,
    location_id  TEXT    NOT NULL,
    day          TEXT    NOT NULL,
    accepted     INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, location_id, day)
);
