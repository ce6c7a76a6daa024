package io.swirl.interpreter;

import static io.swirl.interpreter.DataFlowTest.doc;
import static io.swirl.interpreter.support.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.InstanceState;
import io.swirl.interpreter.support.Harness;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** run: shell|script behind the operator's switch; lifecycle events; status phases. */
class ProcessAndLifecycleTest {

  private static final String SHELL =
      doc(
          """
          do:
            - greet:
                run:
                  shell:
                    command: 'read line; echo "got $line and $1"'
                    arguments: [ extra ]
                    stdin: ${ .name }
          """);

  @Test
  void run_shell_is_refused_with_a_configuration_error_unless_enabled() {
    try (Harness h = new Harness()) {
      Problem p = SlwfRuntime.problem(h.run(SHELL, "name: ada"));
      assertThat(p.type()).isEqualTo(Problem.CONFIGURATION);
      assertThat(p.status()).isEqualTo(400);
      assertThat(p.instance()).isEqualTo("/do/0/greet");
    }
  }

  @Test
  void run_shell_when_enabled_outputs_stdout() {
    try (Harness h =
        new Harness("sqlite::memory:", Map.of(), Set.of("shell"), SecretsProvider.NONE)) {
      assertThat(h.run(SHELL, "name: ada").output()).isEqualTo(json("'got ada and extra'"));
    }
  }

  @Test
  void run_script_python_returns_all_when_asked() {
    try (Harness h =
        new Harness("sqlite::memory:", Map.of(), Set.of("script"), SecretsProvider.NONE)) {
      InstanceState s =
          h.run(
              doc(
                  """
                  do:
                    - py:
                        run:
                          script:
                            language: python
                            code: |
                              import sys
                              print("hi " + sys.argv[1])
                              sys.exit(3)
                            arguments: [ there ]
                          return: all
                  """),
              null);
      assertThat(s.output()).isEqualTo(json("{ code: 3, stdout: hi there, stderr: '' }"));
    }
  }

  @Test
  void lifecycle_events_follow_the_workflow_and_its_tasks() {
    try (Harness h = new Harness()) {
      InstanceState s = h.run(doc("do:\n  - one:\n      set: { a: 1 }\n"), null);
      assertThat(h.lifecycle)
          .filteredOn(e -> e.path("data").path("workflow").asText().equals(s.instanceId()))
          .extracting(e -> e.path("type").asText())
          .containsExactly(
              "io.serverlessworkflow.workflow.started.v1",
              "io.serverlessworkflow.task.started.v1",
              "io.serverlessworkflow.task.completed.v1",
              "io.serverlessworkflow.workflow.completed.v1");
      assertThat(SlwfRuntime.phase(h.engine.client(), s.instanceId()))
          .isEqualTo(WorkflowPhase.COMPLETED);
    }
  }

  @Test
  void a_faulted_instance_is_in_the_faulted_phase() {
    try (Harness h = new Harness()) {
      InstanceState s =
          h.run(
              doc(
                  "do:\n  - f:\n      raise:\n        error: { type: https://x.io/e, status: 400 }\n"),
              null);
      assertThat(SlwfRuntime.phase(h.engine.client(), s.instanceId()))
          .isEqualTo(WorkflowPhase.FAULTED);
    }
  }
}
