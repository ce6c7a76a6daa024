package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.dsl.plan.EmitTask;
import io.swirl.dsl.plan.RaiseTask;
import io.swirl.dsl.plan.RunTask;
import io.swirl.dsl.plan.WaitTask;
import io.swirl.engine.Task;
import io.swirl.engine.TaskOptions;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.expr.Variables;
import java.util.Locale;

/** The leaf tasks that are one engine command each: raise, wait, emit and run. */
final class EffectExecutor {

  private final Run run;
  private final TaskRunner runner;

  EffectExecutor(Run run, TaskRunner runner) {
    this.run = run;
    this.runner = runner;
  }

  /** The error a {@code raise} raises; its {@code instance} defaults to the task's pointer. */
  Problem raise(RaiseTask task, JsonNode input, Variables v) {
    JsonNode error = run.eval.render(task.error().definition(), input, v, null);
    Problem problem = Problem.fromJson(error);
    return new Problem(
        problem.type(),
        problem.status(),
        problem.title(),
        problem.detail(),
        error.path("instance").asText(""));
  }

  /** {@code wait}: a durable timer; the task outputs its input. */
  Task<Outcome> waitFor(WaitTask task, JsonNode input, Variables v) {
    return run.ctx
        .createTimer(runner.duration(task.duration(), input, v))
        .thenApply(fired -> Outcome.done(input, null));
  }

  /**
   * {@code emit}: the event gets {@code id}, {@code specversion} and {@code time} when the
   * definition leaves them out (from the deterministic context), and is published by the {@code
   * swirl.emit} activity, retried with durable waits while the sink refuses it ({@link
   * Services#emitRetry()}); when every attempt fails the task faults. The task outputs the event as
   * published.
   */
  Task<Outcome> emit(EmitTask task, JsonNode input, Variables v) {
    ObjectNode event = (ObjectNode) run.eval.render(task.event(), input, v, null).deepCopy();
    if (!event.hasNonNull("id")) {
      event.put("id", run.ctx.newUuid().toString());
    }
    if (!event.hasNonNull("specversion")) {
      event.put("specversion", "1.0");
    }
    if (!event.hasNonNull("time")) {
      event.put("time", run.ctx.currentInstant().toString());
    }
    if (event.has("data") && !event.has("datacontenttype")) {
      event.put("datacontenttype", "application/json");
    }
    return run.ctx
        .callActivity(EmitTask.ACTIVITY, event, TaskOptions.retry(run.services().emitRetry()))
        .thenApply(published -> Outcome.done(published, null));
  }

  /** {@code run}: a child orchestration, or a process activity when the operator allows it. */
  Task<Outcome> process(RunTask task, JsonNode input, Variables v) {
    if (task.isChildWorkflow()) {
      return child(task, input, v);
    }
    String kind = task.kind().name().toLowerCase(Locale.ROOT);
    if (!run.services().allowRun().contains(kind)) {
      return Tasks.done(
          Outcome.fault(
              Problem.configuration(
                  "run: "
                      + kind
                      + " is disabled; the operator must allow it (SlwfRuntime allowRun \""
                      + kind
                      + "\")")));
    }
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.set("process", run.eval.render(task.process(), input, v, null));
    request.put("return", task.returns());
    Task<JsonNode> started = run.ctx.callActivity(task.activityName(), request, TaskOptions.NONE);
    if (!task.await()) {
      return Tasks.done(Outcome.done(input, null));
    }
    return started.thenApply(result -> Outcome.done(result, null));
  }

  private Task<Outcome> child(RunTask task, JsonNode input, Variables v) {
    RunTask.ChildWorkflow child = task.workflow();
    JsonNode childInput = run.eval.render(child.input(), input, v, input);
    String name = run.services().orchestrationName().of(child.namespace(), child.name());
    Task<JsonNode> started =
        run.ctx.callSubOrchestration(name, child.version(), childInput, null, TaskOptions.NONE);
    if (!task.await()) {
      return Tasks.done(Outcome.done(input, null));
    }
    return started.handle(
        (output, error) -> {
          if (error == null) {
            return Tasks.done(Outcome.done(output, null));
          }
          Problem inner = TaskRunner.problem(error);
          return Tasks.done(
              Outcome.fault(
                  new Problem(inner.type(), inner.status(), inner.title(), inner.detail(), "")));
        });
  }
}
