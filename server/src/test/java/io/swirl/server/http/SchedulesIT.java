package io.swirl.server.http;

import static io.swirl.server.http.ApiClient.assertProblem;
import static io.swirl.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schedule.every} over real HTTP: runs show up as ordinary instances, the schedule itself as
 * one {@code swirl.schedule} instance, and deleting the definition stops it.
 */
class SchedulesIT {

  static final String TICKER =
      """
      document: { dsl: '1.0.0', namespace: test, name: ticker, version: '1.0.0' }
      schedule:
        every: { seconds: 1 }
      do:
        - note:
            set:
              ticked: true
      """;

  /** Each run waits a minute, so runs are live when the definition is deleted. */
  private static final String SLOW =
      """
      document: { dsl: '1.0.0', namespace: test, name: slow, version: '1.0.0' }
      schedule:
        every: { seconds: 1 }
      do:
        - nap:
            wait: { minutes: 1 }
      """;

  @TempDir Path dir;

  @Test
  void every_second_starts_runs_listed_as_instances_and_delete_stops_the_schedule()
      throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      HttpResponse<String> created = api.post("/api/v1/workflows", "application/yaml", TICKER);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      List<JsonNode> runs = awaitItems(api, "namespace=test&name=ticker", n -> n >= 2);
      for (JsonNode run : runs) {
        assertThat(run.path("id").asText()).startsWith("ticker-");
        assertThat(run.path("workflow").path("version").asText()).isEqualTo("1.0.0");
      }
      String scheduleId = schedule(api);
      assertThat(api.awaitInstance(runs.get(0).path("id").asText(), "completed"::equals))
          .isNotNull();

      // Pausing the schedule (an ordinary instance) stops new runs; then no run is live.
      assertThat(api.post("/api/v1/instances/" + scheduleId + "/suspend", null, null).statusCode())
          .isEqualTo(202);
      api.awaitInstance(scheduleId, "suspended"::equals);
      for (JsonNode run : items(api, "namespace=test&name=ticker")) {
        api.awaitInstance(run.path("id").asText(), "completed"::equals);
      }

      HttpResponse<String> deleted = api.delete("/api/v1/workflows/test/ticker/1.0.0");
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
      assertThat(api.get("/api/v1/instances/" + scheduleId).statusCode())
          .as("the schedule instance is terminated and purged")
          .isEqualTo(404);
      assertThat(items(api, "name=swirl.schedule")).isEmpty();
      assertThat(items(api, "namespace=test&name=ticker"))
          .as("the runs it started stay")
          .hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void delete_is_refused_while_a_scheduled_run_is_live_but_never_because_of_the_schedule()
      throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      api.register(SLOW);
      String scheduleId = schedule(api);
      JsonNode run = awaitItems(api, "namespace=test&name=slow", n -> n >= 1).get(0);
      api.awaitInstance(run.path("id").asText(), "waiting"::equals);

      assertProblem(api.delete("/api/v1/workflows/test/slow/1.0.0"), 409, "have not ended");
      assertThat(api.get("/api/v1/instances/" + scheduleId).statusCode())
          .as("a refused delete leaves the schedule as it was")
          .isEqualTo(200);

      api.post("/api/v1/instances/" + scheduleId + "/suspend", null, null);
      api.awaitInstance(scheduleId, "suspended"::equals);
      for (JsonNode live : items(api, "namespace=test&name=slow&status=pending,running,waiting")) {
        api.post("/api/v1/instances/" + live.path("id").asText() + "/cancel", null, null);
        api.awaitInstance(live.path("id").asText(), "cancelled"::equals);
      }
      HttpResponse<String> deleted = api.delete("/api/v1/workflows/test/slow/1.0.0");
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
      assertThat(api.get("/api/v1/instances/" + scheduleId).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void the_schedule_carries_on_after_a_restart_without_a_second_schedule() throws Exception {
    List<String> before;
    String scheduleId;
    try (ApiClient api = ApiClient.start(dir)) {
      api.register(TICKER);
      scheduleId = schedule(api);
      before = ids(awaitItems(api, "namespace=test&name=ticker", n -> n >= 1));
    }
    try (ApiClient api = ApiClient.start(dir)) {
      List<JsonNode> after =
          awaitItems(api, "namespace=test&name=ticker", n -> n >= before.size() + 2);
      assertThat(ids(after)).containsAll(before).doesNotHaveDuplicates();
      assertThat(schedule(api)).isEqualTo(scheduleId);
    }
  }

  @Test
  void an_every_shorter_than_a_second_is_a_422_naming_the_field() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      HttpResponse<String> response =
          api.post(
              "/api/v1/workflows",
              "application/yaml",
              TICKER.replace("every: { seconds: 1 }", "every: { milliseconds: 100 }"));
      assertProblem(response, 422, "schedule.every");
      assertThat(json(response).path("errors").get(0).path("pointer").asText())
          .isEqualTo("/schedule");
      assertThat(api.definitionCount()).isZero();
    }
  }

  /** The one schedule instance's id. */
  private static String schedule(ApiClient api) {
    List<JsonNode> schedules = awaitItems(api, "name=swirl.schedule", n -> n >= 1);
    assertThat(schedules).hasSize(1);
    assertThat(schedules.get(0).path("status").asText()).isIn("pending", "running", "waiting");
    return schedules.get(0).path("id").asText();
  }

  static List<JsonNode> items(ApiClient api, String query) {
    HttpResponse<String> response = api.get("/api/v1/instances?limit=1000&" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    json(response).path("items").forEach(items::add);
    return items;
  }

  static List<JsonNode> awaitItems(ApiClient api, String query, Predicate<Integer> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<JsonNode> items = items(api, query);
    while (!done.test(items.size())) {
      assertThat(System.nanoTime() < deadline)
          .as("timed out waiting on %s; last: %s", query, items)
          .isTrue();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      items = items(api, query);
    }
    return items;
  }

  private static List<String> ids(List<JsonNode> items) {
    return items.stream().map(i -> i.path("id").asText()).toList();
  }
}
