package io.swirl.engine.replay;

import static io.swirl.engine.replay.RuntimeHarness.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.engine.ExecutionListener;
import io.swirl.engine.Orchestration;
import io.swirl.engine.OrchestrationContext;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.TaskOptions;
import io.swirl.engine.history.HistoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suspend/resume/terminate callbacks: once per transition, in history order, on replay too. */
class ExecutionListenerTest {

  private final List<String> heard = new ArrayList<>();

  /** Calls one activity, then waits for an event that never comes; records what it hears. */
  private Orchestration listening() {
    return ctx -> {
      ctx.setExecutionListener(
          new ExecutionListener() {
            @Override
            public void onSuspended(String reason) {
              record(ctx, "suspended", reason);
            }

            @Override
            public void onResumed(String reason) {
              record(ctx, "resumed", reason);
            }

            @Override
            public void onTerminated(String reason) {
              record(ctx, "terminated", reason);
            }
          });
      return ctx.callActivity("work", 1, TaskOptions.NONE)
          .thenCompose(
              result -> {
                record(ctx, "result", result.asText());
                return ctx.waitForExternalEvent("never", (Duration) null);
              });
    };
  }

  private void record(OrchestrationContext ctx, String what, String detail) {
    heard.add(what + ":" + detail + (ctx.isReplaying() ? " (replay)" : ""));
  }

  @Test
  void callbacks_fire_once_per_transition_in_history_order_and_replay_says_so() {
    try (RuntimeHarness h = new RuntimeHarness(listening())) {
      h.start(null);
      assertThat(h.step(new HistoryEvent.ExecutionSuspended("pause"), done(0, "r")).status())
          .isEqualTo(RuntimeStatus.SUSPENDED);
      h.step(new HistoryEvent.ExecutionSuspended("again"));
      h.step(new HistoryEvent.ExecutionResumed("go"));
      h.step(new HistoryEvent.ExecutionResumed("not suspended"));
      assertThat(heard).containsExactly("suspended:pause", "resumed:go", "result:r");

      heard.clear();
      h.restart();
      assertThat(heard)
          .containsExactly("suspended:pause (replay)", "resumed:go (replay)", "result:r (replay)");

      heard.clear();
      StepOutcome end = h.step(new HistoryEvent.ExecutionTerminated(TextNode.valueOf("x"), "stop"));
      assertThat(end.status()).isEqualTo(RuntimeStatus.TERMINATED);
      h.step(new HistoryEvent.ExecutionTerminated(null, "twice"));
      h.step(new HistoryEvent.ExecutionSuspended("after the end"));
      assertThat(heard).containsExactly("terminated:stop");
    }
  }

  @Test
  void nothing_scheduled_from_on_terminated_is_recorded() {
    Orchestration orchestration =
        ctx -> {
          ctx.setExecutionListener(
              new ExecutionListener() {
                @Override
                public void onTerminated(String reason) {
                  ctx.callActivity("cleanup", null, TaskOptions.NONE);
                }
              });
          return ctx.waitForExternalEvent("never", (Duration) null);
        };
    try (RuntimeHarness h = new RuntimeHarness(orchestration)) {
      h.start(null);
      StepOutcome end = h.step(new HistoryEvent.ExecutionTerminated(null, "stop"));
      assertThat(end.commands()).isEmpty();
      assertThat(end.newHistory())
          .noneMatch(e -> e instanceof HistoryEvent.TaskScheduled)
          .last()
          .isInstanceOf(HistoryEvent.ExecutionTerminated.class);
    }
  }

  @Test
  void a_listener_that_throws_does_not_stop_the_instance() {
    Orchestration orchestration =
        ctx -> {
          ctx.setExecutionListener(
              new ExecutionListener() {
                @Override
                public void onSuspended(String reason) {
                  throw new IllegalStateException("boom");
                }
              });
          return ctx.callActivity("work", 1, TaskOptions.NONE);
        };
    try (RuntimeHarness h = new RuntimeHarness(orchestration)) {
      h.start(null);
      h.step(new HistoryEvent.ExecutionSuspended("pause"));
      h.step(new HistoryEvent.ExecutionResumed("go"));
      assertThat(h.step(done(0, "ok")).status()).isEqualTo(RuntimeStatus.COMPLETED);
    }
  }
}
