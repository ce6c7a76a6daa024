package io.swirl.engine.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database to the current schema. Migration {@code N} is the class-path resource {@code
 * VN__*.sql} next to this class, listed in {@link #SCRIPTS} in order; the versions applied are
 * recorded in {@code schema_version}. Each migration runs in its own transaction.
 */
final class Migrations {

  /** The migration scripts; version N is element N-1. Append only, never edit. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__init.sql",
          "V2__definitions.sql",
          "V3__instance_inputs.sql",
          "V4__events.sql",
          "V5__history_steps.sql");

  private Migrations() {}

  /** The schema version this build writes. */
  static int latest() {
    return SCRIPTS.size();
  }

  /**
   * Applies the migrations the database lacks.
   *
   * @return the versions applied now (empty when the database was up to date)
   * @throws IllegalStateException when the database was written by a newer Swirl
   */
  static List<Integer> apply(SqliteConnection db, String display) {
    int current =
        db.write(
            "reading the schema version",
            () -> {
              db.prepare(
                      "CREATE TABLE IF NOT EXISTS schema_version ("
                          + "version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)")
                  .execute();
              try (ResultSet rs =
                  db.prepareOnce("SELECT COALESCE(MAX(version), 0) FROM schema_version")
                      .executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
              }
            });
    if (current > latest()) {
      throw new IllegalStateException(
          "store "
              + display
              + " has schema version "
              + current
              + " but this Swirl knows versions up to "
              + latest()
              + "; it was written by a newer Swirl, so run that version (or another store)");
    }
    List<Integer> applied = new ArrayList<>();
    for (int version = current + 1; version <= latest(); version++) {
      String script = load(SCRIPTS.get(version - 1));
      int v = version;
      db.write(
          "migrating to schema version " + version,
          () -> {
            for (String statement : statements(script)) {
              try (PreparedStatement ps = db.prepareOnce(statement)) {
                ps.execute();
              }
            }
            PreparedStatement record =
                db.prepareOnce("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)");
            try (record) {
              record.setInt(1, v);
              record.setLong(2, System.currentTimeMillis());
              record.executeUpdate();
            }
            return null;
          });
      applied.add(version);
    }
    return List.copyOf(applied);
  }

  /** Splits a script at semicolons that end a line, dropping {@code --} comment lines. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static String load(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("migration " + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + name, e);
    }
  }
}
