package io.swirl.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.HistoryRecord;
import io.swirl.engine.store.Store;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, end to end: a child JVM runs the engine on a SQLite file and is SIGKILLed at random
 * points while 200 instances of {@link CrashWorkflow} run; after the last restart every instance
 * must have completed exactly as if nothing had happened.
 *
 * <p>Set {@code -Dcrash.seed=N} to replay a failing run: the seed picks the kill points.
 */
class CrashRecoveryIT {

  private static final int INSTANCES = 200;
  private static final int MIN_KILLS = 3;
  private static final Duration PROGRESS_DEADLINE = Duration.ofSeconds(20);
  private static final Duration FINISH_DEADLINE = Duration.ofSeconds(45);

  /**
   * How many history events one finished instance holds (25 today: scheduling, answer and step
   * marker per round trip, plus start and end); only used to place the kill points.
   */
  private static final int EVENTS_PER_INSTANCE = 25;

  @TempDir Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void instances_survive_repeated_sigkill_and_complete_exactly_once()
      throws IOException, InterruptedException, SQLException {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("CrashRecoveryIT seed=" + seed + " (rerun with -Dcrash.seed=" + seed + ")");
    Random random = new Random(seed);
    Path db = dir.resolve("crash.db");
    Path log = dir.resolve("child.log");

    // Kill points, as totals of history rows, spread over the part of the run where work is in
    // flight; a kill lands a few ms after its point so it can fall anywhere inside a step.
    int kills = MIN_KILLS + random.nextInt(2);
    long expectedEvents = (long) INSTANCES * EVENTS_PER_INSTANCE;
    List<Long> killPoints = new ArrayList<>();
    for (int i = 0; i < kills; i++) {
      killPoints.add((long) (expectedEvents * (0.03 + 0.8 * random.nextDouble())));
    }
    killPoints.sort(null);
    // The first kill may come before any history exists: during start-up or scheduling.
    if (random.nextBoolean()) {
      killPoints.set(0, 0L);
    }

    List<String> killLog = new ArrayList<>();
    long t0 = System.nanoTime();
    try (DbProbe probe = new DbProbe(db)) {
      for (long point : killPoints) {
        Process child = launch(db, log);
        long pid = child.pid();
        waitUntil(probe::historyRows, rows -> rows >= point, child, log, "history >= " + point);
        Thread.sleep(random.nextInt(40));
        long rowsAtKill = probe.historyRows();
        long doneAtKill = probe.completed();
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("child %d died", pid).isTrue();
        String entry =
            "killed pid "
                + pid
                + " (exit "
                + child.exitValue()
                + ") at history="
                + rowsAtKill
                + " completed="
                + doneAtKill
                + " t="
                + (System.nanoTime() - t0) / 1_000_000
                + "ms";
        System.out.println("CrashRecoveryIT " + entry);
        killLog.add(entry);
        assertThat(child.exitValue()).as("SIGKILL exit code").isEqualTo(137);
      }
      assertThat(probe.completed())
          .as("kills landed while work was in flight: %s", killLog)
          .isLessThan(INSTANCES);

      Process last = launch(db, log);
      waitUntil(probe::completed, done -> done >= INSTANCES, last, log, "all completed");
      last.destroy();
      assertThat(last.waitFor(20, TimeUnit.SECONDS)).as("last child stopped on SIGTERM").isTrue();
      System.out.println(
          "CrashRecoveryIT last child exit "
              + last.exitValue()
              + "; history rows at the end "
              + probe.historyRows()
              + "; t="
              + (System.nanoTime() - t0) / 1_000_000
              + "ms");
    }

    try (Store store = Stores.open(StoreUrl.parse("sqlite:" + db))) {
      for (int n = 0; n < INSTANCES; n++) {
        String id = CrashChild.ID_PREFIX + n;
        InstanceState state = store.getInstance(id).orElseThrow();
        assertThat(state.status()).as("%s status", id).isEqualTo(RuntimeStatus.COMPLETED);
        assertThat(state.output())
            .as("%s output", id)
            .isEqualTo(IntNode.valueOf(CrashWorkflow.expectedOutput(n)));
        assertNoDuplicates(id, store.getHistory(id));
      }
    }
    try (DbProbe probe = new DbProbe(db)) {
      assertThat(probe.count("SELECT COUNT(*) FROM instances")).isEqualTo(INSTANCES);
      assertThat(probe.count("SELECT COUNT(*) FROM instances WHERE status <> 'COMPLETED'"))
          .as("instances not completed")
          .isZero();
      assertThat(probe.count("SELECT COUNT(*) FROM inbox")).as("inbox rows left").isZero();
      assertThat(probe.count("SELECT COUNT(*) FROM activity_queue"))
          .as("activity_queue rows left")
          .isZero();
    }
  }

