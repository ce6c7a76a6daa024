package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.workflows.scenarios.Stub.Reply;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario 01: flight, then hotel, then charge; a failure cancels what was reserved. */
class TaskChainingIT extends ScenarioBase {

  private String workflow;

  @BeforeEach
  void deploy() {
    stub.on(
            "POST",
            "/flights/reservations",
            call ->
                Reply.ok(
                    Map.of(
                        "id",
                        "FL-1",
                        "to",
                        call.body().path("to").asText(),
                        "arrival",
                        "2026-12-01T10:00:00Z",
                        "price",
                        300)))
        .on(
            "POST",
            "/hotels/reservations",
            call ->
                call.body().path("city").asText().equals("Atlantis")
                    ? Reply.status(503, Map.of("error", "no hotels under water"))
                    : Reply.ok(
                        Map.of(
                            "id",
                            "HT-1",
                            "city",
                            call.body().path("city").asText(),
                            "price",
                            100 * call.body().path("nights").asInt())))
        .on(
            "POST",
            "/payments/charges",
            call ->
                call.body().path("card").asText().equals("declined")
                    ? Reply.status(402, Map.of("error", "card declined"))
                    : Reply.ok(Map.of("id", "CH-1", "amount", call.body().path("amount").asInt())))
        .on(
            "DELETE",
            "/hotels/reservations/:id",
            call -> Reply.ok(Map.of("cancelled", call.param("id"))))
        .on(
            "DELETE",
            "/flights/reservations/:id",
            call -> Reply.ok(Map.of("cancelled", call.param("id"))));
    workflow = swirl.deploy("01-task-chaining");
  }

  private String book(String to, String card) {
    return swirl.start(
        workflow,
        input(
            "{trip: {traveller: 'ada', from: 'LHR', to: '"
                + to
                + "', nights: 4, card: '"
                + card
                + "'}}",
            "flights",
            "hotels",
            "payments"));
  }

  @Test
  void each_step_feeds_the_next_and_the_trip_is_booked() {
    String id = book("Lisbon", "4111");

    JsonNode output = swirl.awaitOutput(id);

    assertThat(output)
        .isEqualTo(
            json("{booked: true, flight: 'FL-1', hotel: 'HT-1', charge: 'CH-1', total: 700}"));
    assertThat(stub.calls().get(1).body())
        .isEqualTo(
            json("{guest: 'ada', city: 'Lisbon', checkIn: '2026-12-01T10:00:00Z', nights: 4}"));
    assertThat(stub.calls().get(2).body())
        .isEqualTo(json("{card: '4111', amount: 700, reference: 'FL-1/HT-1'}"));
    assertThat(swirl.history(id).httpCalls())
        .containsExactly(
            "POST /flights/reservations", "POST /hotels/reservations", "POST /payments/charges");
  }

  @Test
  void a_declined_charge_cancels_the_hotel_then_the_flight() {
    String id = book("Lisbon", "declined");

    JsonNode output = swirl.awaitOutput(id);

    assertThat(output.path("booked").asBoolean()).isFalse();
    assertThat(output.path("cancelled")).isEqualTo(json("['HT-1', 'FL-1']"));
    assertThat(output.path("failedAt").asText()).isEqualTo("/do/0/book/try/2/charge");
    History history = swirl.history(id);
    assertThat(history.httpCalls())
        .containsExactly(
            "POST /flights/reservations",
            "POST /hotels/reservations",
            "POST /payments/charges",
            "DELETE /hotels/reservations/HT-1",
            "DELETE /flights/reservations/FL-1");
    assertThat(history.failedTasks()).hasSize(1);
  }

  @Test
  void a_failed_hotel_reservation_cancels_only_the_flight() {
    String id = book("Atlantis", "4111");

    JsonNode output = swirl.awaitOutput(id);

    assertThat(output.path("booked").asBoolean()).isFalse();
    assertThat(output.path("cancelled")).isEqualTo(json("['FL-1']"));
    assertThat(output.path("failedAt").asText()).isEqualTo("/do/0/book/try/1/reserveHotel");
    assertThat(swirl.history(id).httpCalls())
        .containsExactly(
            "POST /flights/reservations",
            "POST /hotels/reservations",
            "DELETE /flights/reservations/FL-1");
    assertThat(stub.requests("/payments")).isEmpty();
  }
}
