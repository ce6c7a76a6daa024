package io.swirl.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.history.HistoryEvent;
import java.util.List;

/**
 * An accepted event and everything it causes, written by {@link Store#publishEvent} in one
 * transaction: the event is recorded under its key (a key seen before makes the whole publication a
 * duplicate that writes nothing), delivered to the inbox of every live instance of the named
 * orchestrations, and the instances it starts are created.
 *
 * @param source with {@code id}, the event's key (CloudEvents: unique per source)
 * @param id the event's id
 * @param type the event's type, kept for operators
 * @param envelope the event as stored and delivered
 * @param channel the event name instances receive it under
 * @param deliverTo orchestration names whose pending, running or suspended instances get the event
 * @param starts instances the event starts (an id already taken is skipped)
 */
public record PublishedEvent(
    String source,
    String id,
    String type,
    JsonNode envelope,
    String channel,
    List<String> deliverTo,
    List<NewInstance> starts) {

  public PublishedEvent {
    deliverTo = List.copyOf(deliverTo);
    starts = List.copyOf(starts);
  }

  /** The inbox message each live instance of {@link #deliverTo} gets. */
  public HistoryEvent.EventRaised delivery() {
    return new HistoryEvent.EventRaised(channel, envelope);
  }

  /**
   * What publishing did.
   *
   * @param duplicate true when the key was seen before: nothing was written
   * @param delivered how many inboxes got the event
   * @param started the ids of the instances created
   */
  public record Result(boolean duplicate, int delivered, List<String> started) {

    public Result {
      started = List.copyOf(started);
    }
  }
}
