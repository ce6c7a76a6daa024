package io.swirl.interpreter;

import static io.swirl.interpreter.support.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.PublishedEvent;
import io.swirl.interpreter.support.Harness;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Accepted events reach the instances that listen for them and start those scheduled on them. */
class EventRoutingTest {

  private static final String APPROVAL =
      """
      document: { dsl: '1.0.0', namespace: test, name: approval, version: '1.0.0' }
      do:
        - pause:
            wait: { milliseconds: %d }
        - approved:
            listen:
              to:
                one:
                  with: { type: com.example.approved }
                  correlate:
                    order: { from: .data.order, expect: '${ .order }' }
      """;

  private static final String ON_ORDER =
      """
      document: { dsl: '1.0.0', namespace: test, name: on-order, version: '%s' }
      schedule:
        on:
          one:
            with: { type: com.example.ordered, source: "https://shop.example/eu" }
      do:
        - keep:
            set:
              version: '%s'
              order: ${ .[0].data.order }
      """;

  private Harness h = new Harness();
  private final EventRouter router = new EventRouter();

  @AfterEach
  void stop() {
    h.close();
  }

  private PublishedEvent.Result publish(List<WorkflowPlan> plans, String type, String data) {
    return publish(plans, UUID.randomUUID().toString(), "https://shop.example/eu", type, data);
  }

  private PublishedEvent.Result publish(
      List<WorkflowPlan> plans, String id, String source, String type, String data) {
    JsonNode event =
        json(
            "{ specversion: '1.0', id: '%s', source: '%s', type: %s, data: %s }"
                .formatted(id, source, type, data));
    return router.publish(h.engine.client(), plans, event);
  }

  private String start(WorkflowPlan plan, String input) {
    return h.slwf.start(h.engine.client(), plan, json(input), null);
  }

  private boolean timerFired(String id) {
    return h.engine.client().getHistory(id).stream()
        .anyMatch(r -> r.event() instanceof HistoryEvent.TimerFired);
  }

  private void awaitTimerFired(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Harness.WAIT.toNanos();
    while (!timerFired(id)) {
      assertThat(System.nanoTime()).as("the wait ended in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void an_event_reaches_the_instance_whose_correlation_key_it_carries() {
    WorkflowPlan plan = h.slwf.register(Harness.compile(APPROVAL.formatted(0)));
    String one = start(plan, "order: 1");
    String two = start(plan, "order: 2");

    PublishedEvent.Result result =
        publish(List.of(plan), "com.example.approved", "{ order: 2, by: ada }");

    assertThat(result.duplicate()).isFalse();
    assertThat(result.delivered()).isEqualTo(2);
    assertThat(h.await(two).output()).isEqualTo(json("[{ order: 2, by: ada }]"));
    assertThat(h.engine.client().getInstance(one).orElseThrow().isTerminal()).isFalse();

    publish(List.of(plan), "com.example.approved", "{ order: 1, by: bob }");
    assertThat(h.await(one).output()).isEqualTo(json("[{ order: 1, by: bob }]"));
  }

  @Test
  void an_event_no_definition_listens_for_goes_nowhere() {
    WorkflowPlan plan = h.slwf.register(Harness.compile(APPROVAL.formatted(0)));
    start(plan, "order: 1");

    PublishedEvent.Result result = publish(List.of(plan), "com.example.rejected", "{ order: 1 }");

    assertThat(result.delivered()).isZero();
    assertThat(result.started()).isEmpty();
  }

  @Test
  void an_event_that_arrives_before_its_listen_is_delivered_within_the_retention()
      throws InterruptedException {
    WorkflowPlan plan = h.slwf.register(Harness.compile(APPROVAL.formatted(300)));
    String id = start(plan, "order: 7");

    publish(List.of(plan), "com.example.approved", "{ order: 7, early: true }");

    InstanceState done = h.await(id);
    assertThat(done.output()).isEqualTo(json("[{ order: 7, early: true }]"));
  }

  @Test
  void an_event_older_than_the_retention_when_the_listen_starts_is_not_delivered()
      throws InterruptedException {
    h.close();
    h = new Harness("sqlite::memory:", b -> b.eventRetention(Duration.ZERO));
    WorkflowPlan plan = h.slwf.register(Harness.compile(APPROVAL.formatted(300)));
    String id = start(plan, "order: 7");
    publish(List.of(plan), "com.example.approved", "{ order: 7, early: true }");
    awaitTimerFired(id);

    publish(List.of(plan), "com.example.approved", "{ order: 7, early: false }");

    assertThat(h.await(id).output()).isEqualTo(json("[{ order: 7, early: false }]"));
  }

  @Test
  void schedule_on_starts_the_latest_version_once_with_the_event_as_input() {
    WorkflowPlan v1 = h.slwf.register(Harness.compile(ON_ORDER.formatted("1.0.0", "1.0.0")));
    WorkflowPlan v2 = h.slwf.register(Harness.compile(ON_ORDER.formatted("2.0.0", "2.0.0")));
    List<WorkflowPlan> plans = List.of(v1, v2);

    PublishedEvent.Result first =
        publish(plans, "evt-1", "https://shop.example/eu", "com.example.ordered", "{ order: 42 }");
    PublishedEvent.Result again =
        publish(plans, "evt-1", "https://shop.example/eu", "com.example.ordered", "{ order: 42 }");
    PublishedEvent.Result elsewhere =
        publish(plans, "evt-2", "/warehouse", "com.example.ordered", "{ order: 43 }");

    assertThat(first.started()).singleElement().asString().startsWith("on-");
    assertThat(again.duplicate()).isTrue();
    assertThat(again.started()).isEmpty();
    assertThat(elsewhere.started()).isEmpty();
    InstanceState started = h.await(first.started().get(0));
    assertThat(started.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(started.version()).isEqualTo("2.0.0");
    assertThat(started.output()).isEqualTo(json("{ version: '2.0.0', order: 42 }"));
  }

  @Test
  void schedule_on_all_is_refused_when_registering() {
    WorkflowPlan plan =
        Harness.compile(
            """
            document: { dsl: '1.0.0', namespace: test, name: on-all, version: '1.0.0' }
            schedule:
              on:
                all:
                  - with: { type: a }
                  - with: { type: b }
            do:
              - keep: { set: { ok: true } }
            """);

    assertThat(plan.isRunnable()).isFalse();
    assertThat(plan.unsupported()).containsKey("/schedule/on/all");
  }
}
