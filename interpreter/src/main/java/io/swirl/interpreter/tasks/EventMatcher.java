package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.EventFilter;
import io.swirl.dsl.plan.ValueTemplate;
import io.swirl.interpreter.expr.Variables;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matches CloudEvents against one {@code listen} task's filters. A literal string attribute is a
 * regular expression the attribute must match in full; other literals must be equal (objects: every
 * member given must match); an expression is evaluated on the attribute's value and must be truthy.
 * Correlation keys compare {@code from} (evaluated on the event) with {@code expect}, or with the
 * first value extracted for that key when there is no {@code expect}.
 */
final class EventMatcher {

  private final Run run;
  private final JsonNode input;
  private final Variables vars;
  private final Map<String, JsonNode> correlated = new HashMap<>();

  EventMatcher(Run run, JsonNode input, Variables vars) {
    this.run = run;
    this.input = input;
    this.vars = vars;
  }

  boolean matches(EventFilter filter, JsonNode event) {
    if (filter.with() != null && !matches(filter.with(), event)) {
      return false;
    }
    Map<String, JsonNode> learned = new HashMap<>();
    for (Map.Entry<String, EventFilter.Correlation> key : filter.correlate().entrySet()) {
      JsonNode value = run.eval.one(key.getValue().from(), event, vars);
      JsonNode expected =
          key.getValue().expect() != null
              ? run.eval.render(key.getValue().expect(), input, vars, null)
              : correlated.get(key.getKey());
      if (expected == null) {
        learned.put(key.getKey(), value);
      } else if (!expected.equals(value) && !expected.asText().equals(value.asText())) {
        return false;
      }
    }
    correlated.putAll(learned);
    return true;
  }

  private boolean matches(ValueTemplate expected, JsonNode actual) {
    if (expected instanceof ValueTemplate.Computed computed) {
      return run.eval.test(computed.expression(), actual, vars);
    }
    if (expected instanceof ValueTemplate.Members members) {
      for (Map.Entry<String, ValueTemplate> m : members.members().entrySet()) {
        if (!matches(m.getValue(), actual.path(m.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof ValueTemplate.Literal literal) {
      return literal(literal.value(), actual);
    }
    return expected.equals(actual);
  }

  private static boolean literal(JsonNode expected, JsonNode actual) {
    if (actual.isMissingNode()) {
      return false;
    }
    if (expected.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        if (!literal(m.getValue(), actual.path(m.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isTextual() && actual.isValueNode()) {
      String text = actual.asText();
      if (expected.asText().equals(text)) {
        return true;
      }
      try {
        return Pattern.compile(expected.asText()).matcher(text).matches();
      } catch (PatternSyntaxException e) {
        return false;
      }
    }
    return expected.equals(actual) || expected.asText().equals(actual.asText());
  }
}
