package io.swirl.dsl.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.DataFilter;
import io.swirl.dsl.plan.FlowTarget;
import io.swirl.dsl.plan.TaskCommon;
import io.swirl.dsl.plan.TaskList;
import io.swirl.dsl.plan.TaskNode;
import io.swirl.dsl.source.Pointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Task lists and what every task has; each task type is compiled by {@link FlowTasks}, {@link
 * Invocations} or {@link Events}.
 */
final class Tasks {

  private final PlanCompiler plan;

  Tasks(PlanCompiler plan) {
    this.plan = plan;
  }

  /** The list at {@code pointer} ({@code null} when absent): names indexed, then tasks compiled. */
  TaskList list(String pointer, JsonNode list) {
    if (list == null || !list.isArray()) {
      return null;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      index.putIfAbsent(list.get(i).fieldNames().next(), i);
    }
    List<TaskNode> tasks = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      var entry = list.get(i).fields().next();
      String p = Pointers.child(Pointers.child(pointer, i), entry.getKey());
      tasks.add(task(p, entry.getKey(), entry.getValue(), index));
    }
    return new TaskList(pointer, tasks, index);
  }

  /** One task; {@code index} names the tasks of its list, for {@code then}. */
  TaskNode task(String pointer, String name, JsonNode task, Map<String, Integer> index) {
    TaskCommon common = common(pointer, name, task, index);
    if (task.has("call")) {
      return plan.invocations().call(common, task);
    }
    if (task.has("run")) {
      return plan.invocations().run(common, task);
    }
    if (task.has("listen")) {
      return plan.events().listen(common, task);
    }
    if (task.has("emit")) {
      return plan.events().emit(common, task);
    }
    return plan.flowTasks().compile(common, task, index);
  }

  private TaskCommon common(
      String pointer, String name, JsonNode task, Map<String, Integer> index) {
    Expressions ex = plan.expressions();
    return new TaskCommon(
        name,
        pointer,
        ex.expression(pointer + "/if", task.get("if")),
        input(pointer + "/input", task.path("input")),
        filter(pointer + "/output", task.path("output")),
        filter(pointer + "/export", task.path("export")),
        plan.policies().timeout(pointer + "/timeout", task.path("timeout")),
        target(task.path("then"), index));
  }

  /** {@code input}: {@code from} and {@code schema}. */
  DataFilter input(String pointer, JsonNode input) {
    if (input.isMissingNode()) {
      return DataFilter.NONE;
    }
    return new DataFilter(
        plan.expressions().template(pointer + "/from", input.get("from")), schema(input));
  }

  /** {@code output} or {@code export}: {@code as} and {@code schema}. */
  DataFilter filter(String pointer, JsonNode filter) {
    if (filter.isMissingNode()) {
      return DataFilter.NONE;
    }
    return new DataFilter(
        plan.expressions().template(pointer + "/as", filter.get("as")), schema(filter));
  }

  private static JsonNode schema(JsonNode filter) {
    JsonNode schema = filter.get("schema");
    return schema == null ? null : schema.deepCopy();
  }

  /** A {@code then} value resolved within a list; {@code continue} when absent. */
  static FlowTarget target(JsonNode then, Map<String, Integer> index) {
    if (!then.isTextual()) {
      return FlowTarget.CONTINUE;
    }
    return switch (then.asText()) {
      case "continue" -> FlowTarget.CONTINUE;
      case "exit" -> FlowTarget.EXIT;
      case "end" -> FlowTarget.END;
      default -> {
        Integer i = index.get(then.asText());
        if (i == null) {
          throw new IllegalStateException("then target '" + then.asText() + "' not in the list");
        }
        yield new FlowTarget.Goto(i, then.asText());
      }
    };
  }
}
