package io.swirl.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.logging.Logger;

/** Receives CloudEvents (structured JSON): the ones {@code emit} publishes, or lifecycle events. */
@FunctionalInterface
public interface EventSink {

  /** Logs each event at FINE level. */
  EventSink LOG =
      event -> Logger.getLogger(EventSink.class.getName()).fine(() -> "event: " + event);

  /** Publishes {@code event}; throwing fails the publishing activity (which may be retried). */
  void publish(JsonNode event) throws Exception;
}
