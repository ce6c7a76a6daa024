package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.OrchestrationContext;
import io.swirl.interpreter.expr.Evaluator;
import io.swirl.interpreter.expr.Redactor;
import io.swirl.interpreter.expr.Variables;
import java.time.Instant;

/**
 * The interpreter's state for one instance in memory: rebuilt from nothing on every replay, and
 * changed only by callbacks the engine runs in history order, so it is a function of history.
 */
public final class Run {

  final OrchestrationContext ctx;
  final WorkflowPlan plan;
  final JsonNode definition;
  private final Services services;
  final Evaluator eval;
  final Redactor redactor = new Redactor();
  final EventPump events;
  final Lifecycle lifecycle;
  final ObjectNode workflowDescriptor;
  private JsonNode context = JsonNodeFactory.instance.objectNode();
  private final Variables base;

  Run(OrchestrationContext ctx, WorkflowPlan plan, JsonNode definition, Services services) {
    this.ctx = ctx;
    this.plan = plan;
    this.definition = definition;
    this.services = services;
    this.eval = new Evaluator(ctx::currentInstant, redactor);
    this.events =
        new EventPump(
            ctx,
            services.eventRetention(),
            plan.subscriptions().stream().anyMatch(f -> !f.pointer().startsWith("/schedule/")));
    this.lifecycle = new Lifecycle(this);
    this.workflowDescriptor = JsonNodeFactory.instance.objectNode();
    workflowDescriptor.put("id", ctx.instanceId());
    workflowDescriptor.set("definition", definition);
    workflowDescriptor.set("input", ctx.input());
    workflowDescriptor.set("startedAt", dateTime(ctx.currentInstant()));
    this.base =
        Variables.EMPTY
            .with("workflow", workflowDescriptor)
            .with("runtime", services.runtime())
            .withLazy("context", () -> context)
            .withLazy("secrets", this::secrets);
  }

  Services services() {
    return services;
  }

  /** The variables every expression sees; tasks add theirs on top. */
  Variables base() {
    return base;
  }

  JsonNode context() {
    return context;
  }

  void context(JsonNode value) {
    context = value;
  }

  private JsonNode secrets() {
    ObjectNode all = JsonNodeFactory.instance.objectNode();
    for (String name : plan.secrets()) {
      JsonNode value = services.secrets().secret(name);
      redactor.remember(value);
      all.set(name, value);
    }
    return all;
  }

  /** The secret named {@code name}, remembered for redaction; null when unknown. */
  JsonNode secret(String name) {
    JsonNode value = services.secrets().secret(name);
    redactor.remember(value);
    return value;
  }

  /** A DSL date-time descriptor: {@code iso8601} and {@code epoch.seconds/milliseconds}. */
  static ObjectNode dateTime(Instant instant) {
    ObjectNode at = JsonNodeFactory.instance.objectNode();
    at.put("iso8601", instant.toString());
    ObjectNode epoch = at.putObject("epoch");
    epoch.put("seconds", instant.getEpochSecond());
    epoch.put("milliseconds", instant.toEpochMilli());
    return at;
  }
}
