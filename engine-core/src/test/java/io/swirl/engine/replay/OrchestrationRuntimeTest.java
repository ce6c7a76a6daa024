package io.swirl.engine.replay;

import static io.swirl.engine.replay.RuntimeHarness.T0;
import static io.swirl.engine.replay.RuntimeHarness.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.RetryPolicy;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.TaskFailedException;
import io.swirl.engine.TaskOptions;
import io.swirl.engine.history.HistoryEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrchestrationRuntimeTest {

  private static RuntimeHarness chain() {
    return RuntimeHarness.code(
        ctx -> {
          int x = ctx.getInput(Integer.class);
          int a = ctx.callActivity("add1", x, Integer.class).await();
          int b = ctx.callActivity("double", a, Integer.class).await();
          return ctx.callActivity("add1", b, Integer.class).await();
        });
  }

  @Test
  void chained_code_orchestrator_schedules_one_task_per_step_and_completes() {
    try (RuntimeHarness h = chain()) {
      StepOutcome first = h.start(IntNode.valueOf(1));
      assertThat(first.commands())
          .containsExactly(new Command.ScheduleTask(0, "add1", IntNode.valueOf(1), "instance-1:0"));
      assertThat(first.status()).isEqualTo(RuntimeStatus.RUNNING);
      assertThat(h.step(done(0, 2)).commands())
          .containsExactly(
              new Command.ScheduleTask(1, "double", IntNode.valueOf(2), "instance-1:1"));
      h.step(done(1, 4));
      StepOutcome last = h.step(done(2, 5));
      assertThat(last.status()).isEqualTo(RuntimeStatus.COMPLETED);
      assertThat(last.output()).isEqualTo(IntNode.valueOf(5));
      assertThat(h.history.get(h.history.size() - 1))
          .isEqualTo(new HistoryEvent.ExecutionCompleted(IntNode.valueOf(5)));
    }
  }

  @Test
  void replay_from_history_matches_commands_and_continues_identically() {
    try (RuntimeHarness live = chain();
        RuntimeHarness replayed = chain()) {
      live.start(IntNode.valueOf(1));
      live.step(done(0, 2));
      replayed.history.addAll(live.history);
      replayed.restart();
      assertThat(replayed.runtime.historySize()).isEqualTo(live.history.size());
      assertThat(replayed.runtime.replayedEvents()).isEqualTo(live.history.size());
      StepOutcome fromLive = live.step(done(1, 4));
      StepOutcome fromReplay = replayed.step(done(1, 4));
      assertThat(fromReplay.commands()).isEqualTo(fromLive.commands());
      assertThat(fromReplay.commands())
          .containsExactly(new Command.ScheduleTask(2, "add1", IntNode.valueOf(4), "instance-1:2"));
    }
  }

  @Test
  void changed_code_fails_the_instance_with_a_non_determinism_error_naming_the_sequence() {
    try (RuntimeHarness old = chain();
        RuntimeHarness changed =
            RuntimeHarness.code(
                ctx ->
                    ctx.callActivity("subtract", ctx.getInput(Integer.class), Integer.class)
                        .await())) {
      old.start(IntNode.valueOf(1));
      changed.history.addAll(old.history);
      changed.restart();
      StepOutcome outcome = changed.step(done(0, 2));
      assertThat(outcome.status()).isEqualTo(RuntimeStatus.FAILED);
      assertThat(outcome.failure().type()).isEqualTo(FailureDetails.NON_DETERMINISM);
      assertThat(outcome.failure().message())
          .contains("sequence id 0")
          .contains("history holds TaskScheduled(add1)")
          .contains("ScheduleTask(subtract)");
    }
  }

  @Test
  void time_comes_from_history_not_the_clock() {
    try (RuntimeHarness h =
        RuntimeHarness.code(
            ctx -> {
              ctx.createTimer(Duration.ofMinutes(5)).await();
              return ctx.currentInstant().toString();
            })) {
      StepOutcome first = h.start(null);
      assertThat(first.commands())
          .containsExactly(new Command.CreateTimer(0, T0.plus(Duration.ofMinutes(5))));
      StepOutcome fired = h.step(new HistoryEvent.TimerFired(0, T0.plus(Duration.ofMinutes(5))));
      assertThat(fired.output()).isEqualTo(TextNode.valueOf(T0.plusSeconds(1).toString()));
    }
  }

  @Test
  void event_raised_before_the_wait_is_kept_and_delivered() {
    try (RuntimeHarness h =
        RuntimeHarness.code(
            ctx -> {
              ctx.createTimer(Duration.ofSeconds(1)).await();
              return ctx.waitForExternalEvent("approval", String.class).await();
            })) {
      h.start(null);
      h.step(new HistoryEvent.EventRaised("approval", TextNode.valueOf("yes")));
      StepOutcome outcome = h.step(new HistoryEvent.TimerFired(0, T0));
      assertThat(outcome.status()).isEqualTo(RuntimeStatus.COMPLETED);
      assertThat(outcome.output()).isEqualTo(TextNode.valueOf("yes"));
    }
  }

  @Test
  void external_event_wait_times_out_with_a_catchable_timeout_failure() {
    try (RuntimeHarness h =
        RuntimeHarness.code(
            ctx -> {
              try {
                return ctx.waitForExternalEvent("approval", Duration.ofHours(1)).await();
              } catch (TaskFailedException e) {
                return "escalated: " + e.failure().type();
              }
            })) {
      StepOutcome first = h.start(null);
      assertThat(first.commands()).hasSize(1).first().isInstanceOf(Command.CreateTimer.class);
      StepOutcome timeout = h.step(new HistoryEvent.TimerFired(0, T0.plusSeconds(3600)));
      assertThat(timeout.output()).isEqualTo(TextNode.valueOf("escalated: swirl.Timeout"));
    }
  }

  @Test
  void suspended_instance_holds_results_until_resumed() {
    try (RuntimeHarness h = chain()) {
      h.start(IntNode.valueOf(1));
      StepOutcome suspended = h.step(new HistoryEvent.ExecutionSuspended("pause"), done(0, 2));
      assertThat(suspended.status()).isEqualTo(RuntimeStatus.SUSPENDED);
      assertThat(suspended.commands()).isEmpty();
      StepOutcome resumed = h.step(new HistoryEvent.ExecutionResumed("go"));
      assertThat(resumed.status()).isEqualTo(RuntimeStatus.RUNNING);
      assertThat(resumed.commands())
          .extracting(c -> ((Command.ScheduleTask) c).name())
          .containsExactly("double");
      h.restart();
      assertThat(h.runtime.status()).isEqualTo(RuntimeStatus.RUNNING);
    }
  }

  @Test
  void retry_policy_waits_on_a_durable_timer_and_keeps_the_idempotency_key() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(10), 2.0, null);
    try (RuntimeHarness h =
        RuntimeHarness.code(
            ctx -> ctx.callActivity("flaky", "x", TaskOptions.retry(policy)).await())) {
      h.start(null);
      FailureDetails boom = FailureDetails.of("java.io.IOException", "boom");
      StepOutcome afterFailure = h.step(new HistoryEvent.TaskFailed(0, boom));
      assertThat(afterFailure.commands())
          .containsExactly(new Command.CreateTimer(1, T0.plusSeconds(1).plusSeconds(10)));
      StepOutcome retried = h.step(new HistoryEvent.TimerFired(1, T0));
      assertThat(retried.commands())
          .containsExactly(
              new Command.ScheduleTask(2, "flaky", TextNode.valueOf("x"), "instance-1:0"));
      StepOutcome second = h.step(new HistoryEvent.TaskFailed(2, boom));
      assertThat(second.commands())
          .containsExactly(new Command.CreateTimer(3, T0.plusSeconds(3).plusSeconds(20)));
      h.step(new HistoryEvent.TimerFired(3, T0));
      StepOutcome exhausted = h.step(new HistoryEvent.TaskFailed(4, boom));
      assertThat(exhausted.status()).isEqualTo(RuntimeStatus.FAILED);
      assertThat(exhausted.failure()).isEqualTo(boom);
    }
  }

  @Test
  void non_retriable_failure_is_not_retried() {
    RetryPolicy policy = RetryPolicy.fixed(5, Duration.ofSeconds(1));
    try (RuntimeHarness h =
        RuntimeHarness.code(
            ctx -> ctx.callActivity("strict", "x", TaskOptions.retry(policy)).await())) {
      h.start(null);
      FailureDetails terminal = new FailureDetails("bad.Input", "no", null, false);
      StepOutcome outcome = h.step(new HistoryEvent.TaskFailed(0, terminal));
      assertThat(outcome.status()).isEqualTo(RuntimeStatus.FAILED);
      assertThat(outcome.commands()).isEmpty();
    }
  }

  @Test
  void continue_as_new_restarts_with_the_new_input_and_carries_unread_events() {
    try (RuntimeHarness h =
        RuntimeHarness.code(
            ctx -> {
              int n = ctx.getInput(Integer.class);
              ctx.createTimer(Duration.ofSeconds(1)).await();
              ctx.continueAsNew(n + 1);
              return null;
            })) {
      h.start(IntNode.valueOf(1));
      StepOutcome outcome =
          h.step(
              new HistoryEvent.EventRaised("ping", TextNode.valueOf("p")),
              new HistoryEvent.TimerFired(0, T0));
      assertThat(outcome.continueAsNew()).isEqualTo(new Command.ContinueAsNew(IntNode.valueOf(2)));
      assertThat(outcome.newHistory())
          .containsExactly(new HistoryEvent.ContinuedAsNew(IntNode.valueOf(2)));
      assertThat(outcome.restart())
          .containsExactly(
              new HistoryEvent.ExecutionStarted("wf", null, null, IntNode.valueOf(2), null, null),
              new HistoryEvent.EventRaised("ping", TextNode.valueOf("p")));
    }
  }

  @Test
  void event_driven_orchestration_fans_out_and_in_without_threads() {
    try (RuntimeHarness h =
        new RuntimeHarness(
            ctx -> {
              var a = ctx.callActivity("work", 1, Integer.class);
              var b = ctx.callActivity("work", 2, Integer.class);
              return ctx.allOf(java.util.List.of(a, b))
                  .thenApply(all -> IntNode.valueOf(all.get(0) + all.get(1)));
            })) {
      assertThat(h.start(null).commands()).hasSize(2);
      h.step(done(1, 20));
      StepOutcome outcome = h.step(done(0, 10));
      assertThat(outcome.output()).isEqualTo(IntNode.valueOf(30));
    }
  }
}
