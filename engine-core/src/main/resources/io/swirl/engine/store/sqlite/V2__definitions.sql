-- Registered workflow definitions, kept as their source.
CREATE TABLE definitions (
  namespace       TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  version         TEXT    NOT NULL,
  definition_hash TEXT    NOT NULL,
  source          TEXT    NOT NULL,
  media_type      TEXT,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (namespace, name, version)
) WITHOUT ROWID;

CREATE INDEX definitions_by_hash ON definitions (definition_hash);

-- Deleting a definition asks whether an unfinished instance pinned it.
CREATE INDEX instances_by_definition ON instances (definition_hash, status)
  WHERE definition_hash IS NOT NULL;
