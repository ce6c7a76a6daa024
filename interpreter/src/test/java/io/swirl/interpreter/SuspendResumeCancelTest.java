package io.swirl.interpreter;

import static io.swirl.interpreter.DataFlowTest.doc;
import static io.swirl.interpreter.support.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.interpreter.support.Harness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suspending, resuming and cancelling an instance publish the spec's lifecycle events. */
class SuspendResumeCancelTest {

  private static final String HOLD =
      doc(
          """
          do:
            - hold:
                listen:
                  to:
                    one:
                      with: { type: test.go }
            - after:
                set: { done: true }
          """);

  private static final String WF = "io.serverlessworkflow.workflow.";
  private static final String TASK = "io.serverlessworkflow.task.";

  @Test
  void suspend_then_resume_then_complete_publishes_each_transition_once_in_order() {
    try (Harness h = new Harness()) {
      String id = h.start(HOLD, null);
      until(() -> has(h, id, TASK + "started.v1"));
      h.engine.client().suspend(id, "maintenance");
      until(() -> has(h, id, WF + "suspended.v1") && suspended(h, id));
      h.engine.client().resume(id, "back");
      until(() -> has(h, id, WF + "resumed.v1"));
      go(h, id);
      assertThat(h.await(id).status()).isEqualTo(RuntimeStatus.COMPLETED);

      assertThat(types(h, id))
          .containsExactly(
              WF + "started.v1",
              TASK + "started.v1",
              WF + "suspended.v1",
              TASK + "suspended.v1",
              WF + "resumed.v1",
              TASK + "resumed.v1",
              TASK + "completed.v1",
              TASK + "started.v1",
              TASK + "completed.v1",
              WF + "completed.v1");
      JsonNode suspended = data(h, id, WF + "suspended.v1");
      assertThat(suspended.path("name").asText()).isEqualTo(id);
      assertThat(suspended.path("reason").asText()).isEqualTo("maintenance");
      assertThat(suspended.path("suspendedAt").asText()).isNotEmpty();
      assertThat(suspended.path("definition").path("name").asText()).isEqualTo("flow");
      JsonNode resumed = data(h, id, WF + "resumed.v1");
      assertThat(resumed.path("reason").asText()).isEqualTo("back");
      assertThat(resumed.path("resumedAt").asText()).isNotEmpty();
      JsonNode task = data(h, id, TASK + "suspended.v1");
      assertThat(task.path("task").asText()).isEqualTo("/do/0/hold");
      assertThat(task.path("workflow").asText()).isEqualTo(id);
      assertThat(task.path("suspendedAt").asText()).isNotEmpty();
      assertThat(data(h, id, WF + "completed.v1").path("output")).isEqualTo(json("done: true"));
    }
  }

  @Test
  void terminating_cancels_the_running_tasks_then_the_workflow() {
    try (Harness h = new Harness()) {
      String id = h.start(HOLD, null);
      until(() -> has(h, id, TASK + "started.v1"));
      h.engine.client().terminate(id, null, "no longer needed");
      InstanceState end = h.await(id);
      assertThat(end.status()).isEqualTo(RuntimeStatus.TERMINATED);
      assertThat(SlwfRuntime.phase(h.engine.client(), id)).isEqualTo(WorkflowPhase.CANCELLED);
      assertThat(types(h, id))
          .containsExactly(
              WF + "started.v1", TASK + "started.v1", TASK + "cancelled.v1", WF + "cancelled.v1");
      assertThat(data(h, id, TASK + "cancelled.v1").path("task").asText()).isEqualTo("/do/0/hold");
      JsonNode cancelled = data(h, id, WF + "cancelled.v1");
      assertThat(cancelled.path("reason").asText()).isEqualTo("no longer needed");
      assertThat(cancelled.path("cancelledAt").asText()).isNotEmpty();
    }
  }

