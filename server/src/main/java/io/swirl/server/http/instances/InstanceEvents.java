package io.swirl.server.http.instances;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.engine.EngineClient;
import io.swirl.engine.IllegalInstanceStateException;
import io.swirl.engine.InstanceNotFoundException;
import io.swirl.engine.InstanceState;
import io.swirl.interpreter.SlwfRuntime;
import java.time.Instant;
import java.util.UUID;

/**
 * Raises an event on one instance. A DSL instance gets a CloudEvent whose {@code type} is the event
 * name and whose {@code data} is the payload, on the interpreter's one event channel, so its {@code
 * listen} filters match it like any other event; a code workflow gets the payload under the name,
 * for {@code waitForExternalEvent}. Blocking.
 */
public final class InstanceEvents {

  private InstanceEvents() {}

  /**
   * @param data the payload; {@code null} for none
   * @param dataContentType the payload's media type, or null
   * @throws InstanceNotFoundException when the instance does not exist
   * @throws IllegalInstanceStateException when it has ended
   */
  public static void raise(
      EngineClient client, String id, String name, JsonNode data, String dataContentType) {
    InstanceState state =
        client.getInstance(id).orElseThrow(() -> new InstanceNotFoundException(id));
    if (state.isTerminal()) {
      throw new IllegalInstanceStateException(id, state.status(), "raise an event on");
    }
    if (state.definitionHash() == null) {
      client.raiseEvent(id, name, data);
      return;
    }
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("specversion", "1.0");
    event.put("id", UUID.randomUUID().toString());
    event.put("source", "/api/v1/instances/" + id);
    event.put("type", name);
    event.put("time", Instant.now().toString());
    if (data != null && !data.isNull()) {
      event.put("datacontenttype", dataContentType == null ? "application/json" : dataContentType);
      event.set("data", data);
    }
    SlwfRuntime.deliver(client, id, event);
  }
}
