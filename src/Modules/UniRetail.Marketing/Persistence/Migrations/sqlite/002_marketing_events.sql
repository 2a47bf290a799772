-- SQLite's AUTOINCREMENT rowid is the ever-increasing sequence a projector reads in order (never reused, even after
-- deletes); it has to be the primary key, so the tenant-led dedupe key is a unique index beside it.
CREATE TABLE marketing_event (
    event_seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id       TEXT    NOT NULL,
    source_id       TEXT    NOT NULL,
    message_id      TEXT    NOT NULL,
    source_kind     TEXT    NOT NULL,
    location_id     TEXT    NULL,
    type            TEXT    NOT NULL,
    event           TEXT    NULL,
    name            TEXT    NULL,
    user_id         TEXT    NULL,
    anonymous_id    TEXT    NULL,
    previous_id     TEXT    NULL,
    group_id        TEXT    NULL,
    timestamp_ms    BIGINT  NOT NULL,
    received_at_ms  BIGINT  NOT NULL,
    properties      TEXT    NULL,
    traits          TEXT    NULL,
    context         TEXT    NULL
);
CREATE UNIQUE INDEX marketing_event_message ON marketing_event (tenant_id, source_id, message_id);
CREATE INDEX marketing_event_tenant_seq ON marketing_event (tenant_id, event_seq);
CREATE INDEX marketing_event_user ON marketing_event (tenant_id, user_id, event_seq);
CREATE INDEX marketing_event_anonymous ON marketing_event (tenant_id, anonymous_id, event_seq);
