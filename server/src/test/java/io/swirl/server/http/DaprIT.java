package io.swirl.server.http;

import static io.swirl.server.http.ApiClient.WAITER;
import static io.swirl.server.http.ApiClient.assertProblem;
import static io.swirl.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Dapr-compatible workflow routes, with a Java code workflow and an SLWF workflow. */
class DaprIT {

  @TempDir static Path dir;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiClient.start(dir);
    // Registered after start: names resolve when an instance starts.
    api.server
        .engine()
        .registerOrchestrator(
            "OrderProcessingWorkflow",
            ctx -> {
              JsonNode order = ctx.getInput(JsonNode.class);
              JsonNode approval = ctx.waitForExternalEvent("approve", JsonNode.class).await();
              return Map.of("item", order.path("item").asText(), "approved", approval);
            });
    api.register(WAITER);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static JsonNode awaitStatus(String base, String id, Predicate<String> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode view = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = api.get(base + "/workflows/dapr/" + id);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      view = json(response);
      if (done.test(view.path("runtimeStatus").asText())) {
        return view;
      }
      api.get("/api/v1/instances/" + id + "?wait=1"); // let time pass without sleeping here
    }
    throw new AssertionError("not reached: " + view);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1.0", "/v1.0-beta1"})
  void sidecar_checks_answer_like_a_dapr_sidecar(String base) {
    assertThat(api.get(base + "/healthz").statusCode()).isEqualTo(204);
    assertThat(api.get(base + "/healthz/outbound").statusCode()).isEqualTo(204);
    HttpResponse<String> metadata = api.get(base + "/metadata");
    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(json(metadata).path("id").asText()).isEqualTo("swirl");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1.0", "/v1.0-beta1"})
  void a_code_workflow_starts_waits_for_an_event_and_completes_in_dapr_shape(String base)
      throws Exception {
    String id = "order" + base.replace("/", "").replace(".", "");
    HttpResponse<String> started =
        api.postJson(
            base + "/workflows/dapr/OrderProcessingWorkflow/start?instanceID=" + id,
            "{\"item\":\"Paperclips\",\"quantity\":1}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(json(started).path("instanceID").asText()).isEqualTo(id);

    JsonNode running = awaitStatus(base, id, "RUNNING"::equals);
    assertThat(running.path("instanceID").asText()).isEqualTo(id);
    assertThat(running.path("workflowName").asText()).isEqualTo("OrderProcessingWorkflow");
    assertThat(running.path("createdAt").asText()).isNotEmpty();
    assertThat(running.path("lastUpdatedAt").asText()).isNotEmpty();
    assertThat(running.path("properties").path("dapr.workflow.input").asText())
        .isEqualTo("{\"item\":\"Paperclips\",\"quantity\":1}");

    assertThat(api.post(base + "/workflows/dapr/" + id + "/pause", null, null).statusCode())
        .isEqualTo(202);
    awaitStatus(base, id, "SUSPENDED"::equals);
    assertThat(api.post(base + "/workflows/dapr/" + id + "/resume", null, null).statusCode())
        .isEqualTo(202);
    awaitStatus(base, id, "RUNNING"::equals);

    HttpResponse<String> raised =
        api.postJson(base + "/workflows/dapr/" + id + "/raiseEvent/approve", "true");
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(202);
    JsonNode done = awaitStatus(base, id, "COMPLETED"::equals);
    assertThat(
            ApiClient.JSON.readTree(done.path("properties").path("dapr.workflow.output").asText()))
        .isEqualTo(ApiClient.JSON.readTree("{\"item\":\"Paperclips\",\"approved\":true}"));

    assertThat(api.post(base + "/workflows/dapr/" + id + "/purge", null, null).statusCode())
        .isEqualTo(202);
    assertProblem(api.get(base + "/workflows/dapr/" + id), 404, id);
  }

  @Test
  void an_slwf_workflow_starts_by_name_and_a_raised_event_reaches_its_listen() {
    HttpResponse<String> started = api.postJson("/v1.0/workflows/dapr/waiter/start", "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).path("instanceID").asText();
    assertThat(id).isNotEmpty();
    api.awaitInstance(id, "waiting"::equals);
    JsonNode view = json(api.get("/v1.0/workflows/dapr/" + id));
    assertThat(view.path("workflowName").asText()).isEqualTo("waiter");
    assertThat(view.path("runtimeStatus").asText()).isEqualTo("RUNNING");

    api.postJson("/v1.0/workflows/dapr/" + id + "/raiseEvent/approve", "{\"ok\":true}");
    JsonNode done = awaitStatus("/v1.0", id, "COMPLETED"::equals);
    assertThat(done.path("properties").path("dapr.workflow.output").asText())
        .isEqualTo("{\"approved\":true}");
  }

  @Test
  void terminate_ends_an_instance_as_terminated_and_again_is_a_409() {
    String id =
        json(api.postJson("/v1.0/workflows/dapr/waiter/start", "{}")).path("instanceID").asText();
    assertThat(api.post("/v1.0/workflows/dapr/" + id + "/terminate", null, null).statusCode())
        .isEqualTo(202);
    awaitStatus("/v1.0", id, "TERMINATED"::equals);
    HttpResponse<String> again = api.post("/v1.0/workflows/dapr/" + id + "/terminate", null, null);
    assertProblem(again, 409, "terminated");
    assertThat(json(again).path("errorCode").asText()).isEqualTo("ERR_CONFLICT");
  }

  @Test
  void unknown_workflow_names_and_instances_are_404s() {
    assertProblem(
        api.postJson("/v1.0/workflows/dapr/NoSuchWorkflow/start", "{}"), 404, "NoSuchWorkflow");
    assertProblem(api.get("/v1.0/workflows/dapr/nobody"), 404, "nobody");
    assertProblem(api.post("/v1.0/workflows/dapr/nobody/pause", null, null), 404, "nobody");
  }
}
