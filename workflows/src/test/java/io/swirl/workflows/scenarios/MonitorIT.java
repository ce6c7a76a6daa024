package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.workflows.scenarios.Stub.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario 04: poll a status endpoint, doubling the wait to a cap, until done or a deadline. */
class MonitorIT extends ScenarioBase {

  /** Job "job-N" is done from its Nth check on; "stuck" never is. */
  private final AtomicInteger checks = new AtomicInteger();

  private String workflow;

  @BeforeEach
  void deploy() {
    stub.on(
            "GET",
            "/jobs/jobs/:id",
            call -> {
              int check = checks.incrementAndGet();
              String id = call.param("id");
              boolean done = id.startsWith("job-") && check >= Integer.parseInt(id.substring(4));
              return Reply.ok(
                  done
                      ? Map.of("state", "done", "result", Map.of("rows", 42))
                      : Map.of("state", "running"));
            })
        .on("POST", "/alerts/alerts", call -> Reply.status(201, Map.of("id", "AL-1")));
    workflow = swirl.deploy("04-monitor");
  }

  @Test
  void the_wait_doubles_up_to_its_cap_until_the_job_is_done() {
    String id =
        swirl.start(
            workflow,
            input(
                "{jobId: 'job-5', firstIntervalMs: 100, maxIntervalMs: 300, deadlineMs: 20000}",
                "jobs",
                "alerts"));

    JsonNode output = swirl.awaitOutput(id);

    assertThat(output)
        .isEqualTo(
            json(
                "{job: 'job-5', outcome: 'done', result: {rows: 42}, checks: 5,"
                    + " waitsMs: [100, 200, 300, 300]}"));
    History history = swirl.history(id);
    assertThat(history.httpCalls()).hasSize(5).containsOnly("GET /jobs/jobs/job-5");
    assertThat(history.timers()).hasSize(4);
    assertThat(stub.requests("/alerts")).isEmpty();
  }

  @Test
  void it_alerts_and_gives_up_when_the_next_wait_would_pass_the_deadline() {
    String id =
        swirl.start(
            workflow,
            input(
                "{jobId: 'stuck', firstIntervalMs: 100, maxIntervalMs: 200, deadlineMs: 1000}",
                "jobs",
                "alerts"));

    JsonNode output = swirl.awaitOutput(id);

    assertThat(output.path("outcome").asText()).isEqualTo("gave-up");
    assertThat(output.path("lastState").asText()).isEqualTo("running");
    List<Integer> waits = waits(output);
    assertThat(waits).startsWith(100, 200).allMatch(w -> w <= 200);
    assertThat(waits.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(1000);
    assertThat(output.path("checks").asInt()).isEqualTo(waits.size() + 1);
    History history = swirl.history(id);
    assertThat(history.httpCalls()).last().isEqualTo("POST /alerts/alerts");
    assertThat(stub.calls().get(stub.calls().size() - 1).body().path("job").asText())
        .isEqualTo("stuck");
    // $workflow.startedAt, which the deadline counts from, is the first step's orchestration clock.
    Instant started = Instant.parse(history.of("OrchestratorStarted").get(0).path("now").asText());
    Instant lastTimer =
        Instant.parse(history.timers().get(history.timers().size() - 1).path("fireAt").asText());
    assertThat(Duration.between(started, lastTimer)).isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  private static List<Integer> waits(JsonNode output) {
    return java.util.stream.StreamSupport.stream(output.path("waitsMs").spliterator(), false)
        .map(JsonNode::asInt)
        .toList();
  }
}
