package io.swirl.server.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.server.cli.CliRun;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swirl send-event} against a small local HTTP server that records what it receives and
 * answers as the event intake does.
 */
class SendEventIT {

  record Received(String method, String path, MultiMap headers, String body) {}

  @TempDir Path dir;

  Vertx vertx;
  HttpServer server;
  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  volatile int status = 202;
  volatile String answer = "";

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              received.add(
                                  new Received(
                                      request.method().name(),
                                      request.path(),
                                      MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                                      body.toString()));
                              request
                                  .response()
                                  .setStatusCode(status)
                                  .putHeader(
                                      "Content-Type",
                                      status >= 400
                                          ? "application/problem+json"
                                          : "application/json")
                                  .end(answer);
                            }))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  CliRun sendEvent(String... args) {
    return new Cli("http://127.0.0.1:" + server.actualPort()).run(args);
  }

  Received request() throws InterruptedException {
    Received request = received.poll(10, TimeUnit.SECONDS);
    assertThat(request).as("the request the server received").isNotNull();
    return request;
  }

  @Test
  void posts_a_structured_cloudevent_with_every_attribute_given() throws Exception {
    CliRun run =
        sendEvent(
            "send-event",
            "--type",
            "com.example.order.placed",
            "--source",
            "/shop/orders",
            "--id",
            "evt-1",
            "--subject",
            "order-7",
            "--data",
            "{\"total\": 42}");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo("event evt-1 accepted (type com.example.order.placed, source /shop/orders)\n");

    Received request = request();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v1/events");
    assertThat(request.headers().get("Content-Type")).isEqualTo("application/cloudevents+json");
    assertThat(request.headers().get("Authorization")).isNull();
    JsonNode event = CliRun.JSON.readTree(request.body());
    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
    assertThat(event.path("id").asText()).isEqualTo("evt-1");
    assertThat(event.path("type").asText()).isEqualTo("com.example.order.placed");
    assertThat(event.path("source").asText()).isEqualTo("/shop/orders");
    assertThat(event.path("subject").asText()).isEqualTo("order-7");
    assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(event.path("data")).isEqualTo(CliRun.JSON.readTree("{\"total\": 42}"));
    assertThat(event.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void defaults_are_source_swirl_cli_a_random_uuid_and_no_data() throws Exception {
    CliRun run = sendEvent("send-event", "--type", "ping", "--json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode event = CliRun.JSON.readTree(request().body());
    assertThat(event.path("source").asText()).isEqualTo("swirl-cli");
    assertThat(event.path("id").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(event.has("data")).isFalse();
    assertThat(event.has("subject")).isFalse();
    // The answer had no body: --json prints the event as sent.
    assertThat(run.json().path("id").asText()).isEqualTo(event.path("id").asText());
  }

  @Test
  void data_can_come_from_a_file_and_json_prints_the_servers_answer() throws Exception {
    Path data = dir.resolve("data.json");
    Files.writeString(data, "[1, 2, 3]");
    answer = "{\"accepted\":\"evt-2\"}";
    CliRun run =
        sendEvent("send-event", "--type", "t", "--id", "evt-2", "--data", "@" + data, "--json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.json().path("accepted").asText()).isEqualTo("evt-2");
    assertThat(CliRun.JSON.readTree(request().body()).path("data"))
        .isEqualTo(CliRun.JSON.readTree("[1,2,3]"));
  }

  @Test
  void a_refusal_exits_1_with_the_problem_on_stderr() throws Exception {
    status = 400;
    answer =
        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"the event has no subscriber\"}";
    CliRun run = sendEvent("send-event", "--type", "t");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("swirl send-event: Bad Request (400): the event has no subscriber\n");
  }

  @Test
  void a_missing_type_or_bad_data_is_a_usage_error_and_nothing_is_sent() {
    CliRun noType = sendEvent("send-event");
    assertThat(noType.exitCode()).as(noType.toString()).isEqualTo(2);
    assertThat(noType.err()).contains("--type");
    CliRun badData = sendEvent("send-event", "--type", "t", "--data", "{");
    assertThat(badData.exitCode()).as(badData.toString()).isEqualTo(2);
    assertThat(badData.err()).contains("--data: '{' is not JSON");
    CliRun badSource = sendEvent("send-event", "--type", "t", "--source", "a b");
    assertThat(badSource.exitCode()).as(badSource.toString()).isEqualTo(2);
    assertThat(badSource.err()).contains("--source 'a b' is not a URI reference");
    assertThat(received).isEmpty();
  }
}
