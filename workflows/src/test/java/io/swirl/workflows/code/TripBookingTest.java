package io.swirl.workflows.code;

import static io.swirl.workflows.code.Workflows.awaitCompletion;
import static io.swirl.workflows.code.Workflows.scheduledActivities;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.workflows.code.TripBooking.Charge;
import io.swirl.workflows.code.TripBooking.TravelAgency;
import io.swirl.workflows.code.TripBooking.TripRequest;
import io.swirl.workflows.code.TripBooking.TripResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TripBookingTest {

  @TempDir Path dir;

  private final TravelAgency agency = new TravelAgency(40_000, 10_000);
  private Engine engine;
  private EngineClient client;

  @BeforeEach
  void start() {
    engine = Workflows.engineIn(dir);
    TripBooking.register(engine, agency);
    engine.start();
    client = engine.client();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void each_step_feeds_the_next_and_the_trip_is_confirmed() {
    String id = client.scheduleNew(TripBooking.WORKFLOW, new TripRequest("ada", "LIS", 3));

    InstanceState state = awaitCompletion(client, id);

    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(engine.mapper().convertValue(state.output(), TripResult.class))
        .isEqualTo(new TripResult(true, "FL-ada-LIS", "HT-ada-LIS", "RCPT-1", null));
    assertThat(agency.charges()).containsExactly(new Charge("ada", 40_000 + 3 * 10_000));
    assertThat(scheduledActivities(client, id))
        .containsExactly("bookFlight", "bookHotel", "chargeCard");
  }

  @Test
  void declined_payment_cancels_the_hotel_then_the_flight_and_ends_cancelled() {
    agency.cardLimit(50_000);
    String id = client.scheduleNew(TripBooking.WORKFLOW, new TripRequest("ada", "LIS", 3));

    InstanceState state = awaitCompletion(client, id);

    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    TripResult result = engine.mapper().convertValue(state.output(), TripResult.class);
    assertThat(result.confirmed()).isFalse();
    assertThat(result.failureReason()).startsWith("card declined");
    assertThat(scheduledActivities(client, id))
        .containsExactly("bookFlight", "bookHotel", "chargeCard", "cancelHotel", "cancelFlight");
    assertThat(agency.cancellations()).containsExactly("HT-ada-LIS", "FL-ada-LIS");
    assertThat(agency.flights()).isEmpty();
    assertThat(agency.hotels()).isEmpty();
    assertThat(agency.charges()).isEmpty();
  }

  @Test
  void failure_in_the_second_step_undoes_only_the_first() {
    String id = client.scheduleNew(TripBooking.WORKFLOW, new TripRequest("ada", "LIS", 0));

    TripResult result =
        engine.mapper().convertValue(awaitCompletion(client, id).output(), TripResult.class);

    assertThat(result).isEqualTo(TripResult.cancelled("a stay needs at least one night"));
    assertThat(scheduledActivities(client, id))
        .containsExactly("bookFlight", "bookHotel", "cancelFlight");
    assertThat(agency.cancellations()).containsExactly("FL-ada-LIS");
  }
}
