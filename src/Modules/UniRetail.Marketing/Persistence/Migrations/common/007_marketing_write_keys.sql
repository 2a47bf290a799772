-- A source may hold several write keys: a rotation issues a new one while the old one keeps working until its expiry
-- (the overlap that lets every client switch), and a revoked key stops at once. The keys move out of marketing_source.
CREATE TABLE marketing_write_key (
    tenant_id      TEXT    NOT NULL,
    key_id         TEXT    NOT NULL,
    source_id      TEXT    NOT NULL,
    secret_hash    TEXT    NOT NULL,
    created_at_ms  BIGINT  NOT NULL,
    expires_at_ms  BIGINT  NULL,
    revoked_at_ms  BIGINT  NULL,
    PRIMARY KEY (tenant_id, key_id)
);
CREATE UNIQUE INDEX marketing_write_key_id ON marketing_write_key (key_id);
CREATE INDEX marketing_write_key_source ON marketing_write_key (tenant_id, source_id);

INSERT INTO marketing_write_key (tenant_id, key_id, source_id, secret_hash, created_at_ms)
SELECT tenant_id, write_key_id, source_id, write_key_hash, created_at_ms FROM marketing_source;

DROP INDEX marketing_source_write_key;
ALTER TABLE marketing_source DROP COLUMN write_key_id;
ALTER TABLE marketing_source DROP COLUMN write_key_hash;
