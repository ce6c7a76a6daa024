package io.swirl.interpreter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.InstanceIds;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleStateTest {

  private final ScheduleState state =
      ScheduleState.first("demo/nightly", "1.0.0", "abc", Duration.ofMinutes(1), null, null);

  @Test
  void a_run_id_names_the_workflow_the_schedule_and_the_slot_in_utc() {
    String key = ScheduleState.key("demo/nightly", "1.0.0", "abc").substring(0, 12);
    assertThat(state.runId(Instant.parse("2026-01-01T00:05:00Z")))
        .isEqualTo("nightly-" + key + "-20260101T000500Z");
    assertThat(state.runId(Instant.parse("2026-01-01T00:05:00.042Z")))
        .isEqualTo("nightly-" + key + "-20260101T000500_042Z");
  }

  @Test
  void a_run_id_is_a_valid_instance_id_for_long_and_odd_names() {
    ScheduleState odd =
        ScheduleState.first(
            "ns/a.very.long.workflow.name.with.dots.and.more", "1.0.0", "h", null, null, null);
    String id = odd.runId(Instant.parse("2026-12-31T23:59:59.999Z"));
    assertThat(InstanceIds.isValid(id)).as(id).isTrue();
    assertThat(id).startsWith("a-very-long-workflow-nam-");
  }

  @Test
  void schedule_ids_differ_by_namespace_version_and_content() {
    String a = Schedules.scheduleId("demo", "nightly", "1.0.0", "h1");
    assertThat(a)
        .matches("schedule-[0-9a-f]{40}")
        .isEqualTo(Schedules.scheduleId("demo", "nightly", "1.0.0", "h1"));
    assertThat(Schedules.scheduleId("demo", "nightly", "1.0.1", "h1")).isNotEqualTo(a);
    assertThat(Schedules.scheduleId("other", "nightly", "1.0.0", "h1")).isNotEqualTo(a);
    assertThat(Schedules.scheduleId("demo", "nightly", "1.0.0", "h2")).isNotEqualTo(a);
  }
}
