CREATE TABLE marketing_event (
    tenant_id       TEXT    NOT NULL,
    source_id       TEXT    NOT NULL,
    message_id      TEXT    NOT NULL,
    event_seq       BIGINT  GENERATED ALWAYS AS IDENTITY,
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
    context         TEXT    NULL,
    PRIMARY KEY (tenant_id, source_id, message_id)
);
CREATE UNIQUE INDEX marketing_event_tenant_seq ON marketing_event (tenant_id, event_seq);
CREATE INDEX marketing_event_user ON marketing_event (tenant_id, user_id, event_seq);
CREATE INDEX marketing_event_anonymous ON marketing_event (tenant_id, anonymous_id, event_seq);
