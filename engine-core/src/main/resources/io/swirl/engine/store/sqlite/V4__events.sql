-- Accepted events, by their key (CloudEvents: source and id). A key seen again is a
-- duplicate that changes nothing; keys are forgotten after the retention.
CREATE TABLE events (
  source      TEXT    NOT NULL,
  id          TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  received_at INTEGER NOT NULL,
  envelope    TEXT    NOT NULL,
  PRIMARY KEY (source, id)
) WITHOUT ROWID;

CREATE INDEX events_by_received_at ON events (received_at);
