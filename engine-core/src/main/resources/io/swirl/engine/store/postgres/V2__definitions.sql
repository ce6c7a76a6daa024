-- Registered workflow definitions, kept as their source (the SQLite store's V2).
CREATE TABLE definitions (
  namespace       TEXT COLLATE "C" NOT NULL,
  name            TEXT COLLATE "C" NOT NULL,
  version         TEXT COLLATE "C" NOT NULL,
  definition_hash TEXT   NOT NULL,
  source          TEXT   NOT NULL,
  media_type      TEXT,
  created_at      BIGINT NOT NULL,
  PRIMARY KEY (namespace, name, version)
);

CREATE INDEX definitions_by_hash ON definitions (definition_hash);

-- Deleting a definition asks whether an unfinished instance pinned it.
CREATE INDEX instances_by_definition ON instances (definition_hash, status)
  WHERE definition_hash IS NOT NULL;
