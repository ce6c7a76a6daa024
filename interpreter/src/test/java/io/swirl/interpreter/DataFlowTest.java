package io.swirl.interpreter;

import static io.swirl.interpreter.support.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.interpreter.support.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Data flow in the spec's order, with exact outputs. */
class DataFlowTest {

  private final Harness h = new Harness();

  @AfterEach
  void stop() {
    h.close();
  }

  static String doc(String body) {
    return """
        document:
          dsl: '1.0.0'
          namespace: test
          name: flow
          version: '1.0.0'
        """
        + body;
  }

  @Test
  void workflow_input_from_and_output_as_wrap_the_tasks() {
    InstanceState s =
        h.run(
            doc(
                """
                input:
                  from: .order
                output:
                  as: '{ total: .total, raw: $workflow.input.order.id }'
                do:
                  - price:
                      set:
                        total: ${ .qty * .price }
                """),
            "order: { id: 7, qty: 3, price: 5 }");
    assertThat(s.output()).isEqualTo(json("{ total: 15, raw: 7 }"));
  }

  @Test
  void export_as_runs_on_the_transformed_output_and_replaces_the_context() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - first:
                      set: { a: 1 }
                      output:
                        as: '{ b: (.a + 1) }'
                      export:
                        as: '$context + { seen: .b, out: $output.b }'
                  - second:
                      set:
                        ctx: ${ $context }
                      export:
                        as: '{ replaced: true }'
                  - third:
                      set:
                        before: ${ .ctx }
                        now: ${ $context }
                """),
            null);
    assertThat(s.output())
        .isEqualTo(json("{ before: { seen: 2, out: 2 }, now: { replaced: true } }"));
  }

  @Test
  void if_false_skips_the_task_and_passes_its_raw_input_on() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - skipped:
                      if: .go == true
                      set: { changed: true }
                  - kept:
                      set:
                        go: ${ .go }
                        ran: done
                """),
            "go: false");
    assertThat(s.output()).isEqualTo(json("{ go: false, ran: done }"));
  }

  @Test
  void task_input_from_sets_dot_and_input_and_task_descriptor_holds_the_raw_input() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - pick:
                      input:
                        from: .user
                      set:
                        name: ${ .name }
                        input: ${ $input.name }
                        raw: ${ $task.input.user.name }
                        ref: ${ $task.reference }
                        me: ${ $task.name }
                        runtime: ${ $runtime.name }
                        wf: ${ $workflow.id | length > 0 }
                """),
            "user: { name: ada }");
    assertThat(s.output())
        .isEqualTo(
            json(
                "{ name: ada, input: ada, raw: ada, ref: /do/0/pick, me: pick, runtime: swirl,"
                    + " wf: true }"));
  }

  @Test
  void then_goto_exit_and_end_steer_the_flow() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - a:
                      set: { trail: [a] }
                      then: c
                  - b:
                      set: { trail: '${ .trail + ["b"] }' }
                  - c:
                      do:
                        - c1:
                            set: { trail: '${ .trail + ["c1"] }' }
                            then: exit
                        - c2:
                            set: { trail: '${ .trail + ["c2"] }' }
                  - d:
                      set: { trail: '${ .trail + ["d"] }' }
                      then: end
                  - e:
                      set: { trail: '${ .trail + ["e"] }' }
                """),
            null);
    assertThat(s.output()).isEqualTo(json("trail: [a, c1, d]"));
  }

  @Test
  void end_inside_a_nested_do_ends_the_workflow() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - outer:
                      do:
                        - inner:
                            set: { v: 1 }
                            then: end
                  - after:
                      set: { v: 2 }
                """),
            null);
    assertThat(s.output()).isEqualTo(json("v: 1"));
  }

  @Test
  void input_schema_violation_faults_with_a_validation_error() {
    InstanceState s =
        h.run(
            doc(
                """
                input:
                  schema:
                    format: json
                    document:
                      type: object
                      required: [ name ]
                do:
                  - a:
                      set: { ok: true }
                """),
            "other: 1");
    assertThat(s.status()).isEqualTo(RuntimeStatus.FAILED);
    Problem p = SlwfRuntime.problem(s);
    assertThat(p.type()).isEqualTo(Problem.VALIDATION);
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.instance()).isEqualTo("/input/schema");
  }

  @Test
  void output_schema_violation_faults_the_task_with_its_pointer() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - a:
                      set: { n: 'x' }
                      output:
                        schema:
                          format: json
                          document:
                            type: object
                            properties: { n: { type: integer } }
                """),
            null);
    Problem p = SlwfRuntime.problem(s);
    assertThat(p.type()).isEqualTo(Problem.VALIDATION);
    assertThat(p.instance()).isEqualTo("/do/0/a");
  }

  @Test
  void a_failing_expression_faults_with_an_expression_error_400() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - bad:
                      set:
                        v: ${ .a.b | error("boom") }
                """),
            "a: { b: 1 }");
    Problem p = SlwfRuntime.problem(s);
    assertThat(p.type()).isEqualTo(Problem.EXPRESSION);
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.instance()).isEqualTo("/do/0/bad");
  }

  @Test
  void jq_now_and_started_at_come_from_the_orchestration_clock() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - t:
                      set:
                        now: ${ now | floor }
                        started: ${ $workflow.startedAt.epoch.seconds }
                """),
            null);
    assertThat(s.output().path("now").asLong()).isEqualTo(s.output().path("started").asLong());
  }

  @Test
  void switch_picks_the_first_matching_case_and_falls_back_to_default() {
    String def =
        doc(
            """
            do:
              - route:
                  switch:
                    - big:
                        when: .n > 10
                        then: big
                    - other:
                        then: small
              - big:
                  set: { size: big }
                  then: end
              - small:
                  set: { size: small }
            """);
    assertThat(h.run(def, "n: 11").output()).isEqualTo(json("size: big"));
    assertThat(h.run(def, "n: 1").output()).isEqualTo(json("size: small"));
  }
}
