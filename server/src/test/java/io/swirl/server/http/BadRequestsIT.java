package io.swirl.server.http;

import static io.swirl.server.http.ApiClient.HELLO;
import static io.swirl.server.http.ApiClient.WAITER;
import static io.swirl.server.http.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.InstanceState;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the API must refuse: each gets the right 4xx as an RFC 7807 problem that names what is
 * wrong, and leaves the store as it was.
 */
class BadRequestsIT {

  static final long LIMIT = 64 * 1024;
  static final String BIG = "a".repeat((int) LIMIT + 1024);
  static final String YAML = "application/yaml";
  static final String JSON = "application/json";
  static final String HELLO_1 = "/api/v1/workflows/test/hello/1.0.0";
  static final String EVENTS = "/api/v1/events";
  static final String CE = "application/cloudevents+json";
  static final String CE_BATCH = "application/cloudevents-batch+json";
  static final String EVENT =
      "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/test\",\"type\":\"go\"}";

  @TempDir static Path dir;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiClient.start(dir, LIMIT, null);
    api.register(HELLO);
    api.register(WAITER);
    api.postJson("/api/v1/workflows/test/waiter/1.0.0/instances?id=waiting-1", "{}");
    api.awaitInstance("waiting-1", "waiting"::equals);
    api.postJson(HELLO_1 + "/instances?id=done-1", "{}");
    api.awaitInstance("done-1", "completed"::equals);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  record Row(
      String method, String path, String contentType, String body, int status, String detail) {
    @Override
    public String toString() {
      return method + " " + path + " [" + contentType + "] -> " + status;
    }
  }

  static Row row(String method, String path, String type, String body, int status, String detail) {
    return new Row(method, path, type, body, status, detail);
  }

