-- One history row per orchestration step instead of one per event: a step appends several
-- events (typically three), and each row is an insert with its B-tree and statement cost on
-- the single writer. `seq` is the sequence number of the step's first event; `events` is the
-- JSON array of the step's events, in order.
CREATE TABLE history_steps (
  instance_id TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  events      TEXT    NOT NULL,
  PRIMARY KEY (instance_id, seq)
) WITHOUT ROWID;

INSERT INTO history_steps (instance_id, seq, created_at, events)
  SELECT instance_id, seq, created_at, '[' || event || ']' FROM history;

DROP TABLE history;
