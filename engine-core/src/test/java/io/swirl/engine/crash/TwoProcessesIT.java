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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on one PostgreSQL database: two engine processes (child JVMs) share 500 instances of
 * {@link CrashWorkflow} (activities, timers and a fan-out); one is SIGKILLed midway. The survivor
 * takes the dead one's work over once its 2 s leases expire, and every instance completes with the
 * right output and no step applied twice. Skipped when no PostgreSQL is reachable (see {@code
 * PgTestDatabase}).
 */
class TwoProcessesIT {

  private static final int INSTANCES = 500;
  private static final Duration PROGRESS_DEADLINE = Duration.ofSeconds(30);
  private static final Duration FINISH_DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void two_processes_share_the_work_and_the_survivor_finishes_what_the_killed_one_held()
      throws Exception {
    Path log = dir.resolve("children.log");
    try (CrashDatabase db = CrashDatabase.of("postgresql", dir)) {
      Process victim = launch(db, log, "start", INSTANCES);
      Process survivor = launch(db, log, "start", INSTANCES);
      // Midway: a third of the work done, by both processes, with much in flight.
      waitUntil(
          db::historyRows,
          rows -> rows >= INSTANCES * 8L,
          PROGRESS_DEADLINE,
          log,
          "a third of the history",
          victim,
          survivor);
      long leasedByVictim =
          db.count(
              "SELECT COUNT(*) FROM instances WHERE lock_owner IS NOT NULL"
                  + " UNION ALL SELECT COUNT(*) FROM activity_queue WHERE lock_owner IS NOT NULL"
                  + " ORDER BY 1 DESC LIMIT 1");
      long doneAtKill = db.completed();
      victim.destroyForcibly();
      assertThat(victim.waitFor(10, TimeUnit.SECONDS)).as("victim died").isTrue();
      assertThat(victim.exitValue()).as("SIGKILL exit code").isEqualTo(137);
      System.out.printf(
          "TwoProcessesIT: killed pid %d with %d/%d completed (%d leases held at the time)%n",
          victim.pid(), doneAtKill, INSTANCES, leasedByVictim);
      assertThat(doneAtKill).as("killed while work was in flight").isLessThan(INSTANCES);

      waitUntil(
          db::completed,
          done -> done >= INSTANCES,
          FINISH_DEADLINE,
          log,
          "all completed",
          survivor);
      survivor.destroy();
      assertThat(survivor.waitFor(20, TimeUnit.SECONDS)).as("survivor stopped on SIGTERM").isTrue();

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
      assertThat(db.count("SELECT COUNT(*) FROM inbox")).as("inbox rows left").isZero();
      assertThat(db.count("SELECT COUNT(*) FROM activity_queue"))
          .as("activity_queue rows left")
          .isZero();
    }
  }
}
