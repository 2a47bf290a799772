-- Writers on several connections take identity values in one order and commit in another, so a reader that saw
-- event_seq 10 may later find 9. The inserting transaction's id orders events by commit horizon instead: every
-- transaction older than the oldest still running has finished, so (tx_id, event_seq) below that horizon never changes.
ALTER TABLE marketing_event ADD COLUMN tx_id BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX marketing_event_position ON marketing_event (tx_id, event_seq);
