package io.swirl.server.http;

import static io.swirl.server.http.ApiClient.assertProblem;
import static io.swirl.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/events}: CloudEvents in all three HTTP modes, over real HTTP. */
class EventsIT {

  static final String CE = "application/cloudevents+json";

  /** Waits for an approval correlated by order, after an optional pause. */
  static final String APPROVAL =
      """
      document: { dsl: '1.0.0', namespace: test, name: approval, version: '1.0.0' }
      do:
        - pause:
            wait: { milliseconds: 300 }
        - approved:
            listen:
              to:
                one:
                  with: { type: com.example.approved }
                  correlate:
                    order: { from: .data.order, expect: '${ .order }' }
            output:
              as: '${ .[0] }'
      """;

  /** Reads two events of one type, one after the other. */
  static final String TWICE =
      """
      document: { dsl: '1.0.0', namespace: test, name: twice, version: '1.0.0' }
      do:
        - first:
            listen: { to: { one: { with: { type: com.example.tick } } } }
            export: { as: '${ { first: .[0] } }' }
        - second:
            listen: { to: { one: { with: { type: com.example.tick } } } }
            output:
              as: '${ { first: $context.first, second: .[0] } }'
      """;

  static final String ON_ORDER =
      """
      document: { dsl: '1.0.0', namespace: test, name: on-order, version: '1.0.0' }
      schedule:
        on:
          one:
            with: { type: com.example.ordered }
      do:
        - keep:
            set:
              order: ${ .[0].data.order }
              source: ${ .[0].source }
      """;

  static final String SHOUT =
      """
      document: { dsl: '1.0.0', namespace: test, name: shout, version: '1.0.0' }
      do:
        - tell:
            emit:
              event:
                with:
                  source: https://swirl.test/shout
                  type: com.example.shouted
                  data:
                    word: ${ .word }
      """;

  @TempDir Path dir;

  static String event(String id, String type, String data) {
    return """
        {"specversion":"1.0","id":"%s","source":"/shop","type":"%s",\
        "datacontenttype":"application/json","data":%s}"""
        .formatted(id, type, data);
  }

