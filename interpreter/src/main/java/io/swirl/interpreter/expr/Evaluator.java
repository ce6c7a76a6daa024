package io.swirl.interpreter.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.dsl.plan.Expression;
import io.swirl.dsl.plan.ValueTemplate;
import io.swirl.interpreter.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Evaluates the plan's precompiled jq with the DSL's variables bound, {@code now} answered by the
 * orchestration's clock, and failures turned into expression errors (400).
 */
public final class Evaluator {

  private static final Scope ROOT = root();

  private final Supplier<Instant> clock;
  private final Redactor redactor;

  /**
   * @param clock the deterministic time ({@code ctx::currentInstant})
   * @param redactor removes secret values from error messages
   */
  public Evaluator(Supplier<Instant> clock, Redactor redactor) {
    this.clock = clock;
    this.redactor = redactor;
  }

  /** Every value {@code expression} yields for {@code input}. */
  public List<JsonNode> all(Expression expression, JsonNode input, Variables variables) {
    Scope scope = Scope.newChildScope(ROOT);
    variables.bind(expression.variables(), scope);
    List<JsonNode> out = new ArrayList<>();
    DeterministicClock.set(clock.get());
    try {
      expression.query().apply(scope, input, out::add);
    } catch (JsonQueryException | RuntimeException e) {
      throw new ExpressionFailure(
          Problem.expression(
              redactor.redact("cannot evaluate '" + expression.text() + "': " + e.getMessage())));
    } finally {
      DeterministicClock.clear();
    }
    return out;
  }

  /** The first value, or JSON null when the expression yields nothing. */
  public JsonNode one(Expression expression, JsonNode input, Variables variables) {
    List<JsonNode> all = all(expression, input, variables);
    return all.isEmpty() ? NullNode.getInstance() : all.get(0);
  }

  /** jq truthiness: anything but {@code false} and {@code null}. */
  public boolean test(Expression expression, JsonNode input, Variables variables) {
    JsonNode value = one(expression, input, variables);
    return !(value.isNull() || value.isBoolean() && !value.asBoolean());
  }

  /** Renders a template; null renders to {@code fallback}. */
  public JsonNode render(
      ValueTemplate template, JsonNode input, Variables variables, JsonNode fallback) {
    if (template == null) {
      return fallback;
    }
    if (template instanceof ValueTemplate.Literal literal) {
      return literal.value().deepCopy();
    }
    if (template instanceof ValueTemplate.Computed computed) {
      return one(computed.expression(), input, variables);
    }
    if (template instanceof ValueTemplate.Members members) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, ValueTemplate> m : members.members().entrySet()) {
        out.set(m.getKey(), render(m.getValue(), input, variables, NullNode.getInstance()));
      }
      return out;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (ValueTemplate item : ((ValueTemplate.Items) template).items()) {
      out.add(render(item, input, variables, NullNode.getInstance()));
    }
    return out;
  }

  private static Scope root() {
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    scope.addFunction("now", 0, new DeterministicClock());
    return scope;
  }
}
