package io.swirl.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A workflow error: an RFC 7807 problem with the DSL's standard {@code type} URIs. Immutable;
 * {@link #toJson()} gives a fresh object with {@code type}, {@code status}, {@code instance} and,
 * when set, {@code title} and {@code detail}.
 *
 * @param instance the JSON pointer of the task that raised it ({@code ""} until known)
 */
public record Problem(String type, int status, String title, String detail, String instance) {

  /** The prefix of every standard error type. */
  public static final String BASE = "https://serverlessworkflow.io/spec/1.0.0/errors/";

  public static final String CONFIGURATION = BASE + "configuration";
  public static final String VALIDATION = BASE + "validation";
  public static final String EXPRESSION = BASE + "expression";
  public static final String AUTHENTICATION = BASE + "authentication";
  public static final String AUTHORIZATION = BASE + "authorization";
  public static final String TIMEOUT = BASE + "timeout";
  public static final String COMMUNICATION = BASE + "communication";
  public static final String RUNTIME = BASE + "runtime";

  public static Problem configuration(String detail) {
    return new Problem(CONFIGURATION, 400, "Configuration Error", detail, "");
  }

  public static Problem validation(String detail) {
    return new Problem(VALIDATION, 400, "Validation Error", detail, "");
  }

  public static Problem expression(String detail) {
    return new Problem(EXPRESSION, 400, "Expression Error", detail, "");
  }

  public static Problem timeout(String detail) {
    return new Problem(TIMEOUT, 408, "Timeout", detail, "");
  }

  public static Problem communication(int status, String detail) {
    return new Problem(COMMUNICATION, status, "Communication Error", detail, "");
  }

  public static Problem runtime(String detail) {
    return new Problem(RUNTIME, 500, "Runtime Error", detail, "");
  }

  /** This problem with {@code instance} set to {@code pointer} unless it has one already. */
  public Problem at(String pointer) {
    return instance == null || instance.isEmpty()
        ? new Problem(type, status, title, detail, pointer)
        : this;
  }

  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("type", type);
    json.put("status", status);
    if (title != null) {
      json.put("title", title);
    }
    if (detail != null) {
      json.put("detail", detail);
    }
    json.put("instance", instance == null ? "" : instance);
    return json;
  }

  /** Reads a problem from JSON; missing members get the runtime error's defaults. */
  public static Problem fromJson(JsonNode json) {
    return new Problem(
        json.path("type").asText(RUNTIME),
        json.path("status").asInt(500),
        json.hasNonNull("title") ? json.get("title").asText() : null,
        json.hasNonNull("detail") ? json.get("detail").asText() : null,
        json.path("instance").asText(""));
  }

  /**
   * True when {@code a} and {@code b} name the same error type. The CTK and older drafts spell the
   * standard types {@code https://serverlessworkflow.io/dsl/errors/types/<kind>}; both spellings
   * match.
   */
  public static boolean sameType(String a, String b) {
    return canonical(a).equals(canonical(b));
  }

  private static String canonical(String type) {
    String legacy = "https://serverlessworkflow.io/dsl/errors/types/";
    return type.startsWith(legacy) ? BASE + type.substring(legacy.length()) : type;
  }
}
