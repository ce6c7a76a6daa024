package io.swirl.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiIT {

  /** Every route the router serves under /api/v1, in OpenAPI notation. */
  private static final List<String> API_V1_PATHS =
      List.of(
          "/api/v1/workflows",
          "/api/v1/workflows/{namespace}/{name}/{version}",
          "/api/v1/workflows/{namespace}/{name}/{version}/instances",
          "/api/v1/instances",
          "/api/v1/instances/{id}",
          "/api/v1/instances/{id}/history",
          "/api/v1/instances/{id}/suspend",
          "/api/v1/instances/{id}/resume",
          "/api/v1/instances/{id}/cancel",
          "/api/v1/instances/{id}/events/{name}",
          "/api/v1/events");

  @TempDir static Path dir;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiClient.start(dir);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void serves_an_openapi_3_0_document_covering_every_route() throws Exception {
    // The JDK client's default (it asks for an h2c upgrade) once stalled on this 20 KB answer;
    // the server now declines h2c, so the default client must get it.
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.server.port() + "/openapi.yaml"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
    JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(response.body());
    assertThat(doc.path("openapi").asText()).matches("3\\.0\\.\\d+");
    Set<String> documented = new TreeSet<>();
    doc.path("paths").fieldNames().forEachRemaining(documented::add);
    assertThat(documented)
        .containsAll(API_V1_PATHS)
        .contains(
            "/health",
            "/metrics",
            "/openapi.yaml",
            "/v1.0/healthz",
            "/v1.0/healthz/outbound",
            "/v1.0/metadata",
            "/v1.0/workflows/dapr/{name}/start",
            "/v1.0/workflows/dapr/{id}",
            "/v1.0/workflows/dapr/{id}/terminate",
            "/v1.0/workflows/dapr/{id}/pause",
            "/v1.0/workflows/dapr/{id}/resume",
            "/v1.0/workflows/dapr/{id}/purge",
            "/v1.0/workflows/dapr/{id}/raiseEvent/{eventName}");
    List<String> documentedApi = new ArrayList<>();
    for (String path : documented) {
      if (path.startsWith("/api/")) {
        documentedApi.add(path);
      }
    }
    assertThat(documentedApi)
        .as("no undocumented or stale /api paths")
        .hasSameElementsAs(API_V1_PATHS);
    assertThat(doc.at("/components/schemas/Problem/properties").has("detail")).isTrue();
  }

  @Test
  void documents_exactly_the_api_v1_routes_the_router_serves() {
    Set<String> served = new TreeSet<>();
    for (var route :
        Routes.router(api.server.api(), settings(), new Metrics(api.server.engine())).getRoutes()) {
      String path = route.getPath();
      if (path != null && path.startsWith("/api/v1/") && route.isExactPath()) {
        served.add(path.replaceAll(":([A-Za-z0-9_]+)", "{$1}"));
      }
    }
    assertThat(served).hasSameElementsAs(API_V1_PATHS);
  }

  private static SwirlServer.Settings settings() {
    return new SwirlServer.Settings("127.0.0.1", 0, null);
  }
}