  @Test
  void a_suspended_instance_can_be_cancelled() {
    try (Harness h = new Harness()) {
      String id = h.start(HOLD, null);
      until(() -> has(h, id, TASK + "started.v1"));
      h.engine.client().suspend(id, null);
      until(() -> has(h, id, WF + "suspended.v1") && suspended(h, id));
      h.engine.client().terminate(id, null, null);
      assertThat(h.await(id).status()).isEqualTo(RuntimeStatus.TERMINATED);
      assertThat(types(h, id)).endsWith(TASK + "cancelled.v1", WF + "cancelled.v1");
      assertThat(data(h, id, WF + "suspended.v1").has("reason")).isFalse();
    }
  }

  @Test
  void a_task_past_its_timeout_cancels_the_tasks_running_inside_it() {
    try (Harness h = new Harness()) {
      InstanceState s =
          h.run(
              doc(
                  """
                  do:
                    - outer:
                        timeout:
                          after: { milliseconds: 100 }
                        do:
                          - hold:
                              listen:
                                to:
                                  one:
                                    with: { type: test.go }
                  """),
              null);
      assertThat(s.status()).isEqualTo(RuntimeStatus.FAILED);
      assertThat(h.lifecycle)
          .filteredOn(e -> e.path("data").path("workflow").asText().equals(s.instanceId()))
          .extracting(e -> e.path("type").asText() + " " + e.path("data").path("task").asText())
          .containsExactly(
              WF + "started.v1 ",
              TASK + "started.v1 /do/0/outer",
              TASK + "started.v1 /do/0/outer/do/0/hold",
              TASK + "cancelled.v1 /do/0/outer/do/0/hold",
              TASK + "faulted.v1 /do/0/outer",
              WF + "faulted.v1 ");
    }
  }

  @Test
  void after_a_restart_replayed_transitions_are_not_published_again(@TempDir Path dir) {
    String store = "sqlite:" + dir.resolve("swirl.db");
    WorkflowPlan plan = Harness.compile(HOLD);
    String id;
    try (Harness first = new Harness(store, Map.of(), Set.of(), SecretsProvider.NONE, plan)) {
      id = first.slwf.start(first.engine.client(), plan, json(null), "suspend-1");
      until(() -> has(first, id, TASK + "started.v1"));
      first.engine.client().suspend(id, "before the restart");
      until(() -> has(first, id, WF + "suspended.v1") && suspended(first, id));
    }
    try (Harness second = new Harness(store, Map.of(), Set.of(), SecretsProvider.NONE, plan)) {
      second.engine.client().resume(id, "after the restart");
      until(() -> has(second, id, WF + "resumed.v1"));
      go(second, id);
      assertThat(second.await(id).status()).isEqualTo(RuntimeStatus.COMPLETED);
      assertThat(second.engine.stats().replayedEvents()).isPositive();
      assertThat(types(second, id))
          .containsExactly(
              WF + "resumed.v1",
              TASK + "resumed.v1",
              TASK + "completed.v1",
              TASK + "started.v1",
              TASK + "completed.v1",
              WF + "completed.v1");
    }
  }

  private static void go(Harness h, String id) {
    SlwfRuntime.deliver(
        h.engine.client(),
        id,
        json("{ specversion: '1.0', id: go-1, source: test, type: test.go, data: {} }"));
  }

  private static List<String> types(Harness h, String id) {
    return h.lifecycle.stream()
        .filter(e -> e.path("data").path("workflow").asText().equals(id))
        .map(e -> e.path("type").asText())
        .toList();
  }

  /** The step that suspended the instance is committed (events are published before that). */
  private static boolean suspended(Harness h, String id) {
    return h.engine.client().getInstance(id).orElseThrow().status() == RuntimeStatus.SUSPENDED;
  }

  private static boolean has(Harness h, String id, String type) {
    return types(h, id).contains(type);
  }

  private static JsonNode data(Harness h, String id, String type) {
    return h.lifecycle.stream()
        .filter(e -> e.path("data").path("workflow").asText().equals(id))
        .filter(e -> e.path("type").asText().equals(type))
        .findFirst()
        .orElseThrow()
        .path("data");
  }

  private static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Harness.WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached in " + Harness.WAIT);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
