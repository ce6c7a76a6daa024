package io.swirl.engine.crash;

import static io.swirl.engine.crash.CrashChecks.assertNoDuplicates;
import static io.swirl.engine.crash.CrashChecks.launch;
import static io.swirl.engine.crash.CrashChecks.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.Store;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash safety, end to end: a child JVM runs the engine and is SIGKILLed at random points while 200
 * instances of {@link CrashWorkflow} run; after the last restart every instance must have completed
 * exactly as if nothing had happened. It runs on a SQLite file and on PostgreSQL (where the killed
 * child's leases are not released by its successor but expire; the PostgreSQL run is skipped when
 * no server is reachable, see {@code PgTestDatabase}).
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

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void instances_survive_repeated_sigkill_and_complete_exactly_once(String kind) throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println(
        "CrashRecoveryIT[" + kind + "] seed=" + seed + " (rerun with -Dcrash.seed=" + seed + ")");
    Random random = new Random(seed);
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
    try (CrashDatabase db = CrashDatabase.of(kind, dir)) {
      for (long point : killPoints) {
        Process child = launch(db, log, "start", INSTANCES);
        long pid = child.pid();
        waitUntil(
            db::historyRows,
            rows -> rows >= point,
            PROGRESS_DEADLINE,
            log,
            "history >= " + point,
            child);
        Thread.sleep(random.nextInt(40));
        long rowsAtKill = db.historyRows();
        long doneAtKill = db.completed();
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
        System.out.println("CrashRecoveryIT[" + kind + "] " + entry);
        killLog.add(entry);
        assertThat(child.exitValue()).as("SIGKILL exit code").isEqualTo(137);
      }
      assertThat(db.completed())
          .as("kills landed while work was in flight: %s", killLog)
          .isLessThan(INSTANCES);

      Process last = launch(db, log, "start", INSTANCES);
      waitUntil(
          db::completed, done -> done >= INSTANCES, FINISH_DEADLINE, log, "all completed", last);
      last.destroy();
      assertThat(last.waitFor(20, TimeUnit.SECONDS)).as("last child stopped on SIGTERM").isTrue();
      System.out.println(
          "CrashRecoveryIT["
              + kind
              + "] last child exit "
              + last.exitValue()
              + "; history rows at the end "
              + db.historyRows()
              + "; t="
              + (System.nanoTime() - t0) / 1_000_000
              + "ms");

      try (Store store = Stores.open(StoreUrl.parse(db.storeUrl()))) {
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
      assertThat(db.count("SELECT COUNT(*) FROM instances")).isEqualTo(INSTANCES);
      assertThat(db.count("SELECT COUNT(*) FROM instances WHERE status <> 'COMPLETED'"))
          .as("instances not completed")
          .isZero();
      assertThat(db.count("SELECT COUNT(*) FROM inbox")).as("inbox rows left").isZero();
      assertThat(db.count("SELECT COUNT(*) FROM activity_queue"))
          .as("activity_queue rows left")
          .isZero();
    }
  }
}
