-- A re-stitch rebuilds one tenant's identity graph and profiles from its events with the current rules. The job row is
-- the whole of its progress: where in the event bank it has replayed to, moved in the same transaction as what it wrote,
-- so an interrupted re-stitch resumes there. While a tenant's job runs, the live projector leaves that tenant's events to it.
CREATE TABLE marketing_restitch (
    tenant_id        TEXT    NOT NULL PRIMARY KEY,
    job_id           TEXT    NOT NULL,
    requested_by     TEXT    NOT NULL,
    started_at_ms    BIGINT  NOT NULL,
    finished_at_ms   BIGINT  NULL,
    position_tx      BIGINT  NOT NULL,
    position_seq     BIGINT  NOT NULL,
    events_replayed  BIGINT  NOT NULL,
    profiles_before  BIGINT  NOT NULL,
    profiles_after   BIGINT  NULL
);

-- Consent recorded through the API (not from events) while a re-stitch runs: kept by the identifiers of the profile that
-- held it, and given back to whichever rebuilt profile holds those identifiers when the job finishes.
CREATE TABLE marketing_restitch_consent (
    tenant_id   TEXT    NOT NULL,
    id_type     TEXT    NOT NULL,
    id_value    TEXT    NOT NULL,
    purpose     TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    at_ms       BIGINT  NOT NULL,
    source_id   TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, id_type, id_value, purpose)
);

-- Which profile held each identifier when the re-stitch started: at the end, each rebuilt profile takes back the id of
-- the old profile most of its identifiers came from, so links to a person (and their consent) outlive the re-stitch.
CREATE TABLE marketing_restitch_previous (
    tenant_id   TEXT    NOT NULL,
    id_type     TEXT    NOT NULL,
    id_value    TEXT    NOT NULL,
    profile_id  TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, id_type, id_value)
);

-- The renames of the finishing transaction (rebuilt id to the old id it takes back); empty between transactions.
CREATE TABLE marketing_restitch_rename (
    tenant_id  TEXT  NOT NULL,
    new_id     TEXT  NOT NULL,
    old_id     TEXT  NOT NULL,
    PRIMARY KEY (tenant_id, new_id)
);
