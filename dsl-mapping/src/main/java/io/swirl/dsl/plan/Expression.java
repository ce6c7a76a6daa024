package io.swirl.dsl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * A runtime expression compiled once, when the plan is built. Immutable and thread-safe: one
 * instance is evaluated by every run of the plan.
 *
 * <p>jackson-jq resolves {@code $variables} when the query runs, so the variables in scope where
 * the expression sits ({@link #variables()}: {@code context, input, output, secrets, task,
 * workflow, runtime, authorization} plus loop, catch and iterator names) are recorded here for the
 * interpreter to bind; the validator has already refused any other variable.
 */
public final class Expression {

  private static final Scope BUILTINS = builtins();

  private final String text;
  private final String program;
  private final String pointer;
  private final Set<String> variables;
  private final JsonQuery query;

  /**
   * @param text the source text, with or without <code>${ }</code>
   * @param program the jq program ({@code text} unwrapped)
   * @param pointer where the expression sits in the document
   * @param variables names (without {@code $}) that are in scope there
   * @param query the compiled program
   */
  public Expression(
      String text, String program, String pointer, Set<String> variables, JsonQuery query) {
    this.text = Objects.requireNonNull(text, "text");
    this.program = Objects.requireNonNull(program, "program");
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.variables = Set.copyOf(variables);
    this.query = Objects.requireNonNull(query, "query");
  }

  public String text() {
    return text;
  }

  public String program() {
    return program;
  }

  public String pointer() {
    return pointer;
  }

  public Set<String> variables() {
    return variables;
  }

  /** The compiled jq program; the same instance for every evaluation. */
  public JsonQuery query() {
    return query;
  }

  /**
   * Every value the program yields for {@code input}, with {@code variables} (names without {@code
   * $}) bound. Pure: no I/O and, as long as the program avoids {@code now} and friends, no clock.
   */
  public List<JsonNode> evaluate(JsonNode input, Map<String, JsonNode> variables)
      throws JsonQueryException {
    Scope scope = Scope.newChildScope(BUILTINS);
    variables.forEach(scope::setValue);
    List<JsonNode> out = new ArrayList<>();
    query.apply(scope, input, out::add);
    return out;
  }

  /** The first value the program yields, or {@code null} when it yields none. */
  public JsonNode evaluateOne(JsonNode input, Map<String, JsonNode> variables)
      throws JsonQueryException {
    List<JsonNode> all = evaluate(input, variables);
    return all.isEmpty() ? null : all.get(0);
  }

  @Override
  public String toString() {
    return text + " @" + pointer;
  }

  private static Scope builtins() {
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    return scope;
  }
}
