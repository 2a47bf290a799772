-- Which order took which location's capacity on which day, so a cancelled order gives back exactly what it took, once.
CREATE TABLE fulfillment_capacity_claim (
    tenant_id    TEXT    NOT NULL,
    reference    TEXT    NOT NULL,
    location_id  TEXT    NOT NULL,
    day          TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, reference, location_id)
);
