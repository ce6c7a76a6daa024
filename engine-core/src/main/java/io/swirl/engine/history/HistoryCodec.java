package io.swirl.engine.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The one place where history events meet their stored form: compact JSON with a {@code type}
 * member. Stores call it at their edge; nothing else switches on type names.
 */
public final class HistoryCodec {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private static final TypeReference<List<HistoryEvent>> EVENTS = new TypeReference<>() {};

  // Built once: a writer or reader made per call resolves the generic type every time.
  private static final ObjectWriter EVENTS_WRITER = MAPPER.writerFor(EVENTS);
  private static final ObjectReader EVENTS_READER = MAPPER.readerFor(EVENTS);
  private static final ObjectReader EVENT_READER = MAPPER.readerFor(HistoryEvent.class);

  private HistoryCodec() {}

  public static String encode(HistoryEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName(), e);
    }
  }

  public static HistoryEvent decode(String json) {
    try {
      return EVENT_READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw unreadable(json, e);
    }
  }

  /** Encodes events as one JSON array, in order. */
  public static String encodeAll(List<HistoryEvent> events) {
    try {
      return EVENTS_WRITER.writeValueAsString(events);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + events.size() + " history events", e);
    }
  }

  /** Decodes a JSON array written by {@link #encodeAll}. */
  public static List<HistoryEvent> decodeAll(String json) {
    try {
      return EVENTS_READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw unreadable(json, e);
    }
  }

  private static CorruptHistoryException unreadable(String json, JsonProcessingException e) {
    return new CorruptHistoryException(
        "stored history event is unreadable: "
            + abbreviate(json)
            + " ("
            + e.getOriginalMessage()
            + ")",
        e);
  }

  private static String abbreviate(String json) {
    return json.length() <= 200 ? json : json.substring(0, 200) + "…";
  }

  /** The event as a JSON tree, for readable history answers. */
  public static JsonNode toTree(HistoryEvent event) {
    return MAPPER.valueToTree(event);
  }
}
