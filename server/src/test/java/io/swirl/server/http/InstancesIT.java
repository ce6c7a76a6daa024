package io.swirl.server.http;

import static io.swirl.server.http.ApiClient.HELLO;
import static io.swirl.server.http.ApiClient.WAITER;
import static io.swirl.server.http.ApiClient.assertProblem;
import static io.swirl.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/instances} and starting instances, over real HTTP. */
class InstancesIT {

  static final String HELLO_PATH = "/api/v1/workflows/test/hello/1.0.0";
  static final String WAITER_PATH = "/api/v1/workflows/test/waiter/1.0.0";

  @TempDir static Path dir;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiClient.start(dir);
    api.register(HELLO);
    api.register(WAITER);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void start_answers_202_with_location_and_wait_returns_the_completed_instance() {
    HttpResponse<String> started =
        api.postJson(HELLO_PATH + "/instances?id=greet-ada", "{\"name\":\"ada\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/instances/greet-ada");
    assertThat(json(started).path("id").asText()).isEqualTo("greet-ada");
    assertThat(json(started).path("status").asText()).isEqualTo("pending");

    JsonNode view = json(api.get("/api/v1/instances/greet-ada?wait=20"));
    assertThat(view.path("status").asText()).isEqualTo("completed");
    assertThat(view.path("id").asText()).isEqualTo("greet-ada");
    assertThat(view.path("workflow").path("namespace").asText()).isEqualTo("test");
    assertThat(view.path("workflow").path("name").asText()).isEqualTo("hello");
    assertThat(view.path("workflow").path("version").asText()).isEqualTo("1.0.0");
    assertThat(view.path("input").path("name").asText()).isEqualTo("ada");
    assertThat(view.path("output").path("greeting").asText()).isEqualTo("hello ada");
    assertThat(view.path("error").isNull()).isTrue();
    assertThat(view.path("createdAt").asText()).isNotEmpty();
    assertThat(view.path("updatedAt").asText()).isNotEmpty();
  }

