CREATE TABLE marketing_source (
    tenant_id       TEXT    NOT NULL,
    source_id       TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    location_id     TEXT    NULL,
    write_key_id    TEXT    NOT NULL,
    write_key_hash  TEXT    NOT NULL,
    created_at_ms   BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, source_id)
);
CREATE UNIQUE INDEX marketing_source_write_key ON marketing_source (write_key_id);
