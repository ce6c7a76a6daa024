package io.swirl.engine.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The store's one JDBC connection, guarded by a lock, with its prepared statements cached.
 *
 * <p>One connection suffices because SQLite has a single writer anyway, and an in-memory database
 * exists only within its connection. Write transactions begin with {@code BEGIN IMMEDIATE} so that
 * the write lock is taken up front rather than upgraded mid-transaction.
 */
final class SqliteConnection implements AutoCloseable {

  /** Work against the connection; runs with the lock held. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private final Connection connection;
  private final String display;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean closed;
  private volatile boolean catchUpWanted;

  private SqliteConnection(Connection connection, String display) {
    this.connection = connection;
    this.display = display;
  }

  /** Opens {@code jdbcUrl} in WAL mode with {@code synchronous=NORMAL} and a busy timeout. */
  static SqliteConnection open(String jdbcUrl, String display) throws SQLException {
    return new SqliteConnection(config().createConnection(jdbcUrl), display);
  }

  /**
   * Runs {@code PRAGMA wal_checkpoint(mode)}: PASSIVE copies committed WAL pages into the database
   * file without blocking anyone; TRUNCATE also waits for the writer and rewinds the WAL.
   *
   * @return the number of frames in the WAL when it ran
   */
  int checkpoint(String mode) {
    return read(
        "checkpoint",
        () -> {
          try (var statement = connection.createStatement();
              var rs = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return rs.next() ? rs.getInt(2) : 0;
          }
        });
  }

  /**
   * Asks the writer to finish the next checkpoint itself, right after its next commit: between its
   * own transactions nothing can commit, so a passive checkpoint there copies every frame, and the
   * transaction after it rewinds the WAL.
   */
  void requestCatchUp() {
    catchUpWanted = true;
  }

  private void catchUp() throws SQLException {
    catchUpWanted = false;
    try (var statement = connection.createStatement();
        var rs = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      rs.next();
    }
  }

  /**
   * Opens the writer of a file database: like {@link #open}, but its commits never checkpoint (and
   * so never wait for an fsync); a {@link Checkpointer} does that on its own thread.
   */
  static SqliteConnection openWriter(String jdbcUrl, String display) throws SQLException {
    SQLiteConfig config = config();
    config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
    return new SqliteConnection(config.createConnection(jdbcUrl), display);
  }

  /** Opens a second connection to a file database for reads that need not wait for the writer. */
  static SqliteConnection openReader(String jdbcUrl, String display) throws SQLException {
    SQLiteConfig config = config();
    config.setReadOnly(true);
    return new SqliteConnection(config.createConnection(jdbcUrl), display);
  }

  private static SQLiteConfig config() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    // Otherwise the driver matches every statement against an INSERT pattern and, for each
    // insert, prepares and runs a fresh SELECT last_insert_rowid(): the store never reads
    // generated keys that way (it asks for the one id it needs).
    config.setGetGeneratedKeys(false);
    return config;
  }

  /**
   * The cached prepared statement for {@code sql}; only call it from inside {@link #read} or {@link
   * #write}. Parameters are overwritten by every use, so callers set all of them.
   */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** A statement that is not cached (dynamic SQL); the caller closes it. */
  PreparedStatement prepareOnce(String sql) throws SQLException {
    return connection.prepareStatement(sql);
  }

  /** Runs {@code work} in autocommit mode: each statement is its own transaction. */
  <T> T read(String what, Work<T> work) {
    lock.lock();
    try {
      ensureOpen();
      return work.run();
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction, rolled back if it throws. */
  <T> T write(String what, Work<T> work) {
    lock.lock();
    try {
      ensureOpen();
      prepare("BEGIN IMMEDIATE").execute();
      boolean committed = false;
      try {
        T result = work.run();
        prepare("COMMIT").execute();
        committed = true;
        if (catchUpWanted) {
          catchUp();
        }
        return result;
      } finally {
        if (!committed) {
          rollbackQuietly();
        }
      }
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  private void rollbackQuietly() {
    try {
      prepare("ROLLBACK").execute();
    } catch (SQLException ignored) {
      // SQLite may already have rolled back (e.g. after a full disk); the original failure is
      // the one worth reporting.
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("store " + display + " is closed");
    }
  }

  private IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        "store " + display + ": " + what + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (PreparedStatement statement : statements.values()) {
        try {
          statement.close();
        } catch (SQLException ignored) {
          // Closing anyway.
        }
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    } finally {
      lock.unlock();
    }
  }
}
