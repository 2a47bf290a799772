-- The identity graph and profiles the projector keeps from the event bank (see docs/architecture.md, "Profiles").
CREATE TABLE marketing_profile (
    tenant_id        TEXT    NOT NULL,
    profile_id       TEXT    NOT NULL,
    merged_into      TEXT    NULL,
    version          BIGINT  NOT NULL,
    created_at_ms    BIGINT  NOT NULL,
    first_seen_ms    BIGINT  NULL,
    last_seen_ms     BIGINT  NULL,
    event_count      BIGINT  NOT NULL,
    order_count      BIGINT  NOT NULL,
    refund_count     BIGINT  NOT NULL,
    cancel_count     BIGINT  NOT NULL,
    last_purchase_ms BIGINT  NULL,
    favourite_store  TEXT    NULL,
    revenue          TEXT    NOT NULL,
    store_events     TEXT    NOT NULL,
    channels         TEXT    NOT NULL,
    traits           TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, profile_id)
);
-- Partial: only merged rows are looked up by merged_into, and a full index lures both planners into scanning a
-- tenant's live profiles (merged_into IS NULL) for what is a primary-key update.
CREATE INDEX marketing_profile_merged ON marketing_profile (tenant_id, merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE marketing_identity (
    tenant_id      TEXT    NOT NULL,
    id_type        TEXT    NOT NULL,
    id_value       TEXT    NOT NULL,
    profile_id     TEXT    NOT NULL,
    source_id      TEXT    NOT NULL,
    first_seen_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, id_type, id_value)
);
CREATE INDEX marketing_identity_profile ON marketing_identity (tenant_id, profile_id);

CREATE TABLE marketing_consent (
    tenant_id   TEXT    NOT NULL,
    profile_id  TEXT    NOT NULL,
    purpose     TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    at_ms       BIGINT  NOT NULL,
    source_id   TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, profile_id, purpose)
);
CREATE INDEX marketing_consent_purpose ON marketing_consent (tenant_id, purpose, state);

-- Every merge, with what the merged profile held, so it can be undone.
CREATE TABLE marketing_merge (
    tenant_id          TEXT    NOT NULL,
    merge_id           TEXT    NOT NULL,
    kept_profile_id    TEXT    NOT NULL,
    merged_profile_id  TEXT    NOT NULL,
    link_type          TEXT    NOT NULL,
    link_value         TEXT    NOT NULL,
    event_seq          BIGINT  NOT NULL,
    at_ms              BIGINT  NOT NULL,
    identifiers        TEXT    NOT NULL,
    kept_consent       TEXT    NOT NULL,
    merged_consent     TEXT    NOT NULL,
    undone_at_ms       BIGINT  NULL,
    PRIMARY KEY (tenant_id, merge_id)
);
CREATE INDEX marketing_merge_kept ON marketing_merge (tenant_id, kept_profile_id);
CREATE INDEX marketing_merge_merged ON marketing_merge (tenant_id, merged_profile_id);

CREATE TABLE marketing_identity_rule (
    tenant_id        TEXT     NOT NULL,
    id_type          TEXT     NOT NULL,
    may_merge        INTEGER  NOT NULL,
    max_per_profile  INTEGER  NOT NULL,
    priority         INTEGER  NOT NULL,
    PRIMARY KEY (tenant_id, id_type)
);

CREATE TABLE marketing_blocked_value (
    tenant_id  TEXT  NOT NULL,
    value      TEXT  NOT NULL,
    PRIMARY KEY (tenant_id, value)
);

-- Erasure leaves only fingerprints (SHA-256 of tenant, type and value) so the same person is not collected again,
-- and an audit row of counts: no personal data survives.
CREATE TABLE marketing_suppression (
    tenant_id    TEXT    NOT NULL,
    fingerprint  TEXT    NOT NULL,
    erasure_id   TEXT    NOT NULL,
    at_ms        BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, fingerprint)
);

CREATE TABLE marketing_erasure (
    tenant_id           TEXT    NOT NULL,
    erasure_id          TEXT    NOT NULL,
    requested_by        TEXT    NOT NULL,
    at_ms               BIGINT  NOT NULL,
    profiles_erased     BIGINT  NOT NULL,
    identifiers_erased  BIGINT  NOT NULL,
    events_erased       BIGINT  NOT NULL,
    members_erased      BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, erasure_id)
);

-- Where each projector has read the event bank to, updated in the same transaction as what it wrote. Projectors read
-- every tenant's events in one pass, so this table alone is not tenant-led.
CREATE TABLE marketing_projection (
    name           TEXT    NOT NULL PRIMARY KEY,
    position_tx    BIGINT  NOT NULL,
    position_seq   BIGINT  NOT NULL,
    updated_at_ms  BIGINT  NOT NULL
);
