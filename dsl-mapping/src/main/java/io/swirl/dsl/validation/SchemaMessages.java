package io.swirl.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.swirl.dsl.source.Pointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Writes a schema violation as a message that says what is wrong and what to do. */
final class SchemaMessages {

  static final String TASK_KEYS =
      "call, do, emit, for, fork, listen, raise, run, set, switch, try or wait";
  private static final List<String> TASK_KEY_LIST =
      List.of(
          "call", "do", "emit", "for", "fork", "listen", "raise", "run", "set", "switch", "try",
          "wait");
  private static final String NAME_PATTERN = "[a-zA-Z0-9-]{0,61}";
  private static final String SEMVER_PATTERN = "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)";

  private SchemaMessages() {}

  static SchemaProblem describe(Error error, JsonNode document) {
    String at = error.getInstanceLocation().toString();
    JsonNode value = document.at(at);
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    JsonNode rule = error.getSchemaNode();
    return switch (keyword) {
      case "required" ->
          new SchemaProblem(
              at, "missing required property '" + error.getProperty() + "'; add it", false);
      case "unevaluatedProperties", "additionalProperties" ->
          new SchemaProblem(
              Pointers.child(at, error.getProperty()),
              "unknown property '"
                  + error.getProperty()
                  + "'; remove it or fix its spelling"
                  + (isTask(at) ? " (see the task's reference in dsl-reference.md)" : ""),
              false);
      case "false" ->
          new SchemaProblem(
              at, "property '" + last(at) + "' is not allowed here; remove it", false);
      case "const" ->
          new SchemaProblem(at, "must be " + show(rule) + ", found " + show(value), true);
      case "enum" ->
          new SchemaProblem(
              at, show(value) + " is not allowed here; use one of " + list(rule), true);
      case "type" ->
          new SchemaProblem(at, "must be " + typeName(rule) + ", found " + typeOf(value), true);
      case "pattern" -> new SchemaProblem(at, pattern(value, rule), true);
      case "maxProperties" -> maxProperties(at, value, rule);
      case "minProperties" ->
          new SchemaProblem(at, "must not be empty; give it at least one property", true);
      case "minItems" ->
          new SchemaProblem(at, "needs at least " + rule.asText() + " item(s)", true);
      case "format" ->
          new SchemaProblem(at, show(value) + " is not valid: " + error.getMessage(), true);
      case "oneOf" ->
          new SchemaProblem(
              at,
              "matches more than one allowed form; make it unambiguous ("
                  + error.getMessage()
                  + ")",
              true);
      default -> new SchemaProblem(at, error.getMessage(), true);
    };
  }

  /** No branch of a {@code oneOf}/{@code anyOf} stands out as the one the author meant. */
  static SchemaProblem noBranchFits(Error composite, JsonNode document, List<String> keys) {
    String at = composite.getInstanceLocation().toString();
    JsonNode value = document.at(at);
    String where = composite.getSchemaLocation().toString();
    String fragment = where.contains("#") ? where.substring(where.indexOf('#') + 1) : "";
    String schema = fragment.replaceAll("/(oneOf|anyOf)$", "");
    if (schema.endsWith("/$defs/task")) {
      String hint = "";
      for (java.util.Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        hint = hint.isEmpty() ? Suggest.didYouMean(name, TASK_KEY_LIST) : hint;
      }
      return new SchemaProblem(
          at,
          "'" + last(at) + "' is not a task: a task needs exactly one of " + TASK_KEYS + hint,
          false);
    }
    if (schema.endsWith("/$defs/duration")) {
      return new SchemaProblem(
          at,
          show(value)
              + " is not a duration: write ISO 8601 (PT30S, P1DT2H), an object such as"
              + " {seconds: 30}, or a ${ } expression",
          true);
    }
    if (value.isObject() && keys.size() > 1) {
      return new SchemaProblem(at, "needs one of the properties " + String.join(", ", keys), false);
    }
    List<String> forms = new ArrayList<>();
    for (JsonNode branch : SchemaCheck.schemaTree().at(fragment)) {
      String title = branch.path("title").asText("");
      if (title.isEmpty() && branch.has("$ref")) {
        String ref = branch.get("$ref").asText();
        title = ref.substring(ref.lastIndexOf('/') + 1);
      }
      if (title.isEmpty() && branch.has("type")) {
        title = typeName(branch.get("type"));
      }
      forms.add(title.isEmpty() ? "?" : title);
    }
    return new SchemaProblem(
        at, show(value) + " matches none of the allowed forms: " + String.join(", ", forms), true);
  }

  private static SchemaProblem maxProperties(String at, JsonNode value, JsonNode rule) {
    if (isListItem(at) && value.size() > 1) {
      Iterator<String> names = value.fieldNames();
      String first = names.next();
      String second = names.next();
      return new SchemaProblem(
          Pointers.child(at, second),
          "one list item holds "
              + value.size()
              + " tasks ('"
              + first
              + "' and '"
              + second
              + "'); start each task with its own '-'",
          false);
    }
    return new SchemaProblem(
        at, "has " + value.size() + " properties; at most " + rule.asText() + " allowed", true);
  }

  private static String pattern(JsonNode value, JsonNode rule) {
    String regex = rule.asText();
    if (regex.contains(NAME_PATTERN)) {
      return show(value)
          + " is not a valid name: use 1 to 63 letters, digits or '-', starting and ending with"
          + " a letter or digit";
    }
    if (regex.startsWith(SEMVER_PATTERN)) {
      return show(value) + " is not a semantic version; write it like '1.0.0'";
    }
    if (regex.contains("\\$\\{")) {
      return show(value) + " is not a runtime expression; write it as ${ <jq> }";
    }
    return show(value) + " does not match the pattern " + regex;
  }

  static boolean isTask(String pointer) {
    return pointer.matches(".*/(do|try|branches|before|after)/\\d+/[^/]+")
        || pointer.matches("/use/functions/[^/]+");
  }

  private static boolean isListItem(String pointer) {
    return pointer.matches(".*/(do|try|branches|before|after|switch)/\\d+");
  }

  private static String last(String pointer) {
    String name = pointer.substring(pointer.lastIndexOf('/') + 1);
    return name.replace("~1", "/").replace("~0", "~");
  }

  static String show(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    String text = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static String list(JsonNode values) {
    List<String> items = new ArrayList<>();
    values.forEach(v -> items.add(v.isTextual() ? v.asText() : v.toString()));
    return String.join(", ", items);
  }

  private static String typeName(JsonNode type) {
    String name = type.isArray() ? list(type).replace(", ", " or ") : type.asText();
    return switch (name) {
      case "object" -> "an object (a mapping)";
      case "array" -> "an array (a list)";
      case "integer" -> "an integer";
      default -> "a " + name;
    };
  }

  private static String typeOf(JsonNode value) {
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isNull()) {
      return "nothing (null)";
    }
    if (value.isTextual()) {
      return "the string " + show(value);
    }
    return show(value);
  }
}
