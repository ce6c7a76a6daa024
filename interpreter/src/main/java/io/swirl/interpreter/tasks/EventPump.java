package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.OrchestrationContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one event channel of an instance. Every CloudEvent for the instance arrives as the engine's
 * external event {@link #CHANNEL} (its payload the structured JSON envelope). The pump pulls from
 * the engine only while some {@code listen} is active, offers each event to the active listeners in
 * the order they started, and keeps an event nobody wanted, in arrival order, for later listens.
 * Its state is a function of history: events are pulled in history order by engine callbacks.
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
  private final List<JsonNode> kept = new ArrayList<>();
  private final List<Listener> listeners = new ArrayList<>();
  private boolean pulling;

  EventPump(OrchestrationContext ctx) {
    this.ctx = ctx;
  }

  /** Starts offering events to {@code listener}, kept ones first. */
  void subscribe(Listener listener) {
    listeners.add(listener);
    for (Iterator<JsonNode> it = kept.iterator(); it.hasNext() && listeners.contains(listener); ) {
      if (listener.offer(it.next())) {
        it.remove();
      }
    }
    pull();
  }

  void unsubscribe(Listener listener) {
    listeners.remove(listener);
  }

  private void pull() {
    if (pulling || listeners.isEmpty()) {
      return;
    }
    pulling = true;
    ctx.waitForExternalEvent(CHANNEL, (java.time.Duration) null)
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
    kept.add(event);
  }
}
