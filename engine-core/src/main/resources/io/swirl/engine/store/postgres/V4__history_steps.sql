-- One history row per orchestration step instead of one per event (the SQLite store's V5):
-- `seq` is the sequence number of the step's first event, `events` the JSON array of its events.
CREATE TABLE history_steps (
  instance_id TEXT COLLATE "C" NOT NULL,
  seq         INTEGER NOT NULL,
  created_at  BIGINT  NOT NULL,
  events      TEXT    NOT NULL,
  PRIMARY KEY (instance_id, seq)
);

INSERT INTO history_steps (instance_id, seq, created_at, events)
  SELECT instance_id, seq, created_at, '[' || event || ']' FROM history;

DROP TABLE history;
