-- Swirl PostgreSQL schema, version 1: the SQLite schema's tables and meaning.
-- Times are epoch milliseconds (BIGINT), exactly as the engine passes them; JSON is TEXT: it is
-- written far more often than it is queried, TEXT skips the jsonb parse on every write, and it
-- round-trips byte for byte. Ids use the "C" collation: byte order, as in SQLite.
-- The script runs as one simple-protocol query inside the migration's transaction.

CREATE TABLE instances (
  id                 TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  name               TEXT COLLATE "C" NOT NULL,
  version            TEXT,
  definition_hash    TEXT,
  status             TEXT    NOT NULL,
  input              TEXT,
  output             TEXT,
  failure            TEXT,
  custom_status      TEXT,
  created_at         BIGINT  NOT NULL,
  updated_at         BIGINT  NOT NULL,
  completed_at       BIGINT,
  parent_instance_id TEXT,
  history_size       INTEGER NOT NULL DEFAULT 0,
  lock_owner         TEXT,
  lock_expires       BIGINT,
  lock_token         BIGINT  NOT NULL DEFAULT 0
) WITH (fillfactor = 70);
-- fillfactor: every step updates its row (lease, release, counters) without touching an indexed
-- column except at start and end, so with room on the page the update is HOT (no index writes).

CREATE INDEX instances_newest_first ON instances (created_at DESC, id DESC);
CREATE INDEX instances_by_status ON instances (status, created_at DESC, id DESC);
CREATE INDEX instances_by_name ON instances (name, created_at DESC, id DESC);

CREATE TABLE history (
  instance_id TEXT COLLATE "C" NOT NULL,
  seq         INTEGER NOT NULL,
  created_at  BIGINT  NOT NULL,
  event       TEXT    NOT NULL,
  PRIMARY KEY (instance_id, seq)
);

-- The foreign key makes a message for a vanished instance impossible (an insert racing a purge
-- fails instead of leaving an orphan), so leasing never has to clean orphans up.
CREATE TABLE inbox (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instance_id TEXT COLLATE "C" NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
  visible_at  BIGINT  NOT NULL,
  event       TEXT    NOT NULL
);

CREATE INDEX inbox_by_visible_at ON inbox (visible_at, id);
CREATE INDEX inbox_by_instance ON inbox (instance_id, visible_at);

CREATE TABLE activity_queue (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instance_id     TEXT COLLATE "C" NOT NULL,
  task_id         INTEGER NOT NULL,
  name            TEXT    NOT NULL,
  input           TEXT,
  idempotency_key TEXT,
  visible_at      BIGINT  NOT NULL,
  lock_owner      TEXT,
  lock_expires    BIGINT,
  delivery_count  INTEGER NOT NULL DEFAULT 0
) WITH (fillfactor = 80);

CREATE INDEX activity_queue_by_visible_at ON activity_queue (visible_at, id);
CREATE INDEX activity_queue_by_instance ON activity_queue (instance_id);
