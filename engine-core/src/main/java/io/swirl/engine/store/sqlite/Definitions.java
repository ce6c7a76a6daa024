package io.swirl.engine.store.sqlite;

import io.swirl.engine.store.DefinitionRecord;
import io.swirl.engine.store.Store.DeleteResult;
import io.swirl.engine.store.Store.SaveResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code definitions} table. */
final class Definitions {

  private static final String COLUMNS =
      "namespace, name, version, definition_hash, source, media_type, created_at";

  private Definitions() {}

  /** Call inside a write transaction. */
  static SaveResult save(SqliteConnection db, DefinitionRecord d) throws SQLException {
    Optional<DefinitionRecord> existing = get(db, d.namespace(), d.name(), d.version());
    if (existing.isPresent()) {
      return existing.get().definitionHash().equals(d.definitionHash())
          ? SaveResult.IDENTICAL
          : SaveResult.CONFLICT;
    }
    PreparedStatement insert =
        db.prepare("INSERT INTO definitions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.setString(1, d.namespace());
    insert.setString(2, d.name());
    insert.setString(3, d.version());
    insert.setString(4, d.definitionHash());
    insert.setString(5, d.source());
    insert.setString(6, d.mediaType());
    insert.setLong(7, d.createdAt().toEpochMilli());
    insert.executeUpdate();
    return SaveResult.CREATED;
  }

  static Optional<DefinitionRecord> get(
      SqliteConnection db, String namespace, String name, String version) throws SQLException {
    PreparedStatement ps =
        db.prepare(
            "SELECT "
                + COLUMNS
                + " FROM definitions WHERE namespace = ? AND name = ? AND version = ?");
    ps.setString(1, namespace);
    ps.setString(2, name);
    ps.setString(3, version);
    return first(ps);
  }

  static Optional<DefinitionRecord> byHash(SqliteConnection db, String hash) throws SQLException {
    PreparedStatement ps =
        db.prepare("SELECT " + COLUMNS + " FROM definitions WHERE definition_hash = ? LIMIT 1");
    ps.setString(1, hash);
    return first(ps);
  }

  static List<DefinitionRecord> list(SqliteConnection db) throws SQLException {
    PreparedStatement ps =
        db.prepare("SELECT " + COLUMNS + " FROM definitions ORDER BY namespace, name, created_at");
    List<DefinitionRecord> all = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.add(row(rs));
      }
    }
    return all;
  }

  /** Call inside a write transaction. */
  static DeleteResult delete(SqliteConnection db, String namespace, String name, String version)
      throws SQLException {
    Optional<DefinitionRecord> existing = get(db, namespace, name, version);
    if (existing.isEmpty()) {
      return DeleteResult.NOT_FOUND;
    }
    PreparedStatement inUse =
        db.prepare(
            "SELECT 1 FROM instances WHERE definition_hash = ?"
                + " AND status NOT IN ('COMPLETED', 'FAILED', 'TERMINATED') LIMIT 1");
    inUse.setString(1, existing.get().definitionHash());
    try (ResultSet rs = inUse.executeQuery()) {
      if (rs.next()) {
        return DeleteResult.IN_USE;
      }
    }
    PreparedStatement delete =
        db.prepare("DELETE FROM definitions WHERE namespace = ? AND name = ? AND version = ?");
    delete.setString(1, namespace);
    delete.setString(2, name);
    delete.setString(3, version);
    delete.executeUpdate();
    return DeleteResult.DELETED;
  }

  private static Optional<DefinitionRecord> first(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(row(rs)) : Optional.empty();
    }
  }

  private static DefinitionRecord row(ResultSet rs) throws SQLException {
    return new DefinitionRecord(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        Instant.ofEpochMilli(rs.getLong(7)));
  }
}