  static Stream<Row> rows() {
    String instances = HELLO_1 + "/instances";
    return Stream.of(
        // definitions
        row("POST", "/api/v1/workflows", YAML, "document: [unclosed", 400, "not readable"),
        row("POST", "/api/v1/workflows", JSON, "{\"document\": ", 400, "not valid JSON"),
        row("POST", "/api/v1/workflows", JSON, HELLO, 400, "not valid JSON"),
        row("POST", "/api/v1/workflows", "text/plain", HELLO, 415, "text/plain"),
        row("POST", "/api/v1/workflows", null, HELLO, 415, "no Content-Type"),
        row("POST", "/api/v1/workflows", YAML, "", 400, "empty"),
        row("POST", "/api/v1/workflows", YAML, "document: {dsl: '1.0.0'}\n", 422, "invalid"),
        row(
            "POST",
            "/api/v1/workflows",
            YAML,
            HELLO.replace("name: hello", "name: other") + "      then: nowhere\n",
            422,
            "nowhere"),
        row("POST", "/api/v1/workflows", YAML, HELLO.replace("hello ", "hi "), 409, "different"),
        row("POST", "/api/v1/workflows", YAML, BIG, 413, "larger than"),
        row("PUT", "/api/v1/workflows", YAML, HELLO, 405, "not allowed"),
        row("GET", "/api/v1/workflows/test/nothing/1.0.0", null, null, 404, "test/nothing"),
        row("DELETE", "/api/v1/workflows/test/nothing/1.0.0", null, null, 404, "test/nothing"),
        row("DELETE", "/api/v1/workflows/test/waiter/1.0.0", null, null, 409, "not ended"),
        row("DELETE", "/api/v1/workflows/test/hello/latest", null, null, 400, "name the version"),
        // starting instances
        row("POST", instances, JSON, "{bad", 400, "not valid JSON"),
        row("POST", instances, JSON, "{} {}", 400, "not valid JSON"),
        row("POST", instances, "text/plain", "hi", 415, "application/json"),
        row("POST", instances + "?id=bad%20id", JSON, "{}", 400, "invalid instance id"),
        row("POST", instances + "?id=" + "x".repeat(65), JSON, "{}", 400, "invalid instance id"),
        row("POST", instances + "?id=waiting-1", JSON, "{}", 409, "already exists"),
        row("POST", instances, JSON, "[\"" + BIG + "\"]", 413, "larger than"),
        row("POST", "/api/v1/workflows/test/nothing/1.0.0/instances", JSON, "{}", 404, "nothing"),
        row("POST", "/api/v1/workflows/test/hello/9.9.9/instances", JSON, "{}", 404, "9.9.9"),
        // reading instances
        row("GET", "/api/v1/instances/nobody", null, null, 404, "nobody"),
        row("GET", "/api/v1/instances/bad%24id", null, null, 400, "invalid instance id"),
        row("GET", "/api/v1/instances/waiting-1?wait=abc", null, null, 400, "wait='abc'"),
        row("GET", "/api/v1/instances/waiting-1?wait=-1", null, null, 400, "wait='-1'"),
        row("GET", "/api/v1/instances?status=sleeping", null, null, 400, "sleeping"),
        row("GET", "/api/v1/instances?limit=0", null, null, 400, "limit='0'"),
        row("GET", "/api/v1/instances?limit=many", null, null, 400, "limit='many'"),
        row("GET", "/api/v1/instances?cursor=garbage", null, null, 400, "cursor"),
        row("GET", "/api/v1/instances/nobody/history", null, null, 404, "nobody"),
        // steering instances
        row("POST", "/api/v1/instances/nobody/suspend", null, null, 404, "nobody"),
        row("POST", "/api/v1/instances/waiting-1/resume", null, null, 409, "cannot resume"),
        row("POST", "/api/v1/instances/done-1/suspend", null, null, 409, "completed"),
        row("POST", "/api/v1/instances/done-1/cancel", null, null, 409, "completed"),
        row("POST", "/api/v1/instances/done-1/events/approve", JSON, "{}", 409, "completed"),
        row("POST", "/api/v1/instances/waiting-1/events/approve", JSON, "{oops", 400, "JSON"),
        row(
            "POST",
            "/api/v1/instances/waiting-1/events/approve",
            "application/octet-stream",
            "x",
            415,
            "application/octet-stream"),
        row("POST", "/api/v1/instances/nobody/events/approve", JSON, "{}", 404, "nobody"),
        row("POST", "/api/v1/instances/waiting-1/events/approve", JSON, BIG, 413, "larger than"),
        row("DELETE", "/api/v1/instances/waiting-1", null, null, 409, "cannot purge"),
        row("DELETE", "/api/v1/instances/nobody", null, null, 404, "nobody"),
        // Dapr routes
        row("POST", "/v1.0/workflows/dapr/Nope/start", JSON, "{}", 404, "Nope"),
        row(
            "POST",
            "/v1.0/workflows/dapr/waiter/start?instanceID=bad!id",
            JSON,
            "{}",
            400,
            "invalid instance id"),
        row(
            "POST",
            "/v1.0/workflows/dapr/waiter/start?instanceID=waiting-1",
            JSON,
            "{}",
            409,
            "already exists"),
        row("POST", "/v1.0/workflows/dapr/waiter/start", JSON, "{nope", 400, "JSON"),
        row("GET", "/v1.0/workflows/dapr/nobody", null, null, 404, "nobody"),
        row("POST", "/v1.0/workflows/dapr/done-1/terminate", null, null, 409, "completed"),
        row("POST", "/v1.0-beta1/workflows/dapr/waiting-1/resume", null, null, 409, "resume"),
        row("POST", "/v1.0/workflows/dapr/waiting-1/purge", null, null, 409, "purge"),
        row("POST", "/v1.0/workflows/dapr/nobody/raiseEvent/go", JSON, "{}", 404, "nobody"),
        row("POST", "/v1.0/workflows/dapr/done-1/raiseEvent/go", JSON, "{}", 409, "completed"),
        row("POST", "/v1.0/workflows/dapr/nobody/pause", null, null, 404, "nobody"),
        row(
            "POST",
            "/api/v1/workflows",
            YAML,
            HELLO
                .replace("name: hello", "name: boxed")
                .replace(
                    "greet:\n      set:\n        greeting: ${ \"hello \" + .name }",
                    "box:\n      run:\n        container:\n          image: alpine"),
            422,
            "cannot run"),
        // events
        row(
            "POST",
            EVENTS,
            CE,
            "{\"specversion\":\"1.0\",\"source\":\"s\",\"type\":\"t\"}",
            400,
            "not valid"),
        row(
            "POST",
            EVENTS,
            CE,
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\"}",
            400,
            "not valid"),
        row("POST", EVENTS, CE, EVENT.replace("\"1.0\"", "\"0.1\""), 400, "not valid"),
        row("POST", EVENTS, CE, EVENT.replace("\"id\":\"e-1\"", "\"id\":\"\""), 400, "empty id"),
        row("POST", EVENTS, CE, "{\"specversion\":", 400, "not valid"),
        row("POST", EVENTS, CE_BATCH, "{}", 400, "JSON array"),
        row("POST", EVENTS, CE_BATCH, "[1]", 400, "/0 of the batch"),
        row("POST", EVENTS, CE_BATCH, "[" + EVENT + ",{\"id\":\"x\"}]", 400, "/1 of the batch"),
        row("POST", EVENTS, CE_BATCH, "[" + EVENT + ",", 400, "not valid JSON"),
        row("POST", EVENTS, JSON, EVENT, 400, "not a CloudEvent"),
        row("POST", EVENTS, null, EVENT, 400, "not a CloudEvent"),
        row("POST", EVENTS, "application/cloudevents+xml", "<e/>", 415, "does not read"),
        row("POST", EVENTS, CE, BIG, 413, "larger than"),
        row("GET", EVENTS, null, null, 405, "not allowed"),
        row("GET", "/no/such/route", null, null, 404, "no route"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void is_refused_with_a_problem_and_changes_nothing(Row row) {
    int instances = api.instanceCount();
    int definitions = api.definitionCount();
    InstanceState waiting = state("waiting-1");
    InstanceState done = state("done-1");

    assertProblem(
        api.send(row.method(), row.path(), row.contentType(), row.body()),
        row.status(),
        row.detail());

    assertThat(api.instanceCount()).isEqualTo(instances);
    assertThat(api.definitionCount()).isEqualTo(definitions);
    assertThat(state("waiting-1")).isEqualTo(waiting);
    assertThat(state("done-1")).isEqualTo(done);
  }

  private static InstanceState state(String id) {
    return api.server.engine().client().getInstance(id).orElseThrow();
  }
}
