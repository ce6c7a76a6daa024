package io.swirl.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsIT {

  @TempDir Path dir;

  @Test
  void scrape_shows_engine_counters_and_http_requests() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      api.register(ApiClient.HELLO);
      String id = api.start("/api/v1/workflows/test/hello/1.0.0", "{\"name\":\"ada\"}");
      api.awaitInstance(id, "completed"::equals);

      HttpResponse<String> response = api.get("/metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
      String body = response.body();

      Matcher steps =
          Pattern.compile("(?m)^swirl_steps_total(?:\\{[^}]*\\})? (\\S+)$").matcher(body);
      assertThat(steps.find()).as(body).isTrue();
      assertThat(Double.parseDouble(steps.group(1))).isGreaterThan(0);
      assertThat(body)
          .contains("swirl_replayed_events_total")
          .contains("swirl_cached_instances")
          .contains("swirl_activities_in_flight")
          .containsPattern(
              "swirl_http_requests_total\\{[^}]*method=\"POST\"[^}]*"
                  + "route=\"/api/v1/workflows/:namespace/:name/:version/instances\""
                  + "[^}]*status=\"202\"[^}]*\\} 1")
          .containsPattern(
              "swirl_http_requests_total\\{[^}]*route=\"/api/v1/instances/:id\"[^}]*\\}")
          .contains("swirl_http_request_duration_seconds_count")
          .doesNotContain("route=\"/api/v1/instances/" + id + "\"");

      assertThat(api.get("/no/such/route").statusCode()).isEqualTo(404);
      assertThat(api.get("/metrics").body())
          .containsPattern(
              "swirl_http_requests_total\\{[^}]*route=\"unmatched\"[^}]*status=\"404\"");
    }
  }

  @Test
  void scrape_shows_instances_by_status_queues_step_latency_and_events() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      api.register(ApiClient.HELLO);
      api.register(ApiClient.WAITER);
      api.awaitInstance(
          api.start("/api/v1/workflows/test/hello/1.0.0", "{\"name\":\"ada\"}"),
          "completed"::equals);
      api.awaitInstance(api.start("/api/v1/workflows/test/waiter/1.0.0", "{}"), "waiting"::equals);
      String event = "{\"specversion\":\"1.0\",\"id\":\"m-1\",\"source\":\"/t\",\"type\":\"x\"}";
      api.post("/api/v1/events", "application/cloudevents+json", event);
      api.post("/api/v1/events", "application/cloudevents+json", event);

      String body = api.get("/metrics").body();

      assertThat(body)
          .containsPattern("(?m)^swirl_instances\\{status=\"completed\"\\} 1\\.0$")
          .containsPattern("(?m)^swirl_instances\\{status=\"running\"\\} 1\\.0$")
          .containsPattern("(?m)^swirl_instances\\{status=\"failed\"\\} 0\\.0$")
          .containsPattern("(?m)^swirl_inbox_ready \\S+$")
          .containsPattern("(?m)^swirl_activity_queue \\S+$")
          .containsPattern("(?m)^swirl_events_received_total 2\\.0$")
          .containsPattern("(?m)^swirl_events_duplicates_total 1\\.0$")
          .containsPattern("(?m)^swirl_step_latency_seconds_count [1-9]")
          .containsPattern("(?m)^swirl_step_latency_seconds_sum \\S+$")
          .doesNotContainPattern("(?m)^swirl_step_latency_seconds_sum 0\\.0$");
    }
  }
}
