-- Append-only: every change to a stock level is one entry; the level equals the sum of its entries' deltas.
CREATE TABLE inventory_ledger (
    entry_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id       TEXT    NOT NULL,
    sku             TEXT    NOT NULL,
    location_id     TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    on_hand_delta   BIGINT  NOT NULL,
    reserved_delta  BIGINT  NOT NULL,
    damaged_delta   BIGINT  NOT NULL,
    reference       TEXT    NULL,
    reason          TEXT    NULL,
    occurred_at_ms  BIGINT  NOT NULL
);
CREATE INDEX inventory_ledger_level ON inventory_ledger (tenant_id, sku, location_id, entry_id);
