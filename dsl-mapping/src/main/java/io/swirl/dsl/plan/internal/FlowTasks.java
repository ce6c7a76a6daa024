package io.swirl.dsl.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.DoTask;
import io.swirl.dsl.plan.ForTask;
import io.swirl.dsl.plan.ForkTask;
import io.swirl.dsl.plan.RaiseTask;
import io.swirl.dsl.plan.SetTask;
import io.swirl.dsl.plan.SwitchTask;
import io.swirl.dsl.plan.TaskCommon;
import io.swirl.dsl.plan.TaskNode;
import io.swirl.dsl.plan.TryTask;
import io.swirl.dsl.plan.WaitTask;
import io.swirl.dsl.source.Pointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tasks that shape the flow: do, for, fork, switch, try, set, raise, wait. */
final class FlowTasks {

  private final PlanCompiler plan;

  FlowTasks(PlanCompiler plan) {
    this.plan = plan;
  }

  TaskNode compile(TaskCommon common, JsonNode task, Map<String, Integer> index) {
    String p = common.pointer();
    Tasks tasks = plan.tasks();
    Expressions ex = plan.expressions();
    if (task.has("for")) {
      JsonNode spec = task.get("for");
      return new ForTask(
          common,
          strip(spec.path("each").asText("item")),
          strip(spec.path("at").asText("index")),
          ex.expression(p + "/for/in", spec.get("in")),
          ex.expression(p + "/while", task.get("while")),
          tasks.list(p + "/do", task.get("do")));
    }
    if (task.has("do")) {
      return new DoTask(common, tasks.list(p + "/do", task.get("do")));
    }
    if (task.has("fork")) {
      JsonNode fork = task.get("fork");
      return new ForkTask(
          common,
          tasks.list(p + "/fork/branches", fork.get("branches")),
          fork.path("compete").asBoolean(false));
    }
    if (task.has("switch")) {
      return new SwitchTask(common, cases(p + "/switch", task.get("switch"), index));
    }
    if (task.has("try")) {
      return new TryTask(
          common, tasks.list(p + "/try", task.get("try")), handler(p + "/catch", task));
    }
    if (task.has("set")) {
      return new SetTask(common, ex.template(p + "/set", task.get("set")));
    }
    if (task.has("raise")) {
      return new RaiseTask(
          common, plan.policies().error(task.path("raise").path("error"), p + "/raise/error"));
    }
    if (task.has("wait")) {
      return new WaitTask(common, plan.policies().timeSpan(p + "/wait", task.get("wait")));
    }
    throw new IllegalStateException("unknown task type at " + p);
  }

  private List<SwitchTask.Case> cases(String pointer, JsonNode cases, Map<String, Integer> index) {
    List<SwitchTask.Case> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      var entry = cases.get(i).fields().next();
      String p = Pointers.child(Pointers.child(pointer, i), entry.getKey());
      JsonNode c = entry.getValue();
      out.add(
          new SwitchTask.Case(
              entry.getKey(),
              plan.expressions().expression(p + "/when", c.get("when")),
              Tasks.target(c.path("then"), index)));
    }
    return out;
  }

  private TryTask.Catch handler(String pointer, JsonNode task) {
    JsonNode c = task.path("catch");
    if (c.isMissingNode()) {
      return null;
    }
    Expressions ex = plan.expressions();
    JsonNode with = c.path("errors").get("with");
    return new TryTask.Catch(
        with == null ? null : with.deepCopy(),
        strip(c.path("as").asText("error")),
        ex.expression(pointer + "/when", c.get("when")),
        ex.expression(pointer + "/exceptWhen", c.get("exceptWhen")),
        plan.policies().retry(c.path("retry"), pointer + "/retry"),
        plan.tasks().list(pointer + "/do", c.get("do")));
  }

  static String strip(String variable) {
    return variable.startsWith("$") ? variable.substring(1) : variable;
  }
}
