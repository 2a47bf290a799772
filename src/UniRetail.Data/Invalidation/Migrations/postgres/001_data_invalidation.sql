-- Cache invalidations every server must apply (a revoked key, an erasure): appended in the transaction that made the
-- change, read by every server's poller, deleted after an hour. A platform table: its rows name their tenant but are
-- read across tenants by every server, so it is keyed by its own sequence.
CREATE TABLE data_invalidation (
    seq        BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  TEXT    NOT NULL,
    topic      TEXT    NOT NULL,
    item       TEXT    NOT NULL,
    at_ms      BIGINT  NOT NULL
);
CREATE INDEX data_invalidation_at ON data_invalidation (at_ms);
