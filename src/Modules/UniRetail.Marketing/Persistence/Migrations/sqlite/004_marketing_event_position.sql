-- SQLite has one writer: event_seq is already commit order, so the commit-order column is always 0.
ALTER TABLE marketing_event ADD COLUMN tx_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX marketing_event_position ON marketing_event (tx_id, event_seq);
