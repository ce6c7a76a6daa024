package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.EventFilter;
import io.swirl.interpreter.expr.Variables;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches CloudEvents against one {@code listen} task's filters: attributes as {@link
 * EventAttributes} says. Correlation keys compare {@code from} (evaluated on the event) with {@code
 * expect}, or with the first value extracted for that key when there is no {@code expect}.
 */
final class EventMatcher {

  private final Run run;
  private final JsonNode input;
  private final Variables vars;
  private final Map<String, JsonNode> correlated = new HashMap<>();
  private final Map<String, JsonNode> resolved = new TreeMap<>();

  EventMatcher(Run run, JsonNode input, Variables vars) {
    this.run = run;
    this.input = input;
    this.vars = vars;
  }

  boolean matches(EventFilter filter, JsonNode event) {
    if (!EventAttributes.match(filter.with(), event, run.eval, vars)) {
      return false;
    }
    Map<String, JsonNode> learned = new HashMap<>();
    Map<String, JsonNode> values = new HashMap<>();
    for (Map.Entry<String, EventFilter.Correlation> key : filter.correlate().entrySet()) {
      JsonNode value = run.eval.one(key.getValue().from(), event, vars);
      values.put(key.getKey(), value);
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
    resolved.putAll(values);
    return true;
  }

  /** The correlation keys' values in the events matched so far, by key name. */
  Map<String, JsonNode> resolved() {
    return resolved;
  }
}
