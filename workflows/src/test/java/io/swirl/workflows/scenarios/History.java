package io.swirl.workflows.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An instance's durable history as GET /api/v1/instances/{id}/history answers it. */
record History(JsonNode events) {

  /** The history events of one type ({@code TaskScheduled}, {@code TimerCreated}, ...). */
  List<JsonNode> of(String type) {
    List<JsonNode> found = new ArrayList<>();
    events.forEach(
        e -> {
          if (e.path("type").asText().equals(type)) {
            found.add(e);
          }
        });
    return found;
  }

  /** The HTTP calls the workflow scheduled, in order, as {@code "POST /path"}. */
  List<String> httpCalls() {
    List<String> calls = new ArrayList<>();
    for (JsonNode scheduled : of("TaskScheduled")) {
      if (scheduled.path("name").asText().equals("swirl.call.http")) {
        JsonNode request = scheduled.path("input");
        calls.add(
            request.path("method").asText().toUpperCase(Locale.ROOT)
                + " "
                + URI.create(request.path("endpoint").path("uri").asText()).getPath());
      }
    }
    return calls;
  }

  /** The HTTP calls that failed (activity failures), as their failure details. */
  List<JsonNode> failedTasks() {
    return of("TaskFailed");
  }

  /** The CloudEvents delivered to the instance, in the order its history holds them. */
  List<JsonNode> deliveredEvents() {
    List<JsonNode> delivered = new ArrayList<>();
    for (JsonNode raised : of("EventRaised")) {
      delivered.add(raised.path("payload"));
    }
    return delivered;
  }

  /** The types of the events delivered to the instance, in order. */
  List<String> deliveredEventTypes() {
    return deliveredEvents().stream().map(e -> e.path("type").asText()).toList();
  }

  /** The durable timers the instance created. */
  List<JsonNode> timers() {
    return of("TimerCreated");
  }

  /** The event types of the history in order, for assertion messages. */
  @Override
  public String toString() {
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.path("type").asText()));
    return String.join(", ", types);
  }
}
