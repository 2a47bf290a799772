-- A join is no longer a row of its own: the identifiers an event attached to an existing profile already carry the join's
-- id, rule and message id (008); they now also carry the identifier that linked them and the event's position and time,
-- so the join is read back from them. This saves the projector a row and three index entries per join (a fifth of its
-- time on streams where every new cookie joins a signed-in shopper). Only an undo is recorded apart, in the rare table
-- below. A join's identifiers are found by its id through a partial index that holds joined identifiers only.
ALTER TABLE marketing_identity ADD COLUMN join_link_type TEXT NULL;
ALTER TABLE marketing_identity ADD COLUMN join_link_value TEXT NULL;
ALTER TABLE marketing_identity ADD COLUMN join_seq BIGINT NULL;
ALTER TABLE marketing_identity ADD COLUMN join_at_ms BIGINT NULL;

UPDATE marketing_identity SET
    join_link_type  = (SELECT j.link_type  FROM marketing_join j WHERE j.tenant_id = marketing_identity.tenant_id AND j.join_id = marketing_identity.join_id),
    join_link_value = (SELECT j.link_value FROM marketing_join j WHERE j.tenant_id = marketing_identity.tenant_id AND j.join_id = marketing_identity.join_id),
    join_seq        = (SELECT j.event_seq  FROM marketing_join j WHERE j.tenant_id = marketing_identity.tenant_id AND j.join_id = marketing_identity.join_id),
    join_at_ms      = (SELECT j.at_ms      FROM marketing_join j WHERE j.tenant_id = marketing_identity.tenant_id AND j.join_id = marketing_identity.join_id)
WHERE join_id IS NOT NULL;
-- An explanation naming a join that no longer exists says nothing about a join.
UPDATE marketing_identity SET join_id = NULL WHERE join_id IS NOT NULL AND join_seq IS NULL;

CREATE INDEX marketing_identity_join ON marketing_identity (tenant_id, join_id) WHERE join_id IS NOT NULL;

-- Joins taken back (by an undo, or because their link turned out to be shared), with the profile that held them then.
CREATE TABLE marketing_join_undone (
    tenant_id     TEXT    NOT NULL,
    join_id       TEXT    NOT NULL,
    profile_id    TEXT    NOT NULL,
    undone_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, join_id)
);
CREATE INDEX marketing_join_undone_profile ON marketing_join_undone (tenant_id, profile_id);

INSERT INTO marketing_join_undone (tenant_id, join_id, profile_id, undone_at_ms)
SELECT tenant_id, join_id, profile_id, undone_at_ms FROM marketing_join WHERE undone_at_ms IS NOT NULL;

DROP TABLE marketing_join;
