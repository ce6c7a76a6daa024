package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.ValueTemplate;
import io.swirl.interpreter.expr.Evaluator;
import io.swirl.interpreter.expr.Variables;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether an event has the attributes an event filter's {@code with} asks for. A literal string is
 * a regular expression the attribute must match in full; other literals must be equal (objects:
 * every member given must match); an expression is evaluated on the attribute's value and must be
 * truthy. The one rule {@code listen} and event routing share.
 */
public final class EventAttributes {

  private EventAttributes() {}

  /**
   * @param with the filter's attributes; {@code null} matches every event
   * @throws io.swirl.interpreter.expr.ExpressionFailure when an expression fails
   */
  public static boolean match(
      ValueTemplate with, JsonNode event, Evaluator eval, Variables variables) {
    if (with == null) {
      return true;
    }
    if (with instanceof ValueTemplate.Computed computed) {
      return eval.test(computed.expression(), event, variables);
    }
    if (with instanceof ValueTemplate.Members members) {
      for (Map.Entry<String, ValueTemplate> m : members.members().entrySet()) {
        if (!match(m.getValue(), event.path(m.getKey()), eval, variables)) {
          return false;
        }
      }
      return true;
    }
    if (with instanceof ValueTemplate.Literal literal) {
      return literal(literal.value(), event);
    }
    return with.equals(event);
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
