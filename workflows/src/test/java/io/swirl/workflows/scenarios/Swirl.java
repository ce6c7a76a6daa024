package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.engine.store.StoreUrl;
import io.swirl.server.http.SwirlServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A {@link SwirlServer} on a SQLite file, driven only through its HTTP API, as a client would. Two
 * of these on the same file, one after the other, are a server restart.
 */
final class Swirl implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Where the scenario definitions live, relative to the module (Maven's working directory). */
  static final Path SCENARIOS = Path.of("scenarios");

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final SwirlServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private Swirl(SwirlServer server) {
    this.server = server;
  }

  /** Starts a server on port 0 with its store at {@code dir/swirl.db}. */
  static Swirl start(Path dir) throws Exception {
    StoreUrl store = StoreUrl.parse("sqlite:" + dir.resolve("swirl.db"));
    return new Swirl(SwirlServer.start(new SwirlServer.Settings("127.0.0.1", 0, store)));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpResponse<String> send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
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

  static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** Registers {@code scenarios/<scenario>/workflow.yaml} and returns its path under /api/v1. */
  String deploy(String scenario) {
    String yaml;
    try {
      yaml = Files.readString(SCENARIOS.resolve(scenario).resolve("workflow.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpResponse<String> response = send("POST", "/api/v1/workflows", "application/yaml", yaml);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    return response.headers().firstValue("Location").orElseThrow();
  }

  /** Starts an instance of the workflow at {@code workflowPath}; returns its id. */
  String start(String workflowPath, JsonNode input) {
    HttpResponse<String> response =
        send("POST", workflowPath + "/instances", "application/json", input.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response).path("id").asText();
  }

  /** GET /api/v1/instances/{id}, no waiting. */
  JsonNode instance(String id) {
    HttpResponse<String> response = get("/api/v1/instances/" + id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  /** Long-polls with {@code ?wait=} until the instance has ended; fails past the deadline. */
  JsonNode awaitEnd(String id) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    JsonNode view = instance(id);
    while (!ended(view.path("status").asText())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("instance " + id + " did not end: " + view);
      }
      view = json(get("/api/v1/instances/" + id + "?wait=5"));
    }
    return view;
  }

  /**
   * Polls with plain GETs until the status satisfies {@code wanted} (a long poll would sleep
   * through a passing status such as {@code waiting}); fails past the deadline or if it ends.
   */
  JsonNode awaitStatus(String id, Predicate<String> wanted) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    JsonNode view = instance(id);
    while (!wanted.test(view.path("status").asText())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("instance " + id + " did not reach the expected status: " + view);
      }
      if (ended(view.path("status").asText())) {
        throw new AssertionError("instance " + id + " ended before the expected status: " + view);
      }
      pause();
      view = instance(id);
    }
    return view;
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The output of an instance that must complete. */
  JsonNode awaitOutput(String id) {
    JsonNode view = awaitEnd(id);
    assertThat(view.path("status").asText()).as(view.toString()).isEqualTo("completed");
    return view.path("output");
  }

  static boolean ended(String status) {
    return status.equals("completed") || status.equals("faulted") || status.equals("cancelled");
  }

  History history(String id) {
    HttpResponse<String> response = get("/api/v1/instances/" + id + "/history");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new History(json(response).path("events"));
  }

  /**
   * Publishes a CloudEvent the way an event producer does: {@code POST /api/v1/events}, structured
   * mode ({@code application/cloudevents+json}); the server stores it (202) and delivers it to
   * every instance whose active {@code listen} it matches.
   */
  void publish(String type, JsonNode data) {
    ObjectNode event = JSON.createObjectNode();
    event.put("specversion", "1.0");
    event.put("id", UUID.randomUUID().toString());
    event.put("source", "https://scenarios.swirl.test");
    event.put("type", type);
    event.put("datacontenttype", "application/json");
    event.set("data", data);
    HttpResponse<String> response =
        send("POST", "/api/v1/events", "application/cloudevents+json", event.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  @Override
  public void close() {
    server.close();
  }
}
