package io.swirl.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.engine.Engine;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.HistoryRecord;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine closed and reopened on the same file picks a waiting instance up from its history. */
class EngineRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private Engine open(Path db) {
    Engine engine = Engine.builder(Stores.open(StoreUrl.parse("sqlite:" + db))).build();
    engine.registerActivity("greet", ctx -> "Hello, " + ctx.getInput(String.class));
    engine.registerOrchestrator(
        "approval",
        ctx -> {
          String greeting =
              ctx.callActivity("greet", ctx.getInput(String.class), String.class).await();
          String verdict = ctx.waitForExternalEvent("approve", String.class).await();
          return greeting + " / " + verdict;
        });
    return engine.start();
  }

  @Test
  void reopened_engine_rebuilds_a_waiting_instance_from_history_and_completes_it() {
    Path db = dir.resolve("restart.db");
    String id;
    try (Engine first = open(db)) {
      id = first.client().scheduleNew("approval", "Ada");
      awaitWaitingForEvent(first, id);
    }

    try (Engine second = open(db)) {
      assertThat(second.client().getInstance(id).orElseThrow().status())
          .isEqualTo(RuntimeStatus.RUNNING);
      second.client().raiseEvent(id, "approve", "approved");
      InstanceState state = second.client().waitForCompletion(id, WAIT).orElseThrow();

      assertThat(state.status()).as("%s", state).isEqualTo(RuntimeStatus.COMPLETED);
      assertThat(state.output()).isEqualTo(TextNode.valueOf("Hello, Ada / approved"));
      assertThat(second.stats().replayedEvents())
          .as("the new engine rebuilt the instance from its stored history")
          .isPositive();
      assertThat(second.client().getHistory(id))
          .extracting(HistoryRecord::event)
          .filteredOn(e -> e instanceof HistoryEvent.TaskScheduled)
          .as("the activity done before the restart is not scheduled again")
          .hasSize(1);
    }
  }

  /** Polls until the activity's result is in history, so the instance now waits for the event. */
  private static void awaitWaitingForEvent(Engine engine, String id) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean answered =
          engine.client().getHistory(id).stream()
              .anyMatch(r -> r.event() instanceof HistoryEvent.TaskCompleted);
      if (answered && engine.client().getInstance(id).orElseThrow().historySize() > 0) {
        return;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(id + " did not reach its event wait within " + WAIT);
  }
}
