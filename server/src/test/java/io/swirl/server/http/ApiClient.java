package io.swirl.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swirl.engine.store.InstanceQuery;
import io.swirl.engine.store.StoreUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/** A real HTTP client for a {@link SwirlServer} on a temporary SQLite file, plus test workflows. */
final class ApiClient implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String HELLO =
      """
      document:
        dsl: '1.0.0'
        namespace: test
        name: hello
        version: '1.0.0'
      do:
        - greet:
            set:
              greeting: ${ "hello " + .name }
      """;

  /** Waits for an event of type {@code approve}, then outputs {@code {approved: <data.ok>}}. */
  static final String WAITER =
      """
      document:
        dsl: '1.0.0'
        namespace: test
        name: waiter
        version: '1.0.0'
      do:
        - awaitApproval:
            listen:
              to:
                one:
                  with:
                    type: approve
        - decide:
            set:
              approved: ${ .[0].ok }
      """;

  final SwirlServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private String token;

  ApiClient(SwirlServer server) {
    this.server = server;
  }

  static ApiClient start(Path dir) throws Exception {
    return start(dir, SwirlServer.DEFAULT_MAX_BODY_BYTES, null);
  }

  static ApiClient start(Path dir, long maxBodyBytes, String token) throws Exception {
    SwirlServer.Settings defaults = settings(dir);
    return start(
        new SwirlServer.Settings(
            defaults.host(), defaults.port(), defaults.store(), maxBodyBytes, token));
  }

  /** The settings of a server on a SQLite file in {@code dir}, on a free port. */
  static SwirlServer.Settings settings(Path dir) {
    StoreUrl store = StoreUrl.parse("sqlite:" + dir.resolve("swirl.db"));
    return new SwirlServer.Settings("127.0.0.1", 0, store);
  }

  static ApiClient start(SwirlServer.Settings settings) throws Exception {
    return new ApiClient(SwirlServer.start(settings));
  }

  ApiClient withToken(String value) {
    token = value;
    return this;
  }

  HttpResponse<String> send(String method, String path, String contentType, String body) {
    return send(method, path, contentType, java.util.Map.of(), body);
  }

  HttpResponse<String> send(
      String method,
      String path,
      String contentType,
      java.util.Map<String, String> headers,
      String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null, null);
  }

  HttpResponse<String> post(String path, String contentType, String body) {
    return send("POST", path, contentType, body);
  }

  HttpResponse<String> postJson(String path, String body) {
    return send("POST", path, "application/json", body);
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, null, null);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** Registers a definition and asserts it is accepted. */
  void register(String yaml) {
    HttpResponse<String> response = post("/api/v1/workflows", "application/yaml", yaml);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  /** Starts an instance and returns its id. */
  String start(String workflowPath, String input) {
    HttpResponse<String> response = postJson(workflowPath + "/instances", input);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response).path("id").asText();
  }

  /** Polls GET /api/v1/instances/{id} until its status satisfies {@code done}, with a deadline. */
  JsonNode awaitInstance(String id, Predicate<String> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode view = null;
    while (System.nanoTime() < deadline) {
      view = json(get("/api/v1/instances/" + id + "?wait=1"));
      if (done.test(view.path("status").asText())) {
        return view;
      }
    }
    throw new AssertionError("instance " + id + " did not reach the expected status: " + view);
  }

  int instanceCount() {
    return server.engine().client().listInstances(InstanceQuery.all(1000)).items().size();
  }

  int definitionCount() {
    return server.engine().store().listDefinitions().size();
  }

  static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotEmpty();
    assertThat(problem.path("type").asText()).isNotEmpty();
    assertThat(problem.path("instance").asText()).startsWith("/");
    assertThat(problem.path("detail").asText()).contains(detailPart);
  }

  @Override
  public void close() {
    server.close();
  }
}
