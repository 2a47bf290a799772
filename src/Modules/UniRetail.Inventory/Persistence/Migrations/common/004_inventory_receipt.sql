-- A goods receipt as received: the client's reference (delivery note, purchase order) and each line with the ledger
-- entry it made. Those entries carry the receipt id as their reference.
CREATE TABLE inventory_receipt (
    tenant_id       TEXT    NOT NULL,
    receipt_id      TEXT    NOT NULL,
    location_id     TEXT    NOT NULL,
    reference       TEXT    NULL,
    received_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, receipt_id)
);

CREATE TABLE inventory_receipt_line (
    tenant_id   TEXT     NOT NULL,
    receipt_id  TEXT     NOT NULL,
    line_no     INTEGER  NOT NULL,
    sku         TEXT     NOT NULL,
    quantity    BIGINT   NOT NULL,
    entry_id    BIGINT   NOT NULL,
    PRIMARY KEY (tenant_id, receipt_id, line_no)
);
