-- Append-only: one entry per change of a member account (points, pending points, wallet) or a gift card (value).
CREATE TABLE loyalty_ledger (
    entry_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id       TEXT    NOT NULL,
    account_id      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    points_delta    BIGINT  NOT NULL,
    pending_delta   BIGINT  NOT NULL,
    value_delta     BIGINT  NOT NULL,
    lot_id          TEXT    NULL,
    reference       TEXT    NULL,
    note            TEXT    NULL,
    occurred_at_ms  BIGINT  NOT NULL
);
CREATE INDEX loyalty_ledger_account ON loyalty_ledger (tenant_id, account_id, entry_id);
