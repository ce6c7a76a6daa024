package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swirl.interpreter.Problem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates data against a DSL {@code schema} ({@code format: json}, inline {@code document}).
 * Compiled schemas are cached by identity of the plan's (immutable) schema node.
 */
final class Schemas {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<JsonNode, Schema> CACHE = new ConcurrentHashMap<>();

  private Schemas() {}

  /** A validation error naming what failed, or null when {@code data} is valid (or no schema). */
  static Problem check(JsonNode schema, JsonNode data, String what) {
    if (schema == null || schema.isNull()) {
      return null;
    }
    JsonNode document = schema.get("document");
    if (document == null) {
      // An external schema (resource) is not fetched; documented in the README.
      return null;
    }
    Schema compiled = CACHE.computeIfAbsent(document, REGISTRY::getSchema);
    List<Error> errors = compiled.validate(data);
    if (errors.isEmpty()) {
      return null;
    }
    String detail =
        errors.stream().map(Error::getMessage).limit(5).collect(Collectors.joining("; "));
    return Problem.validation("the " + what + " does not match its schema: " + detail);
  }
}
