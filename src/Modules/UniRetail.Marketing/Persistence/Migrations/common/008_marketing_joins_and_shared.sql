-- Identity resolution you can trust (issue 13). Each identifier says how it came to its profile: the event (message id),
-- the rule, and the join that recorded it; a phone also when it was last seen with its profile (a recycled number is
-- told by a long silence); and, once the events show several people use it, the event that showed it (it links nothing
-- from then on; see SharingRules). Kept on the identifier's own row, so the projector reads it with the graph at no
-- extra query. Existing rows predate this and say nothing.
ALTER TABLE marketing_identity ADD COLUMN attached_by TEXT NULL;
ALTER TABLE marketing_identity ADD COLUMN message_id TEXT NULL;
ALTER TABLE marketing_identity ADD COLUMN join_id TEXT NULL;
ALTER TABLE marketing_identity ADD COLUMN last_seen_ms BIGINT NULL;
ALTER TABLE marketing_identity ADD COLUMN shared_message_id TEXT NULL;
ALTER TABLE marketing_identity ADD COLUMN shared_at_ms BIGINT NULL;

-- Every join (identifiers attached to an existing profile by one event), with the identifier that linked them, so it can
-- be undone like a merge. Derived from the events.
CREATE TABLE marketing_join (
    tenant_id    TEXT    NOT NULL,
    join_id      TEXT    NOT NULL,
    profile_id   TEXT    NOT NULL,
    link_type    TEXT    NULL,
    link_value   TEXT    NULL,
    rule         TEXT    NOT NULL,
    event_seq    BIGINT  NOT NULL,
    message_id   TEXT    NOT NULL,
    at_ms        BIGINT  NOT NULL,
    identifiers  TEXT    NOT NULL,
    undone_at_ms BIGINT  NULL,
    PRIMARY KEY (tenant_id, join_id)
);
CREATE INDEX marketing_join_profile ON marketing_join (tenant_id, profile_id);
-- When an identifier turns out to be shared, the joins made through it are looked up by their link.
CREATE INDEX marketing_join_link ON marketing_join (tenant_id, link_type, link_value);

-- Identifiers the tenant declares shared (a store's own tablets: their device and anonymous ids). A tenant decision.
CREATE TABLE marketing_declared_shared (
    tenant_id  TEXT    NOT NULL,
    id_type    TEXT    NOT NULL,
    id_value   TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, id_type, id_value)
);
