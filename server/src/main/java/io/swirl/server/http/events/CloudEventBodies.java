package io.swirl.server.http.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import io.swirl.server.http.ApiException;
import io.swirl.server.http.Bodies;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CloudEvents of a request in any of the three HTTP modes, with the CloudEvents SDK:
 * structured ({@code application/cloudevents+json}), binary ({@code ce-*} headers, the body is the
 * data) and batch ({@code application/cloudevents-batch+json}, a JSON array of structured events).
 * Each event comes back as its structured JSON form, the envelope instances receive: JSON data as
 * {@code data}, text as a string, anything else as {@code data_base64}.
 */
final class CloudEventBodies {

  static final String STRUCTURED = "application/cloudevents+json";
  static final String BATCH = "application/cloudevents-batch+json";

  /** Writes JSON data as JSON and text data as a string. */
  private static final JsonFormat FORMAT = new JsonFormat(false, true);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CloudEventBodies() {}

  /**
   * The events of a request.
   *
   * @param batch true when the request was a batch (its answer lists one result per event)
   */
  record Read(List<JsonNode> events, boolean batch) {}

  /**
   * @throws ApiException 400 naming what is wrong (and which event of a batch), 415 for a
   *     structured format other than JSON
   */
  static Read read(RoutingContext ctx) {
    String type = Bodies.mediaType(ctx);
    byte[] body = ctx.body() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (BATCH.equals(type)) {
      return new Read(batch(body), true);
    }
    if (type != null && type.startsWith("application/cloudevents") && !STRUCTURED.equals(type)) {
      throw ApiException.unsupportedMediaType(
          "Content-Type '"
              + type
              + "' is a CloudEvents format Swirl does not read; send "
              + STRUCTURED
              + ", "
              + BATCH
              + " or binary mode (ce-* headers)");
    }
    if (!STRUCTURED.equals(type) && ctx.request().getHeader("ce-specversion") == null) {
      throw ApiException.badRequest(
          "the request is not a CloudEvent: send it structured (Content-Type "
              + STRUCTURED
              + "), in binary mode (ce-specversion, ce-id, ce-source and ce-type headers with the"
              + " data as the body) or as a batch ("
              + BATCH
              + ")");
    }
    Map<String, String> headers = new HashMap<>();
    ctx.request()
        .headers()
        .forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    CloudEvent event;
    try {
      MessageReader reader = HttpMessageFactory.createReader(headers, body);
      event = reader.toEvent();
    } catch (CloudEventRWException | EventDeserializationException | IllegalStateException e) {
      throw invalid("the CloudEvent", e);
    }
    return new Read(List.of(envelope(event, "the CloudEvent")), false);
  }

  private static List<JsonNode> batch(byte[] body) {
    JsonNode array =
        Bodies.parseJson(new String(body, java.nio.charset.StandardCharsets.UTF_8), "the batch");
    if (!array.isArray()) {
      throw ApiException.badRequest("a batch of CloudEvents is a JSON array, not " + kind(array));
    }
    List<JsonNode> events = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String what = "CloudEvent /" + i + " of the batch";
      JsonNode item = array.get(i);
      if (!item.isObject()) {
        throw ApiException.badRequest(what + " is " + kind(item) + ", not an object");
      }
      CloudEvent event;
      try {
        event = FORMAT.deserialize(MAPPER.writeValueAsBytes(item));
      } catch (CloudEventRWException | EventDeserializationException | IOException e) {
        throw invalid(what, e);
      }
      events.add(envelope(event, what));
    }
    return events;
  }

  private static JsonNode envelope(CloudEvent event, String what) {
    if (event.getId().isBlank()) {
      throw ApiException.badRequest(what + " has an empty id");
    }
    if (event.getSource().toString().isEmpty()) {
      throw ApiException.badRequest(what + " has an empty source");
    }
    if (event.getType().isBlank()) {
      throw ApiException.badRequest(what + " has an empty type");
    }
    try {
      return MAPPER.readTree(FORMAT.serialize(event));
    } catch (IOException | RuntimeException e) {
      throw invalid(what, e);
    }
  }

  private static ApiException invalid(String what, Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return ApiException.badRequest(what + " is not valid: " + message);
  }

  private static String kind(JsonNode node) {
    return node.isNull() ? "null" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
