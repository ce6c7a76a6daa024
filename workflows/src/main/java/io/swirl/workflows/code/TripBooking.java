package io.swirl.workflows.code;

import io.swirl.engine.Engine;
import io.swirl.engine.NonRetriableException;
import io.swirl.engine.OrchestrationContext;
import io.swirl.engine.TaskFailedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task chaining with an error handler: book a flight, then a hotel, then charge the card, each step
 * feeding the next. When a later step fails, the steps already done are undone by compensation
 * activities, in reverse order (a saga), and the trip ends cancelled with the reason.
 */
public final class TripBooking {

  public static final String WORKFLOW = "tripBooking";

  private TripBooking() {}

  /** What the traveller asks for. */
  public record TripRequest(String traveller, String destination, int nights) {}

  public record FlightBooked(String confirmation, long priceCents) {}

  public record HotelBooked(String confirmation, long priceCents) {}

  public record Charge(String traveller, long amountCents) {}

  /** The trip's outcome: confirmed with its bookings, or cancelled with the reason. */
  public record TripResult(
      boolean confirmed, String flight, String hotel, String receipt, String failureReason) {

    static TripResult confirmed(String flight, String hotel, String receipt) {
      return new TripResult(true, flight, hotel, receipt, null);
    }

    static TripResult cancelled(String reason) {
      return new TripResult(false, null, null, null, reason);
    }
  }

  /** Registers the workflow and its activities, which act on {@code agency}. */
  public static void register(Engine engine, TravelAgency agency) {
    engine.registerActivity(
        "bookFlight", ctx -> agency.bookFlight(ctx.getInput(TripRequest.class)));
    engine.registerActivity("bookHotel", ctx -> agency.bookHotel(ctx.getInput(TripRequest.class)));
    engine.registerActivity("chargeCard", ctx -> agency.charge(ctx.getInput(Charge.class)));
    engine.registerActivity("cancelFlight", ctx -> agency.cancelFlight(ctx.getInput(String.class)));
    engine.registerActivity("cancelHotel", ctx -> agency.cancelHotel(ctx.getInput(String.class)));
    engine.registerOrchestrator(WORKFLOW, TripBooking::run);
  }

  static TripResult run(OrchestrationContext ctx) {
    TripRequest trip = ctx.getInput(TripRequest.class);
    // Compensations for the steps done so far, most recent first.
    Deque<Runnable> undo = new ArrayDeque<>();
    try {
      FlightBooked flight = ctx.callActivity("bookFlight", trip, FlightBooked.class).await();
      undo.push(() -> ctx.callActivity("cancelFlight", flight.confirmation(), Void.class).await());

      HotelBooked hotel = ctx.callActivity("bookHotel", trip, HotelBooked.class).await();
      undo.push(() -> ctx.callActivity("cancelHotel", hotel.confirmation(), Void.class).await());

      Charge charge = new Charge(trip.traveller(), flight.priceCents() + hotel.priceCents());
      String receipt = ctx.callActivity("chargeCard", charge, String.class).await();
      return TripResult.confirmed(flight.confirmation(), hotel.confirmation(), receipt);
    } catch (TaskFailedException e) {
      undo.forEach(Runnable::run);
      return TripResult.cancelled(e.failure().message());
    }
  }

  /**
   * An in-memory travel agency: flights, hotels and a card with a limit. Thread-safe; activities
   * may run concurrently.
   */
  public static final class TravelAgency {

    private final long flightPriceCents;
    private final long hotelNightCents;
    private final Map<String, String> flights = new ConcurrentHashMap<>();
    private final Map<String, String> hotels = new ConcurrentHashMap<>();
    private final List<Charge> charges = new ArrayList<>();
    private final List<String> cancellations = new ArrayList<>();
    private long cardLimitCents = Long.MAX_VALUE;

    public TravelAgency(long flightPriceCents, long hotelNightCents) {
      this.flightPriceCents = flightPriceCents;
      this.hotelNightCents = hotelNightCents;
    }

    FlightBooked bookFlight(TripRequest trip) {
      String confirmation = "FL-" + trip.traveller() + "-" + trip.destination();
      flights.put(confirmation, trip.traveller());
      return new FlightBooked(confirmation, flightPriceCents);
    }

    HotelBooked bookHotel(TripRequest trip) {
      if (trip.nights() <= 0) {
        throw new NonRetriableException("hotel.invalid", "a stay needs at least one night", null);
      }
      String confirmation = "HT-" + trip.traveller() + "-" + trip.destination();
      hotels.put(confirmation, trip.traveller());
      return new HotelBooked(confirmation, hotelNightCents * trip.nights());
    }

    synchronized String charge(Charge charge) {
      if (charge.amountCents() > cardLimitCents) {
        throw new NonRetriableException(
            "payment.declined",
            "card declined: " + charge.amountCents() + " cents is over the limit",
            null);
      }
      charges.add(charge);
      return "RCPT-" + charges.size();
    }

    synchronized String cancelFlight(String confirmation) {
      flights.remove(confirmation);
      cancellations.add(confirmation);
      return confirmation;
    }

    synchronized String cancelHotel(String confirmation) {
      hotels.remove(confirmation);
      cancellations.add(confirmation);
      return confirmation;
    }

    /** Cards are declined above this amount. */
    public synchronized TravelAgency cardLimit(long cents) {
      cardLimitCents = cents;
      return this;
    }

    public Map<String, String> flights() {
      return Map.copyOf(flights);
    }

    public Map<String, String> hotels() {
      return Map.copyOf(hotels);
    }

    public synchronized List<Charge> charges() {
      return List.copyOf(charges);
    }

    /** Confirmations cancelled, in the order the compensations ran. */
    public synchronized List<String> cancellations() {
      return List.copyOf(cancellations);
    }
  }
}
