package io.swirl.interpreter;

import static io.swirl.interpreter.DataFlowTest.doc;
import static io.swirl.interpreter.support.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.interpreter.support.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** raise, try/catch and the RFC 7807 problems they carry. */
class ErrorsTest {

  private final Harness h = new Harness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void raise_from_use_errors_renders_expressions_and_sets_the_instance() {
    InstanceState s =
        h.run(
            doc(
                """
                use:
                  errors:
                    notFound:
                      type: https://example.com/errors/not-found
                      status: 404
                      title: Not Found
                      detail: ${ "no pet " + (.id | tostring) }
                do:
                  - fail:
                      raise:
                        error: notFound
                """),
            "id: 3");
    assertThat(s.status()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(SlwfRuntime.problem(s).toJson())
        .isEqualTo(
            json(
                "{ type: 'https://example.com/errors/not-found', status: 404, title: Not Found,"
                    + " detail: no pet 3, instance: /do/0/fail }"));
    assertThat(s.failure().type()).isEqualTo("https://example.com/errors/not-found");
  }

  @Test
  void catch_binds_the_error_under_as_and_runs_catch_do() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - guarded:
                      try:
                        - boom:
                            raise:
                              error:
                                type: https://serverlessworkflow.io/spec/1.0.0/errors/runtime
                                status: 500
                                title: Boom
                      catch:
                        errors:
                          with:
                            status: 500
                        as: oops
                        do:
                          - handle:
                              set:
                                caught: ${ $oops.title }
                                at: ${ $oops.instance }
                  - next:
                      set:
                        after: ${ .caught }
                """),
            null);
    assertThat(s.output()).isEqualTo(json("after: Boom"));
  }

  @Test
  void catch_when_and_except_when_decide_what_is_caught() {
    String def =
        doc(
            """
            do:
              - guarded:
                  try:
                    - boom:
                        raise:
                          error:
                            type: https://example.com/e
                            status: 409
                  catch:
                    when: $error.status == 409 and .allow
                    exceptWhen: .deny
              - done:
                  set: { survived: true }
            """);
    assertThat(h.run(def, "{ allow: true, deny: false }").output())
        .isEqualTo(json("survived: true"));
    InstanceState denied = h.run(def, "{ allow: true, deny: true }");
    assertThat(denied.status()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(SlwfRuntime.problem(denied).instance()).isEqualTo("/do/0/guarded/try/0/boom");
    assertThat(h.run(def, "{ allow: false, deny: false }").status())
        .isEqualTo(RuntimeStatus.FAILED);
  }

  @Test
  void a_caught_error_without_catch_do_outputs_the_try_input() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - guarded:
                      try:
                        - step:
                            set: { changed: true }
                        - boom:
                            raise:
                              error: { type: https://example.com/e, status: 400 }
                      catch: {}
                """),
            "original: 1");
    assertThat(s.output()).isEqualTo(json("original: 1"));
  }

  @Test
  void errors_with_filter_not_matching_leaves_the_error_uncaught() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - guarded:
                      try:
                        - boom:
                            raise:
                              error: { type: https://example.com/a, status: 400 }
                      catch:
                        errors:
                          with:
                            type: https://example.com/b
                """),
            null);
    assertThat(SlwfRuntime.problem(s).type()).isEqualTo("https://example.com/a");
  }
}