  static JsonNode accepted(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response);
  }

  @Test
  void a_structured_event_reaches_the_instance_whose_key_it_carries() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      api.register(APPROVAL);
      String one = api.start("/api/v1/workflows/test/approval/1.0.0", "{\"order\":1}");
      String two = api.start("/api/v1/workflows/test/approval/1.0.0", "{\"order\":2}");
      api.awaitInstance(two, "waiting"::equals);

      JsonNode answer =
          accepted(
              api.post(
                  "/api/v1/events", CE, event("a-2", "com.example.approved", "{\"order\":2}")));

      assertThat(answer.path("id").asText()).isEqualTo("a-2");
      assertThat(answer.path("source").asText()).isEqualTo("/shop");
      assertThat(answer.path("duplicate").asBoolean()).isFalse();
      assertThat(answer.path("delivered").asInt()).isEqualTo(2);
      JsonNode done = api.awaitInstance(two, "completed"::equals);
      assertThat(done.path("output").path("order").asInt()).isEqualTo(2);
      assertThat(json(api.get("/api/v1/instances/" + one)).path("status").asText())
          .isEqualTo("waiting");
    }
  }

  @Test
  void a_binary_mode_event_carries_its_data_as_the_body() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      api.register(APPROVAL);
      String id = api.start("/api/v1/workflows/test/approval/1.0.0", "{\"order\":5}");

      accepted(
          api.send(
              "POST",
              "/api/v1/events",
              "application/json",
              Map.of(
                  "ce-specversion", "1.0",
                  "ce-id", "b-5",
                  "ce-source", "/shop",
                  "ce-type", "com.example.approved",
                  "ce-subject", "order-5"),
              "{\"order\":5,\"by\":\"ada\"}"));

      JsonNode done = api.awaitInstance(id, "completed"::equals);
      assertThat(done.path("output").path("by").asText()).isEqualTo("ada");
    }
  }

  @Test
  void a_binary_mode_event_without_its_required_headers_is_refused() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      assertProblem(
          api.send(
              "POST",
              "/api/v1/events",
              "application/json",
              Map.of("ce-specversion", "1.0", "ce-source", "/shop", "ce-type", "t"),
              "{}"),
          400,
          "not valid");
    }
  }

  @Test
  void a_batch_delivers_each_event_and_answers_for_each() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      api.register(TWICE);
      String id = api.start("/api/v1/workflows/test/twice/1.0.0", "{}");

      JsonNode answer =
          accepted(
              api.post(
                  "/api/v1/events",
                  "application/cloudevents-batch+json",
                  "["
                      + event("t-1", "com.example.tick", "{\"n\":1}")
                      + ","
                      + event("t-2", "com.example.tick", "{\"n\":2}")
                      + "]"));

      assertThat(answer.path("events")).hasSize(2);
      assertThat(answer.path("events").get(1).path("id").asText()).isEqualTo("t-2");
      JsonNode done = api.awaitInstance(id, "completed"::equals);
      assertThat(done.path("output").path("first").path("n").asInt()).isEqualTo(1);
      assertThat(done.path("output").path("second").path("n").asInt()).isEqualTo(2);
    }
  }

  @Test
  void an_event_sent_twice_is_delivered_once() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      api.register(TWICE);
      String id = api.start("/api/v1/workflows/test/twice/1.0.0", "{}");
      api.awaitInstance(id, "waiting"::equals);

      accepted(api.post("/api/v1/events", CE, event("d-1", "com.example.tick", "{\"n\":1}")));
      JsonNode again =
          accepted(api.post("/api/v1/events", CE, event("d-1", "com.example.tick", "{\"n\":1}")));
      assertThat(again.path("duplicate").asBoolean()).isTrue();
      assertThat(again.path("delivered").asInt()).isZero();
      accepted(api.post("/api/v1/events", CE, event("d-2", "com.example.tick", "{\"n\":2}")));

      JsonNode done = api.awaitInstance(id, "completed"::equals);
      assertThat(done.path("output").path("second").path("n").asInt()).isEqualTo(2);
    }
  }

  @Test
  void a_refused_batch_stores_none_of_its_events() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      String good = event("g-1", "com.example.tick", "{}");
      assertProblem(
          api.post(
              "/api/v1/events",
              "application/cloudevents-batch+json",
              "[" + good + ",{\"specversion\":\"1.0\",\"id\":\"x\"}]"),
          400,
          "/1 of the batch");

      JsonNode answer = accepted(api.post("/api/v1/events", CE, good));
      assertThat(answer.path("duplicate").asBoolean()).isFalse();
    }
  }

  @Test
  void schedule_on_starts_an_instance_with_the_event_as_input_once() throws Exception {
    try (ApiClient api = ApiClient.start(dir)) {
      api.register(ON_ORDER);

      JsonNode answer =
          accepted(
              api.post("/api/v1/events", CE, event("o-1", "com.example.ordered", "{\"order\":9}")));
      accepted(
          api.post("/api/v1/events", CE, event("o-1", "com.example.ordered", "{\"order\":9}")));

      assertThat(answer.path("started")).hasSize(1);
      String id = answer.path("started").get(0).asText();
      JsonNode done = api.awaitInstance(id, "completed"::equals);
      assertThat(done.path("output").path("order").asInt()).isEqualTo(9);
      assertThat(done.path("output").path("source").asText()).isEqualTo("/shop");
      assertThat(done.path("input").get(0).path("id").asText()).isEqualTo("o-1");
      assertThat(api.instanceCount()).isEqualTo(1);
    }
  }

  @Test
  void an_event_accepted_before_the_listen_and_a_restart_is_still_delivered() throws Exception {
    String id;
    SwirlServer.Settings settings = ApiClient.settings(dir);
    try (ApiClient api = ApiClient.start(settings)) {
      api.register(APPROVAL.replace("milliseconds: 300", "seconds: 2"));
      id = api.start("/api/v1/workflows/test/approval/1.0.0", "{\"order\":3}");
      JsonNode answer =
          accepted(
              api.post(
                  "/api/v1/events", CE, event("r-3", "com.example.approved", "{\"order\":3}")));
      assertThat(answer.path("delivered").asInt()).isEqualTo(1);
      assertThat(json(api.get("/api/v1/instances/" + id)).path("status").asText())
          .isNotEqualTo("completed");
    }
    try (ApiClient api = ApiClient.start(settings)) {
      JsonNode done = api.awaitInstance(id, "completed"::equals);
      assertThat(done.path("output").path("order").asInt()).isEqualTo(3);
    }
  }

  @Test
  void emit_posts_the_event_to_the_configured_sink() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<String> received = new CopyOnWriteArrayList<>();
    List<String> types = new CopyOnWriteArrayList<>();
    try {
      HttpServer sink =
          vertx
              .createHttpServer()
              .requestHandler(
                  request ->
                      request
                          .body()
                          .onSuccess(
                              body -> {
                                types.add(request.getHeader("Content-Type"));
                                received.add(body.toString());
                                request.response().setStatusCode(202).end();
                              }))
              .listen(0, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      URI target = URI.create("http://127.0.0.1:" + sink.actualPort() + "/events");
      try (ApiClient api = ApiClient.start(ApiClient.settings(dir).withEventSink(target))) {
        api.register(SHOUT);
        String id = api.start("/api/v1/workflows/test/shout/1.0.0", "{\"word\":\"hey\"}");
        api.awaitInstance(id, "completed"::equals);
      }
      assertThat(types).containsExactly(CE);
      JsonNode event = ApiClient.JSON.readTree(received.get(0));
      assertThat(event.path("type").asText()).isEqualTo("com.example.shouted");
      assertThat(event.path("source").asText()).isEqualTo("https://swirl.test/shout");
      assertThat(event.path("data").path("word").asText()).isEqualTo("hey");
      assertThat(event.path("id").asText()).isNotEmpty();
      assertThat(event.path("specversion").asText()).isEqualTo("1.0");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
