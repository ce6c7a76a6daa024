package io.swirl.dsl.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.CallTask;
import io.swirl.dsl.plan.RunTask;
import io.swirl.dsl.plan.TaskCommon;
import io.swirl.dsl.plan.TaskNode;
import io.swirl.dsl.plan.ValueTemplate;
import io.swirl.dsl.validation.Unsupported;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code call} and {@code run}: service invocations (activities) and child workflows. A call to a
 * {@code use.functions} entry is flattened: the entry is compiled once and every call holds it.
 */
final class Invocations {

  private static final Pattern CATALOGED = Pattern.compile("^[^:@]+:[^@]+@.+$");

  private final PlanCompiler plan;
  private final Map<String, TaskNode> functions = new HashMap<>();

  Invocations(PlanCompiler plan) {
    this.plan = plan;
  }

  CallTask call(TaskCommon common, JsonNode task) {
    String name = task.get("call").asText();
    ValueTemplate with = plan.expressions().template(common.pointer() + "/with", task.get("with"));
    CallTask.Kind kind = kind(name);
    TaskNode definition = kind == CallTask.Kind.FUNCTION ? function(name) : null;
    String unsupported =
        switch (kind) {
          case GRPC, ASYNCAPI, A2A, MCP -> Unsupported.CALLS.get(name);
          case CATALOG, URI -> Unsupported.EXTERNAL_FUNCTION;
          default -> null;
        };
    return new CallTask(common, kind, name, with, definition, unsupported);
  }

  RunTask run(TaskCommon common, JsonNode task) {
    JsonNode run = task.get("run");
    String p = common.pointer() + "/run";
    boolean await = run.path("await").asBoolean(true);
    String returns = run.path("return").asText("stdout");
    if (run.has("workflow")) {
      JsonNode child = run.get("workflow");
      RunTask.ChildWorkflow workflow =
          new RunTask.ChildWorkflow(
              child.path("namespace").asText(),
              child.path("name").asText(),
              child.path("version").asText("latest"),
              plan.expressions().template(p + "/workflow/input", child.get("input")));
      return new RunTask(common, RunTask.Kind.WORKFLOW, null, workflow, await, returns, null);
    }
    for (RunTask.Kind kind : RunTask.Kind.values()) {
      String key = kind.name().toLowerCase(Locale.ROOT);
      if (run.has(key)) {
        return new RunTask(
            common,
            kind,
            plan.expressions().template(p + "/" + key, run.get(key)),
            null,
            await,
            returns,
            Unsupported.RUNS.get(key));
      }
    }
    throw new IllegalStateException("unknown run kind at " + p);
  }

  private static CallTask.Kind kind(String name) {
    return switch (name) {
      case "http" -> CallTask.Kind.HTTP;
      case "openapi" -> CallTask.Kind.OPENAPI;
      case "grpc" -> CallTask.Kind.GRPC;
      case "asyncapi" -> CallTask.Kind.ASYNCAPI;
      case "a2a" -> CallTask.Kind.A2A;
      case "mcp" -> CallTask.Kind.MCP;
      default -> {
        if (name.contains("://")) {
          yield CallTask.Kind.URI;
        }
        yield CATALOGED.matcher(name).matches() ? CallTask.Kind.CATALOG : CallTask.Kind.FUNCTION;
      }
    };
  }

  /** The {@code use.functions} entry, compiled on first use and shared afterwards. */
  private TaskNode function(String name) {
    TaskNode done = functions.get(name);
    if (done == null) {
      JsonNode definition = plan.use().path("functions").get(name);
      done = plan.tasks().task("/use/functions/" + name, name, definition, Map.of());
      functions.put(name, done);
    }
    return done;
  }
}
