-- An instance's input moves out of the instances row: that row is rewritten on every
-- lease and step, and SQLite rewrites a whole row (overflow pages of a large input
-- included) on any update. The old column stays, always NULL from now on.
CREATE TABLE instance_inputs (
  id    TEXT NOT NULL PRIMARY KEY,
  input TEXT
) WITHOUT ROWID;

INSERT INTO instance_inputs (id, input) SELECT id, input FROM instances;

UPDATE instances SET input = NULL;
