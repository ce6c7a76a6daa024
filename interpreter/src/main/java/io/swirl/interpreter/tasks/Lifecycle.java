package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.dsl.plan.TaskNode;
import io.swirl.engine.ExecutionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the spec's lifecycle CloudEvents ({@code io.serverlessworkflow.workflow.*.v1}, {@code
 * io.serverlessworkflow.task.*.v1}) to the configured sink while the instance makes progress, never
 * while it replays history. Best effort: a sink failure is logged, not raised, and an event may be
 * published again when a step is retried after a crash.
 *
 * <p>It also keeps the tasks that started and have not ended, in start order (a function of
 * history, kept on replay too), since suspending, resuming or cancelling the workflow concerns
 * them, and it hears those transitions from the engine as the instance's {@link ExecutionListener}.
 */
final class Lifecycle implements ExecutionListener {

  private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());
  private static final String SOURCE = "https://swirl.io/runtime";

  private final Run run;
  private final List<Active> active = new ArrayList<>();

  /** A task that started and has not ended; identity, not the node, since a node may rerun. */
  static final class Active {
    private final TaskNode node;
    private final Cancellation cancel;

    private Active(TaskNode node, Cancellation cancel) {
      this.node = node;
      this.cancel = cancel;
    }
  }

  Lifecycle(Run run) {
    this.run = run;
  }

  // ---- workflow -------------------------------------------------------------------------

  void workflow(String phase, String key, JsonNode value) {
    ObjectNode data = workflowData(phase + "At");
    if (value != null) {
      data.set(key, value);
    }
    publish("io.serverlessworkflow.workflow." + phase + ".v1", data);
  }

  /**
   * {@code workflow.correlation-started} ({@code phase} "started") when a {@code listen} with
   * correlation keys starts waiting, {@code correlation-completed} with the resolved {@code keys}
   * when it has its events.
   */
  void correlation(String phase, Map<String, JsonNode> keys) {
    ObjectNode data = workflowData(phase + "At");
    if (keys != null && !keys.isEmpty()) {
      data.putObject("correlationKeys").setAll(keys);
    }
    publish("io.serverlessworkflow.workflow.correlation-" + phase + ".v1", data);
  }

  @Override
  public void onSuspended(String reason) {
    workflow("suspended", "reason", text(reason));
    for (Active task : List.copyOf(active)) {
      publishTask("suspended", task.node, null, null);
    }
  }

  @Override
  public void onResumed(String reason) {
    workflow("resumed", "reason", text(reason));
    for (Active task : List.copyOf(active)) {
      publishTask("resumed", task.node, null, null);
    }
  }

  /** Termination is the spec's cancellation: running tasks are cancelled, innermost first. */
  @Override
  public void onTerminated(String reason) {
    for (int i = active.size() - 1; i >= 0; i--) {
      publishTask("cancelled", active.get(i).node, null, null);
    }
    active.clear();
    workflow("cancelled", "reason", text(reason));
  }

  // ---- tasks ----------------------------------------------------------------------------

  /** The task started; {@code cancel} is the token that abandons it with its subtree. */
  Active started(TaskNode node, Cancellation cancel) {
    Active task = new Active(node, cancel);
    active.add(task);
    publishTask("started", node, null, null);
    return task;
  }

  /** The task ended; nothing is published when it was cancelled before. */
  void ended(Active task, String phase, JsonNode value) {
    if (active.remove(task)) {
      publishTask(phase, task.node, phase.equals("faulted") ? "error" : "output", value);
    }
  }

  /**
   * Publishes {@code task.cancelled} for running tasks whose subtree was just abandoned (a losing
   * {@code fork} branch, the inside of a task past its timeout), innermost first. Their work may
   * still end later; that end is not published.
   */
  void abandoned() {
    for (int i = active.size() - 1; i >= 0; i--) {
      if (active.get(i).cancel.isCancelled()) {
        publishTask("cancelled", active.remove(i).node, null, null);
      }
    }
  }

  void retried(TaskNode task, int attempt) {
    ObjectNode data = taskData("retried", task);
    data.put("attempt", attempt);
    publish("io.serverlessworkflow.task.retried.v1", data);
  }

  private void publishTask(String phase, TaskNode task, String key, JsonNode value) {
    ObjectNode data = taskData(phase, task);
    if (value != null) {
      data.set(key, value);
    }
    publish("io.serverlessworkflow.task." + phase + ".v1", data);
  }

  // ---- payloads -------------------------------------------------------------------------

  /**
   * The spec's workflow event data: {@code name} (the instance; also as {@code workflow}, like the
   * task events), {@code definition} and the time, named {@code at} ({@code startedAt}, ...).
   */
  private ObjectNode workflowData(String at) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("name", run.ctx.instanceId());
    data.put("workflow", run.ctx.instanceId());
    ObjectNode definition = data.putObject("definition");
    definition.put("namespace", run.plan.namespace());
    definition.put("name", run.plan.name());
    definition.put("version", run.plan.version());
    data.put(at, run.ctx.currentInstant().toString());
    return data;
  }

  /** The spec's task event data: {@code workflow} (the instance), {@code task} (its pointer). */
  private ObjectNode taskData(String phase, TaskNode task) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("workflow", run.ctx.instanceId());
    data.put("task", task.pointer());
    data.put(phase + "At", run.ctx.currentInstant().toString());
    return data;
  }

  private static JsonNode text(String value) {
    return value == null ? null : JsonNodeFactory.instance.textNode(value);
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
