-- Two profiles an undone merge separated, which identity resolution must never merge again (nor any profile either is
-- merged into later). One row per pair, the smaller profile id first; merge_id is the undone merge that recorded it.
CREATE TABLE marketing_kept_apart (
    tenant_id   TEXT    NOT NULL,
    profile_id  TEXT    NOT NULL,
    other_id    TEXT    NOT NULL,
    merge_id    TEXT    NOT NULL,
    at_ms       BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, profile_id, other_id)
);
CREATE INDEX marketing_kept_apart_merge ON marketing_kept_apart (tenant_id, merge_id);
