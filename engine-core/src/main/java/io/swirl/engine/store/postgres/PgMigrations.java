package io.swirl.engine.store.postgres;

import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database to the current schema. Migration {@code N} is the class-path resource {@code
 * VN__*.sql} next to this class, listed in {@link #SCRIPTS} in order; the versions applied are
 * recorded in {@code schema_version}. All of it runs in one transaction under a transaction-scoped
 * advisory lock, so processes starting together migrate once, one after the other, and a failed
 * migration leaves nothing behind (PostgreSQL DDL is transactional).
 */
final class PgMigrations {

  /** The migration scripts; version N is element N-1. Append only, never edit. */
  static final List<String> SCRIPTS =
      List.of("V1__init.sql", "V2__definitions.sql", "V3__events.sql", "V4__history_steps.sql");

  /** The advisory lock key: "SWIRL" in ASCII. */
  private static final long LOCK_KEY = 0x5357_4952_4CL;

  private PgMigrations() {}

  static int latest() {
    return SCRIPTS.size();
  }

  /**
   * Applies the migrations the database lacks.
   *
   * @return the versions applied now (empty when the database was up to date)
   * @throws IllegalStateException when the database was written by a newer Swirl
   */
  static List<Integer> apply(PgClient client) {
    try (PgClient.Session tx = client.begin("migrating the schema")) {
      tx.run("SELECT pg_advisory_xact_lock($1)", Tuple.of(LOCK_KEY));
      client.await(
          "creating schema_version",
          tx.send(
              "CREATE TABLE IF NOT EXISTS schema_version ("
                  + "version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)"));
      int current =
          tx.run("SELECT COALESCE(MAX(version), 0) FROM schema_version", Tuple.tuple())
              .iterator()
              .next()
              .getInteger(0);
      if (current > latest()) {
        throw new IllegalStateException(
            "store "
                + client.display()
                + " has schema version "
                + current
                + " but this Swirl knows versions up to "
                + latest()
                + "; it was written by a newer Swirl, so run that version (or another store)");
      }
      List<Integer> applied = new ArrayList<>();
      for (int version = current + 1; version <= latest(); version++) {
        client.await("migrating to schema version " + version, tx.send(load(version)));
        tx.run(
            "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
            Tuple.of(version, System.currentTimeMillis()));
        applied.add(version);
      }
      tx.commit(List.of());
      return List.copyOf(applied);
    }
  }

  private static String load(int version) {
    String name = SCRIPTS.get(version - 1);
    try (InputStream in = PgMigrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("migration " + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + name, e);
    }
  }
}
