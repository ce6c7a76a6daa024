package io.swirl.interpreter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.store.InstanceQuery;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import io.swirl.interpreter.SlwfRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** An engine on a SQLite file with the interpreter and schedules installed, for tests. */
final class Scheduler implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(20);

  final Engine engine;

  Scheduler(Path db, Clock clock, WorkflowPlan... plans) {
    engine =
        Engine.builder(Stores.open(StoreUrl.parse("sqlite:" + db)))
            .clock(clock)
            .maxPollInterval(Duration.ofMillis(20))
            .build();
    SlwfRuntime slwf = SlwfRuntime.builder().build().install(engine);
    Schedules.install(engine);
    for (WorkflowPlan plan : plans) {
      slwf.register(plan);
    }
    engine.start();
  }

  EngineClient client() {
    return engine.client();
  }

  /** The ids of instances of {@code target} (namespace/name), sorted. */
  List<String> runs(String target) {
    return client()
        .listInstances(new InstanceQuery(Set.of(), target, null, null, null, 1000, null))
        .items()
        .stream()
        .map(InstanceState::instanceId)
        .sorted()
        .toList();
  }

  /** The schedule instances (any definition). */
  List<InstanceState> schedules() {
    return client()
        .listInstances(
            new InstanceQuery(Set.of(), Schedules.ORCHESTRATION, null, null, null, 1000, null))
        .items();
  }

  /** Waits until the schedule waits for {@code slot}. */
  void awaitNext(String scheduleId, Instant slot) {
    await(
        "schedule " + scheduleId + " to wait for " + slot,
        () -> client().getInstance(scheduleId).map(InstanceState::customStatus).orElse(null),
        status -> status != null && slot.toString().equals(status.path("next").asText()));
  }

  /** Waits until these runs, and no others, exist, and all have ended. */
  void awaitRuns(String target, List<String> ids) {
    await("runs " + ids, () -> runs(target), ids::equals);
    for (String id : ids) {
      await(
          id + " to end", () -> client().getInstance(id).orElseThrow(), InstanceState::isTerminal);
    }
  }

  static <T> T await(String what, Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      assertThat(System.nanoTime() < deadline)
          .as("timed out waiting for %s; last: %s", what, last)
          .isTrue();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = read.get();
    }
    return last;
  }

  @Override
  public void close() {
    engine.close();
  }
}
