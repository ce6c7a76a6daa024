package io.swirl.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.dsl.source.Pointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One pass over a document that finds every task list, every task and every runtime expression,
 * with the jq variables in scope at each. Tolerates trees the schema rejected: whatever has an
 * unexpected shape is skipped.
 */
public final class Walk {

  /** The variables every runtime expression may use (dsl.md, "Runtime expression arguments"). */
  public static final Set<String> BASE_VARIABLES =
      Set.of(
          "context", "input", "output", "secrets", "task", "workflow", "runtime", "authorization");

  /** A task list ({@code do}, {@code try}, {@code catch.do}, {@code fork.branches}, ...). */
  public record ListSite(String pointer, ArrayNode tasks) {}

  /** A named task and the jq variables in scope for it. */
  public record TaskSite(String pointer, String name, ObjectNode task, Set<String> variables) {}

  /**
   * A runtime expression.
   *
   * @param bare true where the field is an expression even without <code>${ }</code> ({@code if},
   *     {@code when}, {@code for.in}, ...)
   */
  public record ExpressionSite(String pointer, String text, boolean bare, Set<String> variables) {}

  private static final Pattern WRAPPED = Pattern.compile("^\\s*\\$\\{.*}\\s*$", Pattern.DOTALL);
  private static final Pattern BARE_FIELD =
      Pattern.compile(
          ".*/(if|when|exceptWhen|while|until)$|.*/for/in$|.*/input/from$|.*/(output|export)/as$"
              + "|.*/correlate/[^/]+/from$");
  private static final Pattern DATA = Pattern.compile(".*/(with|set|data|body)(/.*)?$");

  private final List<ListSite> lists = new ArrayList<>();
  private final List<TaskSite> tasks = new ArrayList<>();
  private final List<ExpressionSite> expressions = new ArrayList<>();

  private Walk() {}

  /** Walks {@code root}, a workflow document. */
  public static Walk of(JsonNode root) {
    Walk walk = new Walk();
    Set<String> vars = BASE_VARIABLES;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String p = Pointers.child("", field.getKey());
      switch (field.getKey()) {
        case "document" -> {}
        case "do" -> walk.list(p, field.getValue(), vars);
        case "use" -> walk.use(p, field.getValue(), vars);
        default -> walk.strings(p, field.getValue(), vars);
      }
    }
    return walk;
  }

  public List<ListSite> lists() {
    return lists;
  }

  public List<TaskSite> tasks() {
    return tasks;
  }

  public List<ExpressionSite> expressions() {
    return expressions;
  }

  private void use(String pointer, JsonNode use, Set<String> vars) {
    for (Iterator<Map.Entry<String, JsonNode>> it = use.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String p = Pointers.child(pointer, field.getKey());
      JsonNode value = field.getValue();
      if (field.getKey().equals("functions")) {
        value
            .fields()
            .forEachRemaining(
                f -> task(Pointers.child(p, f.getKey()), f.getKey(), f.getValue(), vars));
      } else if (field.getKey().equals("extensions") && value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          String item = Pointers.child(p, i);
          value
              .get(i)
              .fields()
              .forEachRemaining(
                  e -> extension(Pointers.child(item, e.getKey()), e.getValue(), vars));
        }
      } else if (!field.getKey().equals("secrets")) {
        strings(p, value, vars);
      }
    }
  }

  private void extension(String pointer, JsonNode extension, Set<String> vars) {
    extension
        .fields()
        .forEachRemaining(
            f -> {
              String p = Pointers.child(pointer, f.getKey());
              if (f.getKey().equals("before") || f.getKey().equals("after")) {
                list(p, f.getValue(), vars);
              } else {
                strings(p, f.getValue(), vars);
              }
            });
  }

  private void list(String pointer, JsonNode list, Set<String> vars) {
    if (!(list instanceof ArrayNode array)) {
      return;
    }
    lists.add(new ListSite(pointer, array));
    for (int i = 0; i < array.size(); i++) {
      String item = Pointers.child(pointer, i);
      array
          .get(i)
          .fields()
          .forEachRemaining(
              f -> task(Pointers.child(item, f.getKey()), f.getKey(), f.getValue(), vars));
    }
  }

  private void task(String pointer, String name, JsonNode node, Set<String> vars) {
    if (!(node instanceof ObjectNode task)) {
      return;
    }
    tasks.add(new TaskSite(pointer, name, task, vars));
    Set<String> loop = vars;
    if (task.has("for")) {
      JsonNode spec = task.get("for");
      loop = with(vars, spec.path("each").asText("item"), spec.path("at").asText("index"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = task.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String p = Pointers.child(pointer, field.getKey());
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "do" -> list(p, value, loop);
        case "while" -> strings(p, value, loop);
        case "try" -> list(p, value, vars);
        case "catch" -> catchClause(p, value, vars);
        case "foreach" -> foreach(p, value, vars);
        case "fork" -> list(Pointers.child(p, "branches"), value.path("branches"), vars);
        case "then", "metadata", "call" -> {}
        default -> strings(p, value, vars);
      }
    }
  }

  private void catchClause(String pointer, JsonNode clause, Set<String> vars) {
    Set<String> caught = with(vars, clause.path("as").asText("error"));
    clause
        .fields()
        .forEachRemaining(
            f -> {
              String p = Pointers.child(pointer, f.getKey());
              switch (f.getKey()) {
                case "do" -> list(p, f.getValue(), caught);
                case "as" -> {}
                case "errors" -> strings(p, f.getValue(), vars);
                default -> strings(p, f.getValue(), caught);
              }
            });
  }

  private void strings(String pointer, JsonNode node, Set<String> vars) {
    if (node.isTextual()) {
      String text = node.asText();
      boolean bare =
          BARE_FIELD.matcher(pointer).matches() && !DATA.matcher(parentOf(pointer)).matches();
      if (bare || WRAPPED.matcher(text).matches()) {
        expressions.add(new ExpressionSite(pointer, text, bare, vars));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        strings(Pointers.child(pointer, i), node.get(i), vars);
      }
    } else if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              f -> {
                String key = f.getKey();
                String p = Pointers.child(pointer, key);
                if (key.equals("metadata")
                    || key.equals("then")
                    || (key.equals("schema") && !pointer.endsWith("/with"))) {
                  return;
                }
                if (key.equals("foreach") && f.getValue().isObject()) {
                  foreach(p, f.getValue(), vars);
                  return;
                }
                strings(p, f.getValue(), vars);
              });
    }
  }

  /** A subscription iterator: {@code item} and {@code at} name variables for its tasks. */
  private void foreach(String pointer, JsonNode each, Set<String> vars) {
    Set<String> it = with(vars, each.path("item").asText("item"), each.path("at").asText("index"));
    each.fields()
        .forEachRemaining(
            g -> {
              String q = Pointers.child(pointer, g.getKey());
              if (g.getKey().equals("do")) {
                list(q, g.getValue(), it);
              } else if (!g.getKey().equals("item") && !g.getKey().equals("at")) {
                strings(q, g.getValue(), it);
              }
            });
  }

  private static String parentOf(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  private static Set<String> with(Set<String> vars, String... more) {
    Set<String> all = new LinkedHashSet<>(vars);
    for (String name : more) {
      all.add(name.startsWith("$") ? name.substring(1) : name);
    }
    return Set.copyOf(all);
  }
}
