-- Accepted events, by their key (CloudEvents: source and id); the SQLite store's V4.
CREATE TABLE events (
  source      TEXT COLLATE "C" NOT NULL,
  id          TEXT COLLATE "C" NOT NULL,
  type        TEXT   NOT NULL,
  received_at BIGINT NOT NULL,
  envelope    TEXT   NOT NULL,
  PRIMARY KEY (source, id)
);

CREATE INDEX events_by_received_at ON events (received_at);
