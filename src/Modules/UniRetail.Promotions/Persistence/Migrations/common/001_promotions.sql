-- A promotion's rule and conditions are kept as the JSON the API reads (normalised), and parsed again when loaded.
-- version counts its edits (optimistic concurrency of PUT); a deactivated promotion keeps its row, so orders that name it
-- still find its code and name.
CREATE TABLE promotions_promotion (
    tenant_id        TEXT     NOT NULL,
    promotion_id     TEXT     NOT NULL,
    code             TEXT     NOT NULL,
    name             TEXT     NOT NULL,
    active           BOOLEAN  NOT NULL,
    priority         INTEGER  NOT NULL,
    exclusive        BOOLEAN  NOT NULL,
    stacking_group   TEXT     NOT NULL,
    rule_json        TEXT     NOT NULL,
    conditions_json  TEXT     NOT NULL,
    version          INTEGER  NOT NULL,
    created_at_ms    BIGINT   NOT NULL,
    updated_at_ms    BIGINT   NOT NULL,
    PRIMARY KEY (tenant_id, promotion_id)
);
CREATE UNIQUE INDEX promotions_promotion_code ON promotions_promotion (tenant_id, code);

-- One row per tenant, bumped by every promotion write before anything else: it serialises a tenant's promotion writes
-- (the count limit and the code check hold under concurrency) and names the snapshot each server's index was built from.
CREATE TABLE promotions_revision (
    tenant_id  TEXT    NOT NULL,
    revision   BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id)
);
