package io.swirl.interpreter;

import static io.swirl.interpreter.DataFlowTest.doc;
import static io.swirl.interpreter.support.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RetryPolicy;
import io.swirl.engine.RuntimeStatus;
import io.swirl.interpreter.support.Harness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** emit through the sink; listen on the instance's one event channel. */
class EventsTest {

  private Harness h = new Harness();

  @AfterEach
  void stop() {
    h.close();
  }

  private void send(String id, String type, String data) {
    SlwfRuntime.deliver(
        h.engine.client(),
        id,
        json(
            "{ specversion: '1.0', id: "
                + type
                + "-"
                + System.nanoTime()
                + ", source: test, type: "
                + type
                + ", data: "
                + data
                + " }"));
  }

  @Test
  void emit_publishes_a_complete_cloud_event_and_outputs_it() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - tell:
                      emit:
                        event:
                          with:
                            source: https://swirl.test
                            type: test.greeted.v1
                            data:
                              hello: ${ .name }
                """),
            "name: ada");
    assertThat(h.emitted).hasSize(1);
    assertThat(h.emitted.get(0)).isEqualTo(s.output());
    assertThat(s.output().path("data")).isEqualTo(json("hello: ada"));
    assertThat(s.output().path("specversion").asText()).isEqualTo("1.0");
    assertThat(s.output().path("id").asText()).isNotEmpty();
    assertThat(s.output().path("time").asText()).isNotEmpty();
  }

  private static final String EMIT =
      doc(
          """
          do:
            - tell:
                emit:
                  event:
                    with:
                      source: https://swirl.test
                      type: test.told.v1
          """);

  @Test
  void emit_is_retried_while_the_sink_refuses_and_published_once_it_accepts() {
    h.close();
    AtomicInteger calls = new AtomicInteger();
    List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    h =
        new Harness(
            "sqlite::memory:",
            b ->
                b.emitRetry(RetryPolicy.fixed(3, Duration.ofMillis(20)))
                    .events(
                        event -> {
                          if (calls.incrementAndGet() < 3) {
                            throw new java.io.IOException("sink down");
                          }
                          accepted.add(event);
                        }));

    InstanceState s = h.run(EMIT, null);

    assertThat(s.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(calls).hasValue(3);
    assertThat(accepted).containsExactly(s.output());
  }

  @Test
  void emit_faults_when_the_sink_refuses_every_attempt() {
    h.close();
    AtomicInteger calls = new AtomicInteger();
    h =
        new Harness(
            "sqlite::memory:",
            b ->
                b.emitRetry(RetryPolicy.fixed(2, Duration.ofMillis(10)))
                    .events(
                        event -> {
                          calls.incrementAndGet();
                          throw new java.io.IOException("sink down");
                        }));

    InstanceState s = h.run(EMIT, null);

    assertThat(s.status()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(calls).hasValue(2);
    assertThat(SlwfRuntime.problem(s).detail()).contains("sink down");
  }

  @Test
  void listen_one_consumes_the_matching_event_and_keeps_others_for_later_listens() {
    String id =
        h.start(
            doc(
                """
                do:
                  - waitB:
                      listen:
                        to:
                          one:
                            with:
                              type: test.b
                      export:
                        as: '{ b: . }'
                  - waitA:
                      listen:
                        to:
                          one:
                            with:
                              type: test\\.a
                      output:
                        as: '{ a: .[0], b: $context.b[0] }'
                """),
            null);
    send(id, "test.a", "{ n: 1 }");
    send(id, "test.b", "{ n: 2 }");
    assertThat(h.await(id).output()).isEqualTo(json("{ a: { n: 1 }, b: { n: 2 } }"));
  }

  @Test
  void listen_all_waits_for_every_filter_and_reads_envelopes() {
    String id =
        h.start(
            doc(
                """
                do:
                  - both:
                      listen:
                        to:
                          all:
                            - with: { type: test.x }
                            - with: { type: test.y }
                        read: envelope
                      output:
                        as: '[ .[].type ]'
                """),
            null);
    send(id, "test.y", "1");
    send(id, "test.y", "2");
    send(id, "test.x", "3");
    assertThat(h.await(id).output()).isEqualTo(json("[test.y, test.x]"));
  }

  @Test
  void listen_any_until_collects_until_the_condition_holds_and_filters_data_with_jq() {
    String id =
        h.start(
            doc(
                """
                do:
                  - temps:
                      listen:
                        to:
                          any:
                            - with:
                                type: test.temp
                                data: ${ .c > 30 }
                          until: length >= 2
                """),
            null);
    send(id, "test.temp", "{ c: 31 }");
    send(id, "test.temp", "{ c: 10 }");
    send(id, "test.temp", "{ c: 35 }");
    assertThat(h.await(id).output()).isEqualTo(json("[ { c: 31 }, { c: 35 } ]"));
  }

  @Test
  void correlate_matches_only_events_whose_key_equals_the_expectation() {
    String id =
        h.start(
            doc(
                """
                do:
                  - order:
                      listen:
                        to:
                          one:
                            with:
                              type: test.paid
                            correlate:
                              orderId:
                                from: .data.order
                                expect: ${ .order }
                """),
            "order: o-2");
    send(id, "test.paid", "{ order: o-1 }");
    send(id, "test.paid", "{ order: o-2 }");
    assertThat(h.await(id).output()).isEqualTo(json("[ { order: o-2 } ]"));
    assertThat(h.lifecycle)
        .filteredOn(e -> e.path("data").path("workflow").asText().equals(id))
        .filteredOn(e -> e.path("type").asText().contains(".workflow.correlation-"))
        .extracting(e -> e.path("type").asText(), e -> e.path("data").path("correlationKeys"))
        .containsExactly(
            tuple(
                "io.serverlessworkflow.workflow.correlation-started.v1", MissingNode.getInstance()),
            tuple("io.serverlessworkflow.workflow.correlation-completed.v1", json("orderId: o-2")));
  }

  @Test
  void listen_foreach_runs_its_tasks_per_event_and_outputs_the_results() {
    String id =
        h.start(
            doc(
                """
                do:
                  - collect:
                      listen:
                        to:
                          any:
                            - with: { type: test.n }
                          until: length >= 2
                      foreach:
                        item: ev
                        at: i
                        do:
                          - square:
                              set:
                                sq: ${ $ev.n * $ev.n }
                                at: ${ $i }
                """),
            null);
    send(id, "test.n", "{ n: 3 }");
    send(id, "test.n", "{ n: 4 }");
    assertThat(h.await(id).output()).isEqualTo(json("[ { sq: 9, at: 0 }, { sq: 16, at: 1 } ]"));
  }
}
