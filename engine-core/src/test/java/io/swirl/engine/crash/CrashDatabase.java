package io.swirl.engine.crash;

import io.swirl.engine.store.postgres.PgTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store a crash test's child processes share, seen from the test: the URL the children open,
 * the JVM options they need, and a read-only view of its tables that works while they run.
 */
interface CrashDatabase extends AutoCloseable {

  /** The store URL handed to {@link CrashChild}. */
  String storeUrl();

  /** Extra JVM options for the children (short leases on a shared store). */
  List<String> childOptions();

  /** The single number {@code sql} selects; throws while the schema does not exist yet. */
  long count(String sql) throws Exception;

  /** History events (both stores keep one row per step, its events as a JSON array). */
  default long historyRows() throws Exception {
    return count("SELECT COALESCE(SUM(json_array_length(events::json)), 0) FROM history_steps");
  }

  default long completed() throws Exception {
    return count("SELECT COUNT(*) FROM instances WHERE status = 'COMPLETED'");
  }

  @Override
  void close();

  /** Opens a database of the kind {@code kind} ("sqlite" or "postgresql") names. */
  static CrashDatabase of(String kind, Path dir) {
    return switch (kind) {
      case "sqlite" -> new Sqlite(dir.resolve("crash.db"));
      case "postgresql" -> new Postgres(PgTestDatabase.create());
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /**
   * A SQLite file, read over plain JDBC in read-only mode: the child holds the store's process
   * lock, so the test cannot open it as a store while a child lives.
   */
  final class Sqlite implements CrashDatabase {
    private final Path db;
    private Connection connection;

    Sqlite(Path db) {
      this.db = db;
    }

    @Override
    public String storeUrl() {
      return "sqlite:" + db;
    }

    @Override
    public List<String> childOptions() {
      return List.of();
    }

    /** History events: the SQLite store keeps one row per step, the events as a JSON array. */
    @Override
    public long historyRows() throws SQLException {
      return count("SELECT COALESCE(SUM(json_array_length(events)), 0) FROM history_steps");
    }

    @Override
    public long count(String sql) throws SQLException {
      if (connection == null) {
        if (!Files.exists(db)) {
          throw new SQLException("no database yet");
        }
        connection = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
      }
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        close();
        throw e;
      }
    }

    @Override
    public void close() {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // read-only; nothing to lose
        }
        connection = null;
      }
    }
  }

  /**
   * A fresh PostgreSQL database, dropped on close. Its children use 2 s leases: a killed child's
   * leases are not released by anyone, they expire, and a survivor or successor takes over.
   */
  final class Postgres implements CrashDatabase {
    private final PgTestDatabase database;

    Postgres(PgTestDatabase database) {
      this.database = database;
    }

    @Override
    public String storeUrl() {
      return database.urlText();
    }

    @Override
    public List<String> childOptions() {
      return List.of("-Dcrash.orchestrationLeaseMs=2000", "-Dcrash.activityLeaseMs=2000");
    }

    @Override
    public long count(String sql) {
      return database.count(sql);
    }

    @Override
    public void close() {
      database.close();
    }
  }
}
