-- Moved by every erasure as its first statement, so its row lock is held until the erasure commits. Ingestion and the
-- projector read it inside their own writes (PostgreSQL: FOR SHARE): a write either waits for a running erasure to
-- commit and sees the new epoch (then re-reads the suppression list), or commits before the erasure reads what to delete.
CREATE TABLE marketing_erasure_epoch (
    tenant_id  TEXT    NOT NULL PRIMARY KEY,
    epoch      BIGINT  NOT NULL
);
INSERT INTO marketing_erasure_epoch (tenant_id, epoch) SELECT tenant_id, COUNT(*) FROM marketing_erasure GROUP BY tenant_id;
