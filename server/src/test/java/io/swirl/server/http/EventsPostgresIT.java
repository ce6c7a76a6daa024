package io.swirl.server.http;

import static io.swirl.server.http.ApiClient.json;
import static io.swirl.server.http.EventsIT.APPROVAL;
import static io.swirl.server.http.EventsIT.CE;
import static io.swirl.server.http.EventsIT.ON_ORDER;
import static io.swirl.server.http.EventsIT.accepted;
import static io.swirl.server.http.EventsIT.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.store.postgres.PgTestDatabase;
import org.junit.jupiter.api.Test;

/** Two servers on one PostgreSQL database: an event sent to either reaches any instance. */
class EventsPostgresIT {

  @Test
  void an_event_sent_to_one_server_reaches_an_instance_started_on_the_other() throws Exception {
    try (PgTestDatabase db = PgTestDatabase.create();
        ApiClient first = new ApiClient(SwirlServer.start(settings(db)));
        ApiClient second = new ApiClient(SwirlServer.start(settings(db)))) {
      first.register(APPROVAL);
      String id = first.start("/api/v1/workflows/test/approval/1.0.0", "{\"order\":11}");
      first.awaitInstance(id, "waiting"::equals);

      JsonNode answer =
          accepted(
              second.post(
                  "/api/v1/events",
                  CE,
                  event("pg-11", "com.example.approved", "{\"order\":11,\"by\":\"ada\"}")));
      JsonNode again =
          accepted(
              first.post(
                  "/api/v1/events",
                  CE,
                  event("pg-11", "com.example.approved", "{\"order\":11,\"by\":\"ada\"}")));

      assertThat(answer.path("delivered").asInt()).isEqualTo(1);
      assertThat(again.path("duplicate").asBoolean()).isTrue();
      JsonNode done = second.awaitInstance(id, "completed"::equals);
      assertThat(done.path("output").path("by").asText()).isEqualTo("ada");
    }
  }

  @Test
  void schedule_on_starts_once_whichever_server_takes_the_event() throws Exception {
    try (PgTestDatabase db = PgTestDatabase.create();
        ApiClient first = new ApiClient(SwirlServer.start(settings(db)));
        ApiClient second = new ApiClient(SwirlServer.start(settings(db)))) {
      first.register(ON_ORDER);

      JsonNode answer =
          accepted(
              second.post(
                  "/api/v1/events", CE, event("pg-o1", "com.example.ordered", "{\"order\":5}")));
      accepted(
          first.post("/api/v1/events", CE, event("pg-o1", "com.example.ordered", "{\"order\":5}")));

      assertThat(answer.path("started")).hasSize(1);
      String id = answer.path("started").get(0).asText();
      assertThat(first.awaitInstance(id, "completed"::equals).path("output").path("order").asInt())
          .isEqualTo(5);
      assertThat(json(first.get("/api/v1/instances?namespace=test&name=on-order")).path("items"))
          .hasSize(1);
    }
  }

  private static SwirlServer.Settings settings(PgTestDatabase db) {
    return new SwirlServer.Settings("127.0.0.1", 0, db.url());
  }
}
