package io.swirl.dsl.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.Expression;
import io.swirl.dsl.plan.ValueTemplate;
import io.swirl.dsl.source.Pointers;
import io.swirl.dsl.validation.Jq;
import io.swirl.dsl.validation.Walk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Compiles the runtime expressions of one document. Which strings are expressions, and which
 * variables are in scope at each, is decided once by the validator's {@link Walk}, so the plan and
 * the diagnostics cannot disagree. Identical programs share one {@link JsonQuery}.
 */
final class Expressions {

  private final Map<String, Walk.ExpressionSite> sites = new HashMap<>();
  private final Map<String, JsonQuery> compiled = new HashMap<>();

  Expressions(Walk walk) {
    for (Walk.ExpressionSite site : walk.expressions()) {
      sites.put(site.pointer(), site);
    }
  }

  /**
   * The expression at {@code pointer}, or {@code null} when {@code node} is missing or not a
   * string. A string the walk did not see as an expression (it cannot be in a valid document where
   * an expression is required) is compiled with the base variables.
   */
  Expression expression(String pointer, JsonNode node) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    Walk.ExpressionSite site = sites.get(pointer);
    Set<String> variables = site != null ? site.variables() : Walk.BASE_VARIABLES;
    return compile(pointer, node.asText(), variables);
  }

  /** The value at {@code pointer} as a template, or {@code null} when {@code node} is missing. */
  ValueTemplate template(String pointer, JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    Walk.ExpressionSite site = sites.get(pointer);
    if (site != null && node.isTextual()) {
      return new ValueTemplate.Computed(compile(pointer, node.asText(), site.variables()));
    }
    if (node.isObject()) {
      Map<String, ValueTemplate> members = new LinkedHashMap<>();
      boolean literal = true;
      for (var it = node.fields(); it.hasNext(); ) {
        var field = it.next();
        ValueTemplate value = template(Pointers.child(pointer, field.getKey()), field.getValue());
        literal &= value.isLiteral();
        members.put(field.getKey(), value);
      }
      return literal
          ? new ValueTemplate.Literal(node.deepCopy())
          : new ValueTemplate.Members(members);
    }
    if (node.isArray()) {
      List<ValueTemplate> items = new ArrayList<>();
      boolean literal = true;
      for (int i = 0; i < node.size(); i++) {
        ValueTemplate value = template(Pointers.child(pointer, i), node.get(i));
        literal &= value.isLiteral();
        items.add(value);
      }
      return literal ? new ValueTemplate.Literal(node.deepCopy()) : new ValueTemplate.Items(items);
    }
    return new ValueTemplate.Literal(node.deepCopy());
  }

  private Expression compile(String pointer, String text, Set<String> variables) {
    String program = Jq.unwrap(text);
    JsonQuery query = compiled.get(program);
    if (query == null) {
      try {
        query = Jq.compile(program);
      } catch (JsonQueryException e) {
        // The validator compiled every expression already; reaching this is a bug.
        throw new IllegalStateException("jq does not compile at " + pointer + ": " + program, e);
      }
      compiled.put(program, query);
    }
    return new Expression(text, program, pointer, variables, query);
  }
}