  /** At most one scheduling event and one answer per task id. */
  private static void assertNoDuplicates(String id, List<HistoryRecord> history) {
    Map<String, Integer> seen = new HashMap<>();
    for (HistoryRecord record : history) {
      HistoryEvent event = record.event();
      String key = null;
      if (event instanceof HistoryEvent.TaskScheduled e) {
        key = "TaskScheduled#" + e.taskId();
      } else if (event instanceof HistoryEvent.TimerCreated e) {
        key = "TimerCreated#" + e.taskId();
      } else if (event instanceof HistoryEvent.Completion e) {
        key = "Completion#" + e.taskId();
      } else if (event instanceof HistoryEvent.ExecutionStarted) {
        key = "ExecutionStarted";
      } else if (event instanceof HistoryEvent.ExecutionCompleted) {
        key = "ExecutionCompleted";
      }
      if (key != null) {
        seen.merge(key, 1, Integer::sum);
      }
    }
    seen.forEach(
        (key, count) ->
            assertThat(count)
                .as("%s: %s appears %d times in %s", id, key, count, history)
                .isEqualTo(1));
    assertThat(seen.keySet())
        .as("%s history shape", id)
        .contains("ExecutionStarted", "ExecutionCompleted", "TaskScheduled#0", "TimerCreated#1");
  }

  private static Process launch(Path db, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            CrashChild.class.getName(),
            db.toString(),
            "start",
            Integer.toString(INSTANCES));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return builder.start();
  }

  private interface Reading {
    long read() throws SQLException;
  }

  /** Polls {@code reading} until it satisfies {@code done}, failing if the child dies first. */
  private static void waitUntil(
      Reading reading, LongPredicate done, Process child, Path log, String what)
      throws InterruptedException, IOException {
    Duration limit = what.equals("all completed") ? FINISH_DEADLINE : PROGRESS_DEADLINE;
    long deadline = System.nanoTime() + limit.toNanos();
    long last = -1;
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError(
            "child exited with " + child.exitValue() + " waiting for " + what + "\n" + tail(log));
      }
      try {
        last = reading.read();
        if (done.test(last)) {
          return;
        }
      } catch (SQLException notYet) {
        // the child has not created the schema yet
      }
      Thread.sleep(2);
    }
    child.destroyForcibly();
    throw new AssertionError(
        "no " + what + " within " + limit + " (last reading " + last + ")\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no child output)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /**
   * A plain read-only JDBC view of the database: the child holds the store's process lock, so the
   * test cannot open it as a store while the child lives.
   */
  private static final class DbProbe implements AutoCloseable {
    private final Path db;
    private Connection connection;

    DbProbe(Path db) {
      this.db = db;
    }

    long historyRows() throws SQLException {
      return count("SELECT COUNT(*) FROM history");
    }

    long completed() throws SQLException {
      return count("SELECT COUNT(*) FROM instances WHERE status = 'COMPLETED'");
    }

    long count(String sql) throws SQLException {
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
}
