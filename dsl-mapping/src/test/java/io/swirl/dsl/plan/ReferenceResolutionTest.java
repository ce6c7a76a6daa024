package io.swirl.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** References to {@code use} entries are resolved in the plan; the interpreter never looks. */
class ReferenceResolutionTest {

  @Test
  void a_use_functions_reference_is_flattened_to_its_definition() {
    WorkflowPlan plan = Plans.example("call-custom-function-inline.yaml");
    CallTask call = (CallTask) plan.root().get(0);

    assertThat(call.kind()).isEqualTo(CallTask.Kind.FUNCTION);
    assertThat(call.function()).isEqualTo("getPetById");
    assertThat(call.with().isLiteral()).isTrue();
    CallTask definition = (CallTask) call.definition();
    assertThat(definition.kind()).isEqualTo(CallTask.Kind.HTTP);
    assertThat(definition.pointer()).isEqualTo("/use/functions/getPetById");
    assertThat(definition.common().input().schema()).isNotNull();
    assertThat(call.activityName()).isEqualTo("swirl.call.http");
    assertThat(call.unsupported()).isNull();
  }

  @Test
  void a_function_called_twice_is_compiled_once() {
    WorkflowPlan plan =
        Plans.compile(
            "twice.yaml",
            """
            document: {dsl: '1.0.3', namespace: test, name: twice, version: '0.1.0'}
            use:
              functions:
                greet:
                  run:
                    shell:
                      command: echo hello
            do:
              - one:
                  call: greet
              - two:
                  call: greet
            """);
    CallTask one = (CallTask) plan.root().get(0);
    CallTask two = (CallTask) plan.root().get(1);

    assertThat(one.definition()).isSameAs(two.definition());
    assertThat(one.activityName()).isEqualTo("swirl.run.shell");
  }

  @Test
  void a_use_retries_reference_is_resolved_to_the_shared_policy() {
    WorkflowPlan plan = Plans.example("try-catch-retry-reusable.yaml");
    TryTask attempt = (TryTask) plan.root().get(0);
    RetryPlan retry = attempt.handler().retry();

    assertThat(retry).isSameAs(plan.retries().get("default"));
    assertThat(retry.name()).isEqualTo("default");
    assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(retry.backoff()).isEqualTo(RetryPlan.Backoff.EXPONENTIAL);
    assertThat(retry.maxAttempts()).isEqualTo(5);
    assertThat(attempt.handler().errors().path("status").asInt()).isEqualTo(503);
  }

  @Test
  void an_inline_retry_policy_is_compiled_in_place() {
    TryTask attempt = (TryTask) Plans.example("try-catch-retry-inline.yaml").root().get(0);

    assertThat(attempt.handler().retry().name()).isNull();
    assertThat(attempt.handler().retry().maxAttempts()).isEqualTo(5);
    assertThat(attempt.handler().as()).isEqualTo("error");
  }

  @Test
  void timeouts_and_errors_are_resolved_from_use() {
    WorkflowPlan plan =
        Plans.compile(
            "timeouts.yaml",
            """
            document: {dsl: '1.0.3', namespace: test, name: timeouts, version: '0.1.0'}
            use:
              timeouts:
                short: {after: PT5S}
              errors:
                notFound:
                  type: https://example.com/errors/not-found
                  status: 404
                  detail: ${ "no " + .id }
            timeout:
              after: {minutes: 2}
            do:
              - slow:
                  wait: PT1S
                  timeout: short
              - fail:
                  raise:
                    error: notFound
            """);

    assertThat(plan.timeout().fixed()).isEqualTo(Duration.ofMinutes(2));
    assertThat(plan.root().get(0).common().timeout().fixed()).isEqualTo(Duration.ofSeconds(5));
    assertThat(((WaitTask) plan.root().get(0)).duration().fixed()).isEqualTo(Duration.ofSeconds(1));
    RaiseTask fail = (RaiseTask) plan.root().get(1);
    assertThat(fail.error()).isSameAs(plan.errors().get("notFound"));
    assertThat(fail.error().definition().isLiteral()).isFalse();
  }
}
