package io.swirl.interpreter.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** Replaces the string values of secrets read so far with {@code ***} in error texts. */
public final class Redactor {

  private final Set<String> values = new LinkedHashSet<>();

  /** Remembers every string inside {@code secret}. */
  public void remember(JsonNode secret) {
    if (secret == null) {
      return;
    }
    if (secret.isTextual() && secret.asText().length() >= 3) {
      values.add(secret.asText());
    } else if (secret.isContainerNode()) {
      secret.elements().forEachRemaining(this::remember);
    }
  }

  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String value : values) {
      out = out.replace(value, "***");
    }
    return out;
  }
}
