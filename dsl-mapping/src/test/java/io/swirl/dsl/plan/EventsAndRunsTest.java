package io.swirl.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Events map to subscriptions and publishes, waits to timers, run: workflow to children. */
class EventsAndRunsTest {

  @Test
  void listen_filters_become_subscriptions_with_correlation() {
    WorkflowPlan plan = Plans.example("accumulate-room-readings.yaml");
    ListenTask listen = (ListenTask) plan.root().get(0);

    assertThat(listen.to().mode()).isEqualTo(EventStrategy.Mode.ALL);
    assertThat(listen.to().filters()).hasSize(2);
    assertThat(listen.read()).isEqualTo("data");
    assertThat(plan.subscriptions()).containsExactlyElementsOf(listen.to().filters());
    EventFilter.Correlation room = listen.to().filters().get(0).correlate().get("roomId");
    assertThat(room.from().program()).isEqualTo(".roomid");
    assertThat(room.expect()).isNull();
    assertThat(plan.timeout().fixed()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void schedule_on_is_a_subscription_too() {
    WorkflowPlan plan = Plans.example("schedule-event-driven.yaml");

    assertThat(plan.schedule().on().mode()).isEqualTo(EventStrategy.Mode.ONE);
    assertThat(plan.subscriptions()).containsExactlyElementsOf(plan.schedule().on().filters());
    assertThat(((CallTask) plan.root().get(0)).with().isLiteral()).isFalse();
  }

  @Test
  void listening_to_any_event_at_all_subscribes_to_everything() {
    WorkflowPlan plan = Plans.example("listen-to-any.yaml");
    ListenTask listen = (ListenTask) plan.root().get(0);

    assertThat(listen.to().filters()).isEmpty();
    assertThat(plan.subscriptions())
        .singleElement()
        .satisfies(
            all -> {
              assertThat(all.pointer()).isEqualTo("/do/0/callDoctor/listen/to/any");
              assertThat(all.with()).isNull();
              assertThat(all.correlate()).isEmpty();
            });
  }

  @Test
  void a_cron_schedule_is_kept() {
    assertThat(Plans.example("schedule-cron.yaml").schedule().cron()).isNotBlank();
  }

  @Test
  void emit_carries_its_event_template() {
    EmitTask emit = (EmitTask) Plans.example("emit.yaml").root().get(0);

    assertThat(emit.event()).isNotNull();
    assertThat(EmitTask.ACTIVITY).isEqualTo("swirl.emit");
  }

  @Test
  void wait_is_a_fixed_duration() {
    WaitTask inline = (WaitTask) Plans.example("wait-duration-inline.yaml").root().get(0);
    WaitTask iso = (WaitTask) Plans.example("wait-duration-iso8601.yaml").root().get(0);

    assertThat(inline.duration().fixed()).isEqualTo(Duration.ofSeconds(30));
    assertThat(iso.duration().fixed()).isPositive();
  }

  @Test
  void run_workflow_is_a_child_orchestration() {
    RunTask run = (RunTask) Plans.example("run-subflow.yaml").root().get(0);

    assertThat(run.isChildWorkflow()).isTrue();
    assertThat(run.activityName()).isNull();
    assertThat(run.workflow())
        .extracting(w -> w.namespace(), w -> w.name(), w -> w.version())
        .containsExactly("test", "register-customer", "0.1.0");
    assertThat(run.workflow().input()).isNotNull();
    assertThat(run.await()).isTrue();
  }

  @Test
  void run_shell_is_an_activity_with_its_return_mode() {
    RunTask run = (RunTask) Plans.example("run-return-code.yaml").root().get(0);

    assertThat(run.activityName()).startsWith("swirl.run.");
    assertThat(run.returns()).isEqualTo("code");
  }
}
