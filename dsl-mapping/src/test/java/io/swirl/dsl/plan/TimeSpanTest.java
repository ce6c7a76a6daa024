package io.swirl.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Durations written as runtime expressions are computed where they may be, flagged elsewhere. */
class TimeSpanTest {

  @Test
  void a_wait_and_a_timeout_may_be_computed() throws Exception {
    WorkflowPlan plan =
        Plans.compile(
            "computed.yaml",
            """
            document: {dsl: '1.0.3', namespace: test, name: computed, version: '0.1.0'}
            do:
              - pause:
                  wait: ${ .delay }
                  timeout:
                    after: PT1M
            """);
    WaitTask pause = (WaitTask) plan.root().get(0);

    assertThat(pause.duration().isFixed()).isFalse();
    assertThat(pause.duration().expression().pointer()).isEqualTo("/do/0/pause/wait");
    var input = JsonNodeFactory.instance.objectNode().put("delay", "PT5S");
    assertThat(pause.duration().expression().evaluateOne(input, Map.of()).asText())
        .isEqualTo("PT5S");
    assertThat(pause.common().timeout().isFixed()).isTrue();
    assertThat(plan.isRunnable()).isTrue();
  }

  @Test
  void a_computed_retry_delay_is_listed_as_unsupported() {
    WorkflowPlan plan =
        Plans.compile(
            "retry.yaml",
            """
            document: {dsl: '1.0.3', namespace: test, name: retry, version: '0.1.0'}
            use:
              retries:
                later:
                  delay: ${ .delay }
            do:
              - attempt:
                  try:
                    - get:
                        call: http
                        with: {method: get, endpoint: 'https://example.com'}
                  catch:
                    retry: later
            """);

    assertThat(plan.retries().get("later").delay()).isZero();
    assertThat(plan.unsupported()).containsKey("/use/retries/later/delay");
    assertThat(plan.isRunnable()).isFalse();
  }
}
