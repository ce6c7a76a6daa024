package io.swirl.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.interpreter.support.Harness;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An instance survives its engine going away mid-run and finishes exactly as history says. */
class CrashReplayTest {

  private static final String WORKFLOW =
      """
      document: { dsl: '1.0.0', namespace: test, name: crash, version: '1.0.0' }
      do:
        - announce:
            emit:
              event:
                with:
                  source: https://swirl.test
                  type: test.started
                  data: ${ . }
            export:
              as: '{ eventId: .id, startedAt: $workflow.startedAt.iso8601, t0: now }'
        - pause:
            wait: { seconds: 2 }
        - report:
            set:
              eventId: ${ $context.eventId }
              startedAt: ${ $context.startedAt }
              sameClockAsStart: ${ $context.t0 <= now }
              input: ${ $workflow.input }
      """;

  @Test
  void an_instance_closed_during_a_wait_resumes_after_restart_with_identical_output(
      @TempDir Path dir) throws Exception {
    String store = "sqlite:" + dir.resolve("swirl.db");
    WorkflowPlan plan = Harness.compile(WORKFLOW);
    String id;
    String eventId;
    try (Harness first = new Harness(store, Map.of(), Set.of(), SecretsProvider.NONE, plan)) {
      id = first.slwf.start(first.engine.client(), plan, Harness.json("n: 1"), "crash-1");
      awaitTimer(first, id);
      assertThat(first.emitted).hasSize(1);
      eventId = first.emitted.get(0).path("id").asText();
      assertThat(SlwfRuntime.phase(first.engine.client(), id)).isEqualTo(WorkflowPhase.WAITING);
    }
    JsonNode out;
    try (Harness second = new Harness(store, Map.of(), Set.of(), SecretsProvider.NONE, plan)) {
      InstanceState done = second.await(id);
      assertThat(done.status()).isEqualTo(RuntimeStatus.COMPLETED);
      out = done.output();
      assertThat(out.path("eventId").asText()).isEqualTo(eventId);
      assertThat(out.path("sameClockAsStart").asBoolean()).isTrue();
      assertThat(out.path("input")).isEqualTo(Harness.json("n: 1"));
      assertThat(out.path("startedAt").asText()).isNotEmpty();
      assertThat(second.emitted).as("the emit activity is not run again").isEmpty();
      assertThat(second.engine.stats().replayedEvents()).isPositive();
    }
    try (Harness third = new Harness(store, Map.of(), Set.of(), SecretsProvider.NONE, plan)) {
      assertThat(third.engine.client().getInstance(id).orElseThrow().output())
          .as("the completed output is durable")
          .isEqualTo(out);
    }
  }

  private static void awaitTimer(Harness h, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Harness.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean timer =
          h.engine.client().getHistory(id).stream()
              .anyMatch(r -> r.event() instanceof HistoryEvent.TimerCreated);
      if (timer) {
        return;
      }
      Thread.onSpinWait();
      Thread.sleep(10);
    }
    throw new AssertionError("the wait timer was never created");
  }
}