  @Test
  void an_empty_body_is_an_empty_input_and_latest_works_as_a_version() {
    HttpResponse<String> started =
        api.send("POST", "/api/v1/workflows/test/hello/latest/instances", null, null);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).path("id").asText();
    JsonNode view = api.awaitInstance(id, "completed"::equals);
    assertThat(view.path("input").toString()).isEqualTo("{}");
    assertThat(view.path("workflow").path("version").asText()).isEqualTo("1.0.0");
  }

  @Test
  void a_taken_id_is_a_409_and_an_unknown_workflow_a_404() {
    api.start(HELLO_PATH, "{}");
    api.postJson(HELLO_PATH + "/instances?id=taken", "{}");
    assertProblem(api.postJson(HELLO_PATH + "/instances?id=taken", "{}"), 409, "taken");
    assertProblem(
        api.postJson("/api/v1/workflows/test/missing/1.0.0/instances", "{}"), 404, "missing");
  }

  @Test
  void a_faulted_instance_shows_its_error() {
    api.register(
        HELLO
            .replace("name: hello", "name: failing")
            .replace(
                "greet:\n      set:\n        greeting: ${ \"hello \" + .name }",
                "boom:\n      raise:\n        error:\n          type: https://example.com/boom\n"
                    + "          status: 418\n          title: Boom"));
    String id = api.start("/api/v1/workflows/test/failing/1.0.0", "{}");
    JsonNode view = json(api.get("/api/v1/instances/" + id + "?wait=20"));
    assertThat(view.path("status").asText()).isEqualTo("faulted");
    assertThat(view.path("error").path("type").asText()).isEqualTo("https://example.com/boom");
    assertThat(view.path("error").path("status").asInt()).isEqualTo(418);
  }

  @Test
  void wait_returns_when_time_is_up_for_an_instance_that_does_not_end() {
    String id = api.start(WAITER_PATH, "{}");
    long started = System.nanoTime();
    JsonNode view = json(api.get("/api/v1/instances/" + id + "?wait=1"));
    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(900_000_000L);
    assertThat(view.path("status").asText()).isIn("pending", "running", "waiting");
    api.post("/api/v1/instances/" + id + "/cancel", null, null);
  }

  @Test
  void suspend_resume_raise_event_complete_and_purge_a_waiting_instance() {
    String id = api.start(WAITER_PATH, "{}");
    api.awaitInstance(id, "waiting"::equals);

    assertThat(api.post("/api/v1/instances/" + id + "/suspend", null, null).statusCode())
        .isEqualTo(202);
    api.awaitInstance(id, "suspended"::equals);
    assertProblem(api.post("/api/v1/instances/" + id + "/suspend", null, null), 409, "suspended");
    assertThat(api.post("/api/v1/instances/" + id + "/resume", null, null).statusCode())
        .isEqualTo(202);
    api.awaitInstance(id, "waiting"::equals);
    assertProblem(api.post("/api/v1/instances/" + id + "/resume", null, null), 409, "resume");
    assertProblem(api.delete("/api/v1/instances/" + id), 409, "purge");

    HttpResponse<String> raised =
        api.postJson("/api/v1/instances/" + id + "/events/approve", "{\"ok\":true}");
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(202);
    JsonNode view = json(api.get("/api/v1/instances/" + id + "?wait=20"));
    assertThat(view.path("status").asText()).isEqualTo("completed");
    assertThat(view.path("output").path("approved").asBoolean()).isTrue();

    assertProblem(
        api.postJson("/api/v1/instances/" + id + "/events/approve", "{}"), 409, "completed");
    assertProblem(api.post("/api/v1/instances/" + id + "/cancel", null, null), 409, "completed");
    assertThat(api.delete("/api/v1/instances/" + id).statusCode()).isEqualTo(204);
    assertProblem(api.get("/api/v1/instances/" + id), 404, id);
    assertProblem(api.delete("/api/v1/instances/" + id), 404, id);
  }

  @Test
  void long_polls_hold_no_worker_thread_and_all_answer_when_the_instance_ends() throws Exception {
    String id = api.start(WAITER_PATH, "{}");
    api.awaitInstance(id, "waiting"::equals);
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // more than the worker pool's 20 threads
      polls.add(
          http.sendAsync(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          "http://127.0.0.1:"
                              + api.server.port()
                              + "/api/v1/instances/"
                              + id
                              + "?wait=30"))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    long before = System.nanoTime();
    assertThat(json(api.get("/api/v1/instances/" + id)).path("status").asText())
        .isEqualTo("waiting");
    assertThat(
            api.postJson("/api/v1/instances/" + id + "/events/approve", "{\"ok\":true}")
                .statusCode())
        .isEqualTo(202);
    for (var poll : polls) {
      HttpResponse<String> response = poll.get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(json(response).path("status").asText()).isEqualTo("completed");
    }
    assertThat(System.nanoTime() - before).isLessThan(20_000_000_000L);
  }

  @Test
  void cancel_ends_a_waiting_instance_as_cancelled() {
    String id = api.start(WAITER_PATH, "{}");
    assertThat(api.post("/api/v1/instances/" + id + "/cancel", null, null).statusCode())
        .isEqualTo(202);
    assertThat(json(api.get("/api/v1/instances/" + id + "?wait=20")).path("status").asText())
        .isEqualTo("cancelled");
  }

  @Test
  void an_event_of_another_type_does_not_satisfy_the_listen() {
    String id = api.start(WAITER_PATH, "{}");
    assertThat(api.postJson("/api/v1/instances/" + id + "/events/other", "{}").statusCode())
        .isEqualTo(202);
    assertThat(json(api.get("/api/v1/instances/" + id + "?wait=1")).path("status").asText())
        .isEqualTo("waiting");
    api.postJson("/api/v1/instances/" + id + "/events/approve", "{\"ok\":false}");
    JsonNode view = json(api.get("/api/v1/instances/" + id + "?wait=20"));
    assertThat(view.path("output").path("approved").asBoolean()).isFalse();
  }

  @Test
  void history_is_readable_and_unknown_history_is_a_404() {
    String id = api.start(HELLO_PATH, "{\"name\":\"bo\"}");
    api.get("/api/v1/instances/" + id + "?wait=20");
    HttpResponse<String> response = api.get("/api/v1/instances/" + id + "/history");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode history = json(response);
    assertThat(history.path("id").asText()).isEqualTo(id);
    List<String> types = history.path("events").findValuesAsText("type");
    assertThat(types).contains("ExecutionStarted", "ExecutionCompleted");
    assertThat(history.path("events").get(0).path("seq").isInt()).isTrue();
    assertThat(history.path("events").get(0).path("timestamp").asText()).isNotEmpty();
    assertProblem(api.get("/api/v1/instances/nobody/history"), 404, "nobody");
  }

  @Test
  void list_is_newest_first_paged_and_filtered() {
    api.register(HELLO.replace("namespace: test", "namespace: paging"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(api.start("/api/v1/workflows/paging/hello/1.0.0", "{}"));
    }
    for (String id : ids) {
      api.awaitInstance(id, "completed"::equals);
    }
    List<String> seen = new ArrayList<>();
    List<String> createdAt = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          json(
              api.get(
                  "/api/v1/instances?namespace=paging&limit=2"
                      + (cursor == null ? "" : "&cursor=" + cursor)));
      assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
      page.path("items").forEach(item -> seen.add(item.path("id").asText()));
      page.path("items").forEach(item -> createdAt.add(item.path("createdAt").asText()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
    } while (cursor != null);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    List<java.time.Instant> times = createdAt.stream().map(java.time.Instant::parse).toList();
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    JsonNode completed =
        json(api.get("/api/v1/instances?status=completed&namespace=paging&name=hello"));
    assertThat(completed.path("items").size()).isEqualTo(5);
    JsonNode faulted = json(api.get("/api/v1/instances?status=faulted&namespace=paging"));
    assertThat(faulted.path("items").size()).isZero();
  }
}
