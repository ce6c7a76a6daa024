package io.swirl.engine.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.swirl.engine.FailureDetails;

/**
 * How every store keeps JSON payloads and failures as text. SQL NULL stays null; a JSON {@code
 * null} is stored as the text {@code null}.
 */
public final class StoredJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  // Built once: ObjectMapper.readTree resolves the JsonNode type on every call.
  private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

  private StoredJson() {}

  public static String text(JsonNode node) {
    return node == null ? null : node.toString();
  }

  public static JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return TREE_READER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable: " + text, e);
    }
  }

  public static String text(FailureDetails failure) {
    if (failure == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(failure);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode failure " + failure, e);
    }
  }

  public static FailureDetails failure(String text) {
    if (text == null) {
      return null;
    }
    try {
      return MAPPER.readValue(text, FailureDetails.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored failure is unreadable: " + text, e);
    }
  }
}
