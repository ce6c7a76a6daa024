package io.swirl.interpreter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where {@code $secrets} come from. A secret's value is only ever handed to expression evaluation
 * and to the activity that needs it; it is never written to an instance's history by the
 * interpreter.
 */
@FunctionalInterface
public interface SecretsProvider {

  /** No secrets. */
  SecretsProvider NONE = name -> null;

  /** The secret named {@code name} (a string or an object), or null when unknown. */
  JsonNode secret(String name);
}
