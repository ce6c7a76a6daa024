package io.swirl.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Thrown by an activity to fail its task for good: retry policies do not retry it. Carries the
 * failure's type and optional structured details.
 */
public class NonRetriableException extends RuntimeException {

  private final String type;
  private final transient JsonNode details;

  public NonRetriableException(String type, String message, JsonNode details) {
    super(message);
    this.type = type;
    this.details = details;
  }

  public NonRetriableException(String message) {
    this(NonRetriableException.class.getName(), message, null);
  }

  public String type() {
    return type;
  }

  public JsonNode details() {
    return details;
  }
}
