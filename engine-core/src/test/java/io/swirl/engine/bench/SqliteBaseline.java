package io.swirl.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The floor under the engine's numbers: what one small write transaction costs on this disk with
 * the store's settings (WAL, synchronous=NORMAL), and what a full fsync per commit would cost.
 */
final class SqliteBaseline {

  private SqliteBaseline() {}

  /** Runs the baseline alone in directory {@code args[0]} (e.g. a tmpfs, to take the disk out). */
  public static void main(String[] args) throws SQLException, IOException {
    run(Path.of(args[0]).resolve("baseline.db"), 3000);
  }

  static void run(Path file, int commits) throws SQLException, IOException {
    for (SQLiteConfig.SynchronousMode mode :
        new SQLiteConfig.SynchronousMode[] {
          SQLiteConfig.SynchronousMode.NORMAL, SQLiteConfig.SynchronousMode.FULL
        }) {
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(mode);
      try (Connection c = config.createConnection("jdbc:sqlite:" + file);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
          long[] each = new long[commits];
          long start = System.nanoTime();
          for (int i = 0; i < commits; i++) {
            long t0 = System.nanoTime();
            s.execute("BEGIN IMMEDIATE");
            insert.setString(1, "{\"type\":\"TaskCompleted\",\"taskId\":" + i + "}");
            insert.executeUpdate();
            s.execute("COMMIT");
            each[i] = System.nanoTime() - t0;
          }
          double micros = (System.nanoTime() - start) / 1e3 / commits;
          java.util.Arrays.sort(each);
          System.out.printf(
              "RESULT sqlite baseline synchronous=%s: %.1f µs per one-row write transaction "
                  + "(%.0f commits/s); p50 %.0f µs, p99 %.0f µs, max %.0f µs%n",
              mode,
              micros,
              1e6 / micros,
              each[commits / 2] / 1e3,
              each[commits * 99 / 100] / 1e3,
              each[commits - 1] / 1e3);
        }
      }
    }
  }
}
