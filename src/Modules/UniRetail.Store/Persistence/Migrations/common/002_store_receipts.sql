-- A till's receipts: one row per sale or return, keyed by the till's own id for it (saleId, returnId) at its store, so a
-- retried or re-posted offline sale answers the receipt it was given and writes nothing twice. original_id links a return
-- to the sale it refunds; the order index finds a sale's receipt from its order id.
CREATE TABLE store_till_receipt (
    tenant_id     TEXT    NOT NULL,
    store_id      TEXT    NOT NULL,
    receipt_id    TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    session_id    TEXT    NOT NULL,
    order_id      TEXT    NOT NULL,
    original_id   TEXT    NULL,
    request_hash  TEXT    NOT NULL,
    receipt_json  TEXT    NOT NULL,
    at_ms         BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, store_id, receipt_id)
);
CREATE INDEX store_till_receipt_order ON store_till_receipt (tenant_id, order_id, kind);
