-- Units a till sold that the book stock did not have (an offline sale posted after the stock ran out): the shelf had them,
-- so the shortfall was booked in with a 'count_variance' ledger entry before the sale took them out. Each row is one such
-- shortfall for the store to count; the reference is the order that sold them.
CREATE TABLE inventory_discrepancy (
    tenant_id       TEXT    NOT NULL,
    discrepancy_id  TEXT    NOT NULL,
    location_id     TEXT    NOT NULL,
    sku             TEXT    NOT NULL,
    units           BIGINT  NOT NULL,
    reference       TEXT    NOT NULL,
    found_at_ms     BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, discrepancy_id)
);
CREATE INDEX inventory_discrepancy_location ON inventory_discrepancy (tenant_id, location_id, discrepancy_id);
