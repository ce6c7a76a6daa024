-- Swirl SQLite schema, version 1. Times are epoch milliseconds; JSON is stored as TEXT.
-- Statements are separated by semicolons at the end of a line (see Migrations).

CREATE TABLE instances (
  id                 TEXT    NOT NULL PRIMARY KEY,
  name               TEXT    NOT NULL,
  version            TEXT,
  definition_hash    TEXT,
  status             TEXT    NOT NULL,
  input              TEXT,
  output             TEXT,
  failure            TEXT,
  custom_status      TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  completed_at       INTEGER,
  parent_instance_id TEXT,
  history_size       INTEGER NOT NULL DEFAULT 0,
  lock_owner         TEXT,
  lock_expires       INTEGER,
  lock_token         INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX instances_newest_first ON instances (created_at DESC, id DESC);
CREATE INDEX instances_by_status ON instances (status, created_at DESC, id DESC);
CREATE INDEX instances_by_name ON instances (name, created_at DESC, id DESC);
CREATE INDEX instances_leased ON instances (lock_owner) WHERE lock_owner IS NOT NULL;

CREATE TABLE history (
  instance_id TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  event       TEXT    NOT NULL,
  PRIMARY KEY (instance_id, seq)
) WITHOUT ROWID;

CREATE TABLE inbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_id TEXT    NOT NULL,
  visible_at  INTEGER NOT NULL,
  event       TEXT    NOT NULL
);

CREATE INDEX inbox_by_visible_at ON inbox (visible_at);
CREATE INDEX inbox_by_instance ON inbox (instance_id, id);

CREATE TABLE activity_queue (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_id     TEXT    NOT NULL,
  task_id         INTEGER NOT NULL,
  name            TEXT    NOT NULL,
  input           TEXT,
  idempotency_key TEXT,
  visible_at      INTEGER NOT NULL,
  lock_owner      TEXT,
  lock_expires    INTEGER,
  delivery_count  INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX activity_queue_by_visible_at ON activity_queue (visible_at, id);
CREATE INDEX activity_queue_by_instance ON activity_queue (instance_id);
CREATE INDEX activity_queue_leased ON activity_queue (lock_owner) WHERE lock_owner IS NOT NULL;
