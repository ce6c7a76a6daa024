package io.swirl.server.http;

import static io.swirl.server.http.ApiClient.WAITER;
import static io.swirl.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Definitions are loaded at start, so instances pinned to them carry on after a restart. */
class RestartIT {

  @Test
  void a_waiting_instance_completes_after_the_server_restarts(@TempDir Path dir) throws Exception {
    try (ApiClient first = ApiClient.start(dir)) {
      first.register(WAITER);
      first.postJson("/api/v1/workflows/test/waiter/1.0.0/instances?id=survivor", "{}");
      first.awaitInstance("survivor", "waiting"::equals);
    }
    try (ApiClient second = ApiClient.start(dir)) {
      assertThat(second.get("/api/v1/workflows/test/waiter/1.0.0").body()).isEqualTo(WAITER);
      assertThat(
              second
                  .postJson("/api/v1/instances/survivor/events/approve", "{\"ok\":true}")
                  .statusCode())
          .isEqualTo(202);
      JsonNode view = json(second.get("/api/v1/instances/survivor?wait=20"));
      assertThat(view.path("status").asText()).isEqualTo("completed");
      assertThat(view.path("output").path("approved").asBoolean()).isTrue();
    }
  }
}
