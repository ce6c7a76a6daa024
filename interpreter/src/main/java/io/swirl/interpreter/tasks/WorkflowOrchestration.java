package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.Orchestration;
import io.swirl.engine.OrchestrationContext;
import io.swirl.engine.Task;
import io.swirl.engine.TaskFailedException;
import io.swirl.engine.replay.CompletableTask;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.expr.ExpressionFailure;
import io.swirl.interpreter.expr.Variables;

/**
 * A {@link WorkflowPlan} as an engine orchestration: workflow {@code input.schema} and {@code
 * input.from}, the top-level {@code do} (raced against the workflow timeout), then {@code
 * output.as} and {@code output.schema}. A fault ends the instance failed, with the RFC 7807 problem
 * as the failure's details and its type URI as the failure type.
 */
public final class WorkflowOrchestration implements Orchestration {

  private final WorkflowPlan plan;
  private final JsonNode definition;
  private final Services services;

  /**
   * @param definition the parsed document, for {@code $workflow.definition} and {@code
   *     $task.definition}
   */
  public WorkflowOrchestration(WorkflowPlan plan, JsonNode definition, Services services) {
    this.plan = plan;
    this.definition = definition;
    this.services = services;
  }

  @Override
  public Task<JsonNode> start(OrchestrationContext ctx) {
    Run run = new Run(ctx, plan, definition, services);
    ctx.setExecutionListener(run.lifecycle); // suspended, resumed, cancelled
    run.lifecycle.workflow("started", null, null);
    Task<Outcome> body;
    try {
      body = body(run);
    } catch (ExpressionFailure e) {
      body = Tasks.done(Outcome.fault(e.problem().at("/input/from")));
    }
    return body.thenCompose(outcome -> end(run, outcome));
  }

  private Task<Outcome> body(Run run) {
    JsonNode raw = run.ctx.input();
    Problem invalid = Schemas.check(plan.input().schema(), raw, "workflow input");
    if (invalid != null) {
      return Tasks.done(Outcome.fault(invalid.at("/input/schema")));
    }
    Variables v = run.base();
    TaskRunner runner = new TaskRunner(run);
    JsonNode input = runner.transform(plan.input(), raw, v);
    if (plan.timeout() == null) {
      return runner.sequence().run(plan.root(), input, v, Cancellation.NEVER);
    }
    Cancellation cancel = Cancellation.NEVER.child();
    Task<Outcome> work = runner.sequence().run(plan.root(), input, v, cancel);
    if (work.isDone()) {
      return work;
    }
    return runner.race(
        work, runner.duration(plan.timeout(), input, v), cancel, "/timeout", "the workflow");
  }

  private Task<JsonNode> end(Run run, Outcome outcome) {
    Problem problem;
    if (outcome instanceof Outcome.Done done) {
      try {
        JsonNode output =
            run.eval.render(plan.output().transform(), done.output(), run.base(), done.output());
        problem = Schemas.check(plan.output().schema(), output, "workflow output");
        if (problem == null) {
          run.lifecycle.workflow("completed", "output", output);
          return Tasks.done(output);
        }
        problem = problem.at("/output/schema");
      } catch (ExpressionFailure e) {
        problem = e.problem().at("/output/as");
      }
    } else {
      problem = ((Outcome.Faulted) outcome).problem();
    }
    Problem shown =
        new Problem(
            problem.type(),
            problem.status(),
            problem.title(),
            run.redactor.redact(problem.detail()),
            problem.instance());
    run.lifecycle.workflow("faulted", "error", shown.toJson());
    CompletableTask<JsonNode> failed = Tasks.pending();
    String message =
        shown.title() == null
            ? String.valueOf(shown.detail())
            : shown.title() + (shown.detail() == null ? "" : ": " + shown.detail());
    failed.fail(
        new TaskFailedException(
            "workflow faulted", new FailureDetails(shown.type(), message, shown.toJson(), false)));
    return failed;
  }
}
