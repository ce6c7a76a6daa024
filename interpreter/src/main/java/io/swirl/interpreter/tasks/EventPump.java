package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.OrchestrationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one event channel of an instance. Every CloudEvent for the instance arrives as the engine's
 * external event {@link #CHANNEL} (its payload the structured JSON envelope). The pump pulls from
 * the engine from the start of an instance whose definition listens, offers each event to the
 * active listeners in the order they started, and keeps an event nobody wanted, in arrival order,
 * for later listens — for the retention, measured from the step that received it: a listen that
 * starts later no longer sees it. Its state is a function of history: events are pulled in history
 * order by engine callbacks, and times are the engine's deterministic step times.
 */
public final class EventPump {

  /** The engine event name CloudEvents are delivered under. */
  public static final String CHANNEL = "swirl.cloudevent";

  /** A consumer of events. */
  interface Listener {
    /** True when the listener consumed {@code event}. */
    boolean offer(JsonNode event);
  }

  private final OrchestrationContext ctx;
  private final Duration retention;
  private final List<Kept> kept = new ArrayList<>();
  private final List<Listener> listeners = new ArrayList<>();
  private boolean pulling;

  private record Kept(JsonNode event, Instant receivedAt) {}

  /**
   * @param listens whether the definition has a {@code listen}: then the pump pulls at once
   */
  EventPump(OrchestrationContext ctx, Duration retention, boolean listens) {
    this.ctx = ctx;
    this.retention = retention;
    if (listens) {
      pull();
    }
  }

  /** Starts offering events to {@code listener}, kept ones (still within retention) first. */
  void subscribe(Listener listener) {
    listeners.add(listener);
    forgetExpired();
    for (Iterator<Kept> it = kept.iterator(); it.hasNext() && listeners.contains(listener); ) {
      if (listener.offer(it.next().event())) {
        it.remove();
      }
    }
    pull();
  }

  void unsubscribe(Listener listener) {
    listeners.remove(listener);
  }

  /** Waits for the next event unless already waiting. */
  private void pull() {
    if (pulling) {
      return;
    }
    pulling = true;
    ctx.waitForExternalEvent(CHANNEL, (Duration) null)
        .onDone(
            arrived -> {
              pulling = false;
              deliver(arrived.await());
              pull();
            });
  }

  private void deliver(JsonNode event) {
    for (Listener listener : List.copyOf(listeners)) {
      if (listeners.contains(listener) && listener.offer(event)) {
        return;
      }
    }
    forgetExpired();
    kept.add(new Kept(event, ctx.currentInstant()));
  }

  /** Drops kept events received longer ago than the retention. */
  private void forgetExpired() {
    Instant oldest = ctx.currentInstant().minus(retention);
    kept.removeIf(k -> k.receivedAt().isBefore(oldest));
  }
}
