package io.swirl.engine.store.postgres;

import io.swirl.engine.store.DefinitionRecord;
import io.swirl.engine.store.Store.DeleteResult;
import io.swirl.engine.store.Store.SaveResult;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code definitions} table (schema version 2). */
final class PgDefinitions {

  private static final String COLUMNS =
      "namespace, name, version, definition_hash, source, media_type, created_at";

  private PgDefinitions() {}

  /** Insert-if-absent in one statement, so two processes registering at once cannot clash. */
  static SaveResult save(PgClient client, DefinitionRecord d) {
    RowSet<Row> inserted =
        client.query(
            "save definition",
            "INSERT INTO definitions ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7)"
                + " ON CONFLICT (namespace, name, version) DO NOTHING",
            Tuple.from(
                new Object[] {
                  d.namespace(),
                  d.name(),
                  d.version(),
                  d.definitionHash(),
                  d.source(),
                  d.mediaType(),
                  d.createdAt().toEpochMilli()
                }));
    if (inserted.rowCount() > 0) {
      return SaveResult.CREATED;
    }
    return get(client, d.namespace(), d.name(), d.version())
        .map(
            existing ->
                existing.definitionHash().equals(d.definitionHash())
                    ? SaveResult.IDENTICAL
                    : SaveResult.CONFLICT)
        // Deleted between the two statements: register it again.
        .orElseGet(() -> save(client, d));
  }

  static Optional<DefinitionRecord> get(
      PgClient client, String namespace, String name, String version) {
    return first(
        client.query(
            "get definition",
            "SELECT "
                + COLUMNS
                + " FROM definitions WHERE namespace = $1 AND name = $2 AND version = $3",
            Tuple.of(namespace, name, version)));
  }

  static Optional<DefinitionRecord> byHash(PgClient client, String hash) {
    return first(
        client.query(
            "get definition",
            "SELECT " + COLUMNS + " FROM definitions WHERE definition_hash = $1 LIMIT 1",
            Tuple.of(hash)));
  }

  static List<DefinitionRecord> list(PgClient client) {
    List<DefinitionRecord> all = new ArrayList<>();
    for (Row row :
        client.query(
            "list definitions",
            "SELECT " + COLUMNS + " FROM definitions ORDER BY namespace, name, created_at",
            Tuple.tuple())) {
      all.add(row(row));
    }
    return all;
  }

  /** The row is locked while the in-use check runs, so a concurrent delete cannot interleave. */
  static DeleteResult delete(PgClient client, String namespace, String name, String version) {
    try (PgClient.Session tx = client.begin("delete definition")) {
      RowSet<Row> found =
          tx.run(
              "SELECT definition_hash FROM definitions"
                  + " WHERE namespace = $1 AND name = $2 AND version = $3 FOR UPDATE",
              Tuple.of(namespace, name, version));
      if (found.size() == 0) {
        return DeleteResult.NOT_FOUND;
      }
      String hash = found.iterator().next().getString(0);
      RowSet<Row> inUse =
          tx.run(
              "SELECT 1 FROM instances WHERE definition_hash = $1"
                  + " AND status NOT IN ('COMPLETED', 'FAILED', 'TERMINATED') LIMIT 1",
              Tuple.of(hash));
      if (inUse.size() > 0) {
        return DeleteResult.IN_USE;
      }
      tx.commit(
          List.of(
              tx.send(
                  "DELETE FROM definitions WHERE namespace = $1 AND name = $2 AND version = $3",
                  Tuple.of(namespace, name, version))));
      return DeleteResult.DELETED;
    }
  }

  private static Optional<DefinitionRecord> first(RowSet<Row> rows) {
    for (Row row : rows) {
      return Optional.of(row(row));
    }
    return Optional.empty();
  }

  private static DefinitionRecord row(Row row) {
    return new DefinitionRecord(
        row.getString(0),
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        Instant.ofEpochMilli(row.getLong(6)));
  }
}
