package io.swirl.interpreter.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.interpreter.support.Harness;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules on a real engine and SQLite file. The engine runs on a {@link TestClock}, so slots come
 * exactly when a test moves the clock, and the ids are known in advance.
 */
class SchedulesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String TARGET = "test/tick";

  @TempDir Path dir;

  private static WorkflowPlan tick(String schedule, String task) {
    return Harness.compile(
        """
        document: { dsl: '1.0.0', namespace: test, name: tick, version: '1.0.0' }
        schedule:
          %s
        do:
          - %s
        """
            .formatted(schedule, task));
  }

  private static WorkflowPlan tick(String schedule) {
    return tick(schedule, "note: { set: { ok: true } }");
  }

  /** The id of the run a plan's schedule starts for {@code slot}. */
  private static String run(WorkflowPlan plan, String slot) {
    return "tick-"
        + ScheduleState.key(TARGET, plan.version(), plan.definitionHash()).substring(0, 12)
        + "-"
        + slot;
  }

  private Path db() {
    return dir.resolve("swirl.db");
  }

  @Test
  void every_starts_one_run_per_slot_with_ids_derived_from_the_slot() {
    TestClock clock = new TestClock(T0);
    WorkflowPlan plan = tick("every: { minutes: 1 }");
    try (Scheduler s = new Scheduler(db(), clock, plan)) {
      String id = Schedules.ensure(s.client(), plan).orElseThrow();
      assertThat(id)
          .isEqualTo(Schedules.scheduleId("test", "tick", "1.0.0", plan.definitionHash()));
      s.awaitNext(id, T0.plusSeconds(60));
      assertThat(s.runs(TARGET)).as("the first run comes one interval after the start").isEmpty();

      clock.advance(Duration.ofMinutes(1));
      s.awaitNext(id, T0.plusSeconds(120));
      clock.advance(Duration.ofMinutes(1));
      s.awaitNext(id, T0.plusSeconds(180));

      s.awaitRuns(TARGET, List.of(run(plan, "20260101T000100Z"), run(plan, "20260101T000200Z")));
      InstanceState first = s.client().getInstance(run(plan, "20260101T000100Z")).orElseThrow();
      assertThat(first.status()).isEqualTo(RuntimeStatus.COMPLETED);
      assertThat(first.definitionHash())
          .as("pinned like SlwfRuntime.start")
          .isEqualTo(plan.definitionHash());
      assertThat(first.version()).isEqualTo("1.0.0");
      assertThat(s.client().getInstance(id).orElseThrow().customStatus().path("started").asLong())
          .isEqualTo(2);
      assertThat(s.client().getInstance(id).orElseThrow().historySize())
          .as("continueAsNew keeps the schedule's history short")
          .isLessThan(10);
    }
  }

  @Test
  void cron_starts_runs_on_the_matching_minutes_in_utc() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:30Z"));
    WorkflowPlan plan = tick("cron: '*/2 * * * *'");
    try (Scheduler s = new Scheduler(db(), clock, plan)) {
      String id = Schedules.ensure(s.client(), plan).orElseThrow();
      s.awaitNext(id, Instant.parse("2026-01-01T00:02:00Z"));
      clock.set(Instant.parse("2026-01-01T00:02:00Z"));
      s.awaitNext(id, Instant.parse("2026-01-01T00:04:00Z"));
      clock.set(Instant.parse("2026-01-01T00:04:00Z"));
      s.awaitNext(id, Instant.parse("2026-01-01T00:06:00Z"));
      s.awaitRuns(TARGET, List.of(run(plan, "20260101T000200Z"), run(plan, "20260101T000400Z")));
    }
  }

  @Test
  void after_runs_at_once_then_again_after_each_run_has_ended() {
    TestClock clock = new TestClock(T0);
    WorkflowPlan plan = tick("after: { minutes: 1 }");
    try (Scheduler s = new Scheduler(db(), clock, plan)) {
      String id = Schedules.ensure(s.client(), plan).orElseThrow();
      s.awaitNext(id, T0.plusSeconds(60));
      s.awaitRuns(TARGET, List.of(run(plan, "20260101T000000Z")));

      clock.advance(Duration.ofMinutes(1));
      s.awaitNext(id, T0.plusSeconds(120));
      s.awaitRuns(TARGET, List.of(run(plan, "20260101T000000Z"), run(plan, "20260101T000100Z")));
      assertThat(s.client().getInstance(run(plan, "20260101T000100Z")).orElseThrow().status())
          .isEqualTo(RuntimeStatus.COMPLETED);
    }
  }

  @Test
  void after_goes_on_when_a_run_faults() {
    TestClock clock = new TestClock(T0);
    WorkflowPlan plan =
        tick(
            "after: { minutes: 1 }",
            "boom: { raise: { error: { type: 'https://swirl.test/boom', status: 500 } } }");
    try (Scheduler s = new Scheduler(db(), clock, plan)) {
      String id = Schedules.ensure(s.client(), plan).orElseThrow();
      s.awaitNext(id, T0.plusSeconds(60));
      clock.advance(Duration.ofMinutes(1));
      s.awaitNext(id, T0.plusSeconds(120));
      s.awaitRuns(TARGET, List.of(run(plan, "20260101T000000Z"), run(plan, "20260101T000100Z")));
      assertThat(s.client().getInstance(run(plan, "20260101T000100Z")).orElseThrow().status())
          .isEqualTo(RuntimeStatus.FAILED);
      assertThat(s.client().getInstance(id).orElseThrow().isTerminal()).isFalse();
    }
  }

  @Test
  void after_a_restart_missed_slots_start_one_run_and_the_schedule_resumes_after_now() {
    TestClock clock = new TestClock(T0);
    WorkflowPlan plan = tick("every: { minutes: 1 }");
    String id;
    try (Scheduler s = new Scheduler(db(), clock, plan)) {
      id = Schedules.ensure(s.client(), plan).orElseThrow();
      s.awaitNext(id, T0.plusSeconds(60));
      clock.advance(Duration.ofMinutes(1));
      s.awaitNext(id, T0.plusSeconds(120));
      s.awaitRuns(TARGET, List.of(run(plan, "20260101T000100Z")));
    }
    // Down for nine slots (00:02 to 00:10).
    clock.set(Instant.parse("2026-01-01T00:10:30Z"));
    try (Scheduler s = new Scheduler(db(), clock, plan)) {
      assertThat(Schedules.ensure(s.client(), plan)).as("the server ensures at start").contains(id);
      s.awaitNext(id, Instant.parse("2026-01-01T00:11:00Z"));
      s.awaitRuns(TARGET, List.of(run(plan, "20260101T000100Z"), run(plan, "20260101T000200Z")));

      clock.set(Instant.parse("2026-01-01T00:11:00Z"));
      s.awaitNext(id, Instant.parse("2026-01-01T00:12:00Z"));
      s.awaitRuns(
          TARGET,
          List.of(
              run(plan, "20260101T000100Z"),
              run(plan, "20260101T000200Z"),
              run(plan, "20260101T001100Z")));
      assertThat(s.schedules()).hasSize(1);
    }
  }

  @Test
  void ensure_is_idempotent_and_restarts_a_cancelled_schedule() {
    TestClock clock = new TestClock(T0);
    WorkflowPlan plan = tick("every: { minutes: 1 }");
    try (Scheduler s = new Scheduler(db(), clock, plan)) {
      String id = Schedules.ensure(s.client(), plan).orElseThrow();
      assertThat(Schedules.ensure(s.client(), plan)).contains(id);
      s.awaitNext(id, T0.plusSeconds(60));
      assertThat(Schedules.ensure(s.client(), plan)).contains(id);
      assertThat(s.schedules()).hasSize(1);
      assertThat(s.client().getHistory(id)).as("still the first round").hasSizeLessThan(6);

      assertThat(Schedules.cancel(s.client(), "test", "tick", "1.0.0", plan.definitionHash()))
          .isTrue();
      assertThat(s.client().getInstance(id)).as("terminated and purged").isEmpty();
      assertThat(Schedules.cancel(s.client(), "test", "tick", "1.0.0", plan.definitionHash()))
          .isFalse();

      // A schedule instance that ended (terminated by hand, say) is replaced by ensure.
      Schedules.ensure(s.client(), plan);
      s.awaitNext(id, T0.plusSeconds(60));
      s.client().terminate(id, null, "by hand");
      assertThat(s.client().waitForCompletion(id, Scheduler.WAIT).orElseThrow().isTerminal())
          .isTrue();
      assertThat(Schedules.ensure(s.client(), plan)).contains(id);
      s.awaitNext(id, T0.plusSeconds(60));
      clock.advance(Duration.ofMinutes(1));
      s.awaitRuns(TARGET, List.of(run(plan, "20260101T000100Z")));
    }
  }

  @Test
  void a_schedule_whose_workflow_cannot_be_run_here_ends_instead_of_failing_forever() {
    TestClock clock = new TestClock(T0);
    WorkflowPlan plan = tick("every: { minutes: 1 }");
    try (Scheduler s = new Scheduler(db(), clock)) { // the plan is not registered
      String id = Schedules.ensure(s.client(), plan).orElseThrow();
      s.awaitNext(id, T0.plusSeconds(60));
      clock.advance(Duration.ofMinutes(1));
      InstanceState ended = s.client().waitForCompletion(id, Scheduler.WAIT).orElseThrow();
      assertThat(ended.status()).isEqualTo(RuntimeStatus.COMPLETED);
      assertThat(ended.output().path("ended").asText()).contains("test/tick");
      assertThat(s.runs(TARGET)).isEmpty();
    }
  }

  @Test
  void every_second_on_the_real_clock_starts_runs_one_second_apart() {
    WorkflowPlan plan = tick("every: { seconds: 1 }");
    try (Scheduler s = new Scheduler(db(), Clock.systemUTC(), plan)) {
      String id = Schedules.ensure(s.client(), plan).orElseThrow();
      List<String> runs = Scheduler.await("two runs", () -> s.runs(TARGET), r -> r.size() >= 2);
      String prefix = run(plan, "");
      assertThat(runs).allMatch(r -> r.startsWith(prefix));
      // Slots are anchor + k seconds: the same milliseconds, consecutive seconds.
      String first = runs.get(0).substring(prefix.length());
      String second = runs.get(1).substring(prefix.length());
      assertThat(first.substring(15)).isEqualTo(second.substring(15));
      assertThat(Integer.parseInt(second.substring(13, 15)))
          .isEqualTo((Integer.parseInt(first.substring(13, 15)) + 1) % 60);
      assertThat(Schedules.cancel(s.client(), "test", "tick", "1.0.0", plan.definitionHash()))
          .isTrue();
      assertThat(s.client().getInstance(id)).isEmpty();
    }
  }

  @Test
  void a_definition_without_a_timed_schedule_gets_no_schedule_instance() {
    WorkflowPlan events = tick("on: { one: { with: { type: test.go } } }");
    WorkflowPlan none =
        Harness.compile(
            """
            document: { dsl: '1.0.0', namespace: test, name: plain, version: '1.0.0' }
            do:
              - note: { set: { ok: true } }
            """);
    try (Scheduler s = new Scheduler(db(), Clock.systemUTC())) {
      assertThat(Schedules.ensure(s.client(), events)).isEmpty();
      assertThat(Schedules.ensure(s.client(), none)).isEmpty();
      assertThat(s.schedules()).isEmpty();
    }
  }

  @Test
  void every_shorter_than_a_second_is_refused_naming_the_field() {
    WorkflowPlan plan = tick("every: { milliseconds: 500 }");
    assertThatThrownBy(() -> Schedules.check(plan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/schedule/every")
        .hasMessageContaining("at least one second");
  }
}
