package io.swirl.workflows.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.HistoryRecord;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What the code-workflow tests share: an engine on a real SQLite file, waits, history reading. */
final class Workflows {

  /** The longest any test waits for an instance; a healthy run takes milliseconds. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private Workflows() {}

  /** An engine (not yet started) on a fresh SQLite file in {@code dir}. */
  static Engine engineIn(Path dir) {
    return builderIn(dir).build();
  }

  /** A builder for an engine on a fresh SQLite file in {@code dir}. */
  static Engine.Builder builderIn(Path dir) {
    return Engine.builder(Stores.open(StoreUrl.parse("sqlite:" + dir.resolve("swirl.db"))));
  }

  /** Waits for the instance to end and returns its final state; fails the test if it did not. */
  static InstanceState awaitCompletion(EngineClient client, String id) {
    InstanceState state = client.waitForCompletion(id, WAIT).orElseThrow();
    assertThat(state.isTerminal()).as("instance %s ended in time: %s", id, state).isTrue();
    return state;
  }

  /**
   * Waits until {@code condition} holds, polling with a deadline; fails the test if it never does.
   */
  static void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s in time", what).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  static List<HistoryEvent> history(EngineClient client, String id) {
    return client.getHistory(id).stream().map(HistoryRecord::event).toList();
  }

  /** The names of the activities the instance scheduled, in order. */
  static List<String> scheduledActivities(EngineClient client, String id) {
    return history(client, id).stream()
        .filter(HistoryEvent.TaskScheduled.class::isInstance)
        .map(e -> ((HistoryEvent.TaskScheduled) e).name())
        .toList();
  }
}
