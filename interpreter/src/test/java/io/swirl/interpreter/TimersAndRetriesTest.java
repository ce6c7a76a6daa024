package io.swirl.interpreter;

import static io.swirl.interpreter.DataFlowTest.doc;
import static io.swirl.interpreter.support.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.interpreter.support.Harness;
import io.swirl.interpreter.support.StubServer;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** wait, retry with backoff, task and workflow timeouts, and run: workflow. */
class TimersAndRetriesTest {

  private final StubServer stub = newStub();
  private final Harness h =
      new Harness("sqlite::memory:", stub.hosts(), Set.of(), SecretsProvider.NONE);

  private static StubServer newStub() {
    try {
      return new StubServer();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    h.close();
    stub.close();
  }

  @Test
  void wait_is_a_durable_timer_and_outputs_its_input() {
    InstanceState s = h.run(doc("do:\n  - pause:\n      wait: PT0.2S\n"), "kept: 1");
    assertThat(s.output()).isEqualTo(json("kept: 1"));
    assertThat(h.engine.client().getHistory(s.instanceId()))
        .anyMatch(r -> r.event() instanceof io.swirl.engine.history.HistoryEvent.TimerFired);
    assertThat(Duration.between(s.createdAt(), s.completedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void an_attempt_longer_than_limit_attempt_duration_times_out_and_is_retried() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - bounded:
                      try:
                        - slow:
                            wait: PT30S
                      catch:
                        errors:
                          with:
                            status: 408
                        as: failure
                        retry:
                          delay: { milliseconds: 10 }
                          limit:
                            attempt:
                              count: 2
                              duration: { milliseconds: 100 }
                        do:
                          - report:
                              set:
                                gaveUp: ${ $failure.status }
                """),
            null);
    assertThat(s.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(s.output()).isEqualTo(json("gaveUp: 408"));
    assertThat(h.engine.client().getHistory(s.instanceId()))
        .filteredOn(r -> r.event() instanceof io.swirl.engine.history.HistoryEvent.TimerFired)
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(Duration.between(s.createdAt(), s.completedAt())).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void retry_reruns_the_try_block_with_backoff_until_it_succeeds() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - resilient:
                      try:
                        - call:
                            call: http
                            with:
                              method: get
                              endpoint: https://test.local/flaky/2
                      catch:
                        errors:
                          with:
                            status: 503
                        retry:
                          delay: { milliseconds: 50 }
                          backoff:
                            exponential: {}
                          jitter:
                            from: { milliseconds: 0 }
                            to: { milliseconds: 20 }
                          limit:
                            attempt:
                              count: 5
                """),
            null);
    assertThat(s.output()).isEqualTo(json("attempt: 3"));
    assertThat(stub.hits("/flaky/2")).isEqualTo(3);
  }

  @Test
  void retry_gives_up_after_the_attempt_limit_and_the_error_is_uncaught() {
    InstanceState s =
        h.run(
            doc(
                """
                use:
                  retries:
                    twice:
                      delay: { milliseconds: 10 }
                      backoff:
                        linear: {}
                      limit:
                        attempt:
                          count: 2
                do:
                  - resilient:
                      try:
                        - call:
                            call: http
                            with:
                              method: get
                              endpoint: https://test.local/flaky/10
                      catch:
                        errors:
                          with:
                            status: 503
                        retry: twice
                        do:
                          - giveUp:
                              set:
                                gaveUp: ${ $error.status }
                """),
            null);
    assertThat(s.output()).isEqualTo(json("gaveUp: 503"));
    assertThat(stub.hits("/flaky/10")).isEqualTo(3);
  }

  @Test
  void a_task_timeout_faults_with_a_timeout_error_408() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - slow:
                      wait: { seconds: 30 }
                      timeout:
                        after: { milliseconds: 100 }
                """),
            null);
    assertThat(s.status()).isEqualTo(RuntimeStatus.FAILED);
    Problem p = SlwfRuntime.problem(s);
    assertThat(p.type()).isEqualTo(Problem.TIMEOUT);
    assertThat(p.status()).isEqualTo(408);
    assertThat(p.instance()).isEqualTo("/do/0/slow");
  }

  @Test
  void a_timeout_can_be_caught() {
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - guarded:
                      try:
                        - slow:
                            wait: { seconds: 30 }
                            timeout:
                              after: PT0.1S
                      catch:
                        errors:
                          with:
                            type: https://serverlessworkflow.io/spec/1.0.0/errors/timeout
                        do:
                          - fallback:
                              set: { timedOut: true }
                """),
            null);
    assertThat(s.output()).isEqualTo(json("timedOut: true"));
  }

  @Test
  void a_workflow_timeout_faults_the_instance() {
    InstanceState s =
        h.run(
            doc(
                """
                timeout:
                  after: { milliseconds: 100 }
                do:
                  - slow:
                      wait: { seconds: 30 }
                """),
            null);
    Problem p = SlwfRuntime.problem(s);
    assertThat(p.type()).isEqualTo(Problem.TIMEOUT);
    assertThat(p.instance()).isEqualTo("/timeout");
  }

  @Test
  void run_workflow_starts_a_child_and_outputs_its_output() {
    h.slwf.register(
        Harness.compile(
            """
            document: { dsl: '1.0.0', namespace: test, name: child, version: '2.0.0' }
            do:
              - double:
                  set:
                    doubled: ${ .n * 2 }
            """));
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - callChild:
                      run:
                        workflow:
                          namespace: test
                          name: child
                          version: '2.0.0'
                          input:
                            n: ${ .value }
                """),
            "value: 21");
    assertThat(s.output()).isEqualTo(json("doubled: 42"));
  }

  @Test
  void a_faulted_child_faults_the_run_task() {
    h.slwf.register(
        Harness.compile(
            """
            document: { dsl: '1.0.0', namespace: test, name: bad-child, version: '1.0.0' }
            do:
              - fail:
                  raise:
                    error: { type: https://example.com/child, status: 422 }
            """));
    InstanceState s =
        h.run(
            doc(
                """
                do:
                  - callChild:
                      run:
                        workflow: { namespace: test, name: bad-child, version: '1.0.0' }
                """),
            null);
    Problem p = SlwfRuntime.problem(s);
    assertThat(p.type()).isEqualTo("https://example.com/child");
    assertThat(p.status()).isEqualTo(422);
    assertThat(p.instance()).isEqualTo("/do/0/callChild");
  }
}
