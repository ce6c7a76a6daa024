package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.dsl.plan.TaskNode;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the spec's lifecycle CloudEvents ({@code io.serverlessworkflow.workflow.*.v1}, {@code
 * io.serverlessworkflow.task.*.v1}) to the configured sink while the instance makes progress, never
 * while it replays history. Best effort: a sink failure is logged, not raised, and an event may be
 * published again when a step is retried after a crash.
 */
final class Lifecycle {

  private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());
  private static final String SOURCE = "https://swirl.io/runtime";

  private final Run run;

  Lifecycle(Run run) {
    this.run = run;
  }

  void workflow(String phase, String key, JsonNode value) {
    ObjectNode data = base();
    if (key != null) {
      data.set(key, value);
    }
    publish("io.serverlessworkflow.workflow." + phase + ".v1", data);
  }

  void task(String phase, TaskNode task, JsonNode value) {
    ObjectNode data = base();
    data.put("task", task.pointer());
    if (value != null) {
      data.set(phase.equals("faulted") ? "error" : "output", value);
    }
    publish("io.serverlessworkflow.task." + phase + ".v1", data);
  }

  void retried(TaskNode task, int attempt) {
    ObjectNode data = base();
    data.put("task", task.pointer());
    data.put("attempt", attempt);
    publish("io.serverlessworkflow.task.retried.v1", data);
  }

  private ObjectNode base() {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("workflow", run.ctx.instanceId());
    data.put("definition", run.plan.namespace() + "/" + run.plan.name() + ":" + run.plan.version());
    return data;
  }

  private void publish(String type, ObjectNode data) {
    if (run.ctx.isReplaying() || run.services().lifecycle() == null) {
      return;
    }
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("specversion", "1.0");
    // Not ctx.newUuid(): lifecycle events are skipped on replay, so they must not draw ids.
    event.put("id", java.util.UUID.randomUUID().toString());
    event.put("source", SOURCE);
    event.put("type", type);
    event.put("time", run.ctx.currentInstant().toString());
    event.put("datacontenttype", "application/json");
    event.set("data", data);
    try {
      run.services().lifecycle().publish(event);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "lifecycle sink failed for " + type, e);
    }
  }
}
