-- Cache invalidations every server must apply (a revoked key, an erasure): appended in the transaction that made the
-- change, read by every server's poller, deleted after an hour.
CREATE TABLE data_invalidation (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id  TEXT    NOT NULL,
    topic      TEXT    NOT NULL,
    item       TEXT    NOT NULL,
    at_ms      BIGINT  NOT NULL
);
CREATE INDEX data_invalidation_at ON data_invalidation (at_ms);
