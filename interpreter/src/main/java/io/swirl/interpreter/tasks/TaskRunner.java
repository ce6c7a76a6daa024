package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.dsl.plan.DataFilter;
import io.swirl.dsl.plan.FlowTarget;
import io.swirl.dsl.plan.TaskCommon;
import io.swirl.dsl.plan.TaskNode;
import io.swirl.dsl.plan.TimeSpan;
import io.swirl.dsl.plan.ValueTemplate;
import io.swirl.engine.Task;
import io.swirl.engine.TaskFailedException;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.expr.ExpressionFailure;
import io.swirl.interpreter.expr.Variables;
import java.time.Duration;
import java.util.List;

/**
 * Runs one task with the spec's data flow around it: {@code if}, {@code input.schema}, {@code
 * input.from}, the task itself (raced against its timeout), {@code output.as}, {@code
 * output.schema}, {@code export.as} (on the transformed output; it replaces {@code $context}) and
 * {@code export.schema}.
 */
final class TaskRunner {

  /** A variable name jq cannot spell, holding the object {@code $authorization} reads. */
  static final String AUTHORIZATION_SLOT = " authorization";

  /**
   * Bound (true) when the task's {@code output.as} or {@code export.as} reads {@code
   * $authorization}: only then does a call ask for its OAuth2 token back (sealed), see {@code
   * CallExecutor}.
   */
  static final String AUTHORIZATION_READ = " authorization read";

  private final Run run;
  private final Executors executors;

  TaskRunner(Run run) {
    this.run = run;
    this.executors = new Executors(run, this, new Sequence(this));
  }

  Sequence sequence() {
    return executors.sequence();
  }

  Task<Outcome> run(TaskNode node, JsonNode raw, Variables vars, Cancellation cancel) {
    TaskCommon c = node.common();
    ObjectNode descriptor = descriptor(node, raw);
    Variables v = vars.with("task", descriptor);
    try {
      if (c.condition() != null && !run.eval.test(c.condition(), raw, v)) {
        return Tasks.done(Outcome.done(raw, FlowTarget.CONTINUE));
      }
      Problem invalid = Schemas.check(c.input().schema(), raw, "task input");
      if (invalid != null) {
        return Tasks.done(Outcome.fault(invalid.at(c.pointer())));
      }
      JsonNode input = transform(c.input(), raw, v);
      // $authorization is filled by a call task once it knows its authentication.
      ObjectNode authorization = newObject();
      Variables bound =
          v.with("input", input)
              .with(AUTHORIZATION_SLOT, authorization)
              .withLazy(
                  "authorization",
                  () -> authorization.isEmpty() ? NullNode.getInstance() : authorization);
      Variables tv =
          readsAuthorization(c.output().transform()) || readsAuthorization(c.export().transform())
              ? bound.with(AUTHORIZATION_READ, BooleanNode.TRUE)
              : bound;
      Lifecycle.Active started = run.lifecycle.started(node, cancel);
      Task<Outcome> body = timed(node, input, tv, cancel);
      return body.thenApply(
          outcome -> {
            Outcome end = finish(node, outcome, descriptor, tv);
            if (end instanceof Outcome.Faulted f) {
              run.lifecycle.ended(started, "faulted", f.problem().toJson());
            } else {
              run.lifecycle.ended(started, "completed", ((Outcome.Done) end).output());
            }
            return end;
          });
    } catch (ExpressionFailure e) {
      return Tasks.done(Outcome.fault(e.problem().at(c.pointer())));
    }
  }

  private Task<Outcome> timed(TaskNode node, JsonNode input, Variables v, Cancellation cancel) {
    TimeSpan timeout = node.common().timeout();
    Cancellation inner = timeout == null ? cancel : cancel.child();
    Task<Outcome> work = guarded(node, input, v, inner);
    if (timeout == null || work.isDone()) {
      return work;
    }
    Duration after = duration(timeout, input, v);
    return race(work, after, inner, node.common().pointer(), "task " + node.name());
  }

  /** {@code work}, or a timeout fault when {@code after} passes first. */
  Task<Outcome> race(
      Task<Outcome> work, Duration after, Cancellation inner, String pointer, String what) {
    Task<Void> timer = run.ctx.createTimer(after);
    return run.ctx
        .anyOf(List.of(work, timer))
        .thenApply(
            first -> {
              if (first == timer && !work.isDone()) {
                inner.cancel();
                run.lifecycle.abandoned();
                return Outcome.fault(
                    Problem.timeout(what + " timed out after " + after).at(pointer));
              }
              return Tasks.now(work);
            });
  }

  /** The task's own work, with any engine failure or expression error turned into a fault. */
  private Task<Outcome> guarded(TaskNode node, JsonNode input, Variables v, Cancellation cancel) {
    Task<Outcome> work;
    try {
      work = executors.execute(node, input, v, cancel);
    } catch (ExpressionFailure e) {
      return Tasks.done(Outcome.fault(e.problem()));
    }
    return work.handle(
        (outcome, error) -> Tasks.done(error == null ? outcome : Outcome.fault(problem(error))));
  }

  private Outcome finish(TaskNode node, Outcome outcome, ObjectNode descriptor, Variables v) {
    TaskCommon c = node.common();
    if (outcome instanceof Outcome.Faulted f) {
      Problem problem = f.problem().at(c.pointer());
      return Outcome.fault(problem);
    }
    Outcome.Done done = (Outcome.Done) outcome;
    try {
      descriptor.set("output", done.output());
      JsonNode output = transform(c.output(), done.output(), v);
      Problem invalid = Schemas.check(c.output().schema(), output, "task output");
      if (invalid == null && c.export().transform() != null) {
        Variables ev = v.with("output", output);
        run.context(run.eval.render(c.export().transform(), output, ev, run.context()));
        invalid = Schemas.check(c.export().schema(), run.context(), "exported context");
      }
      if (invalid != null) {
        return Outcome.fault(invalid.at(c.pointer()));
      }
      return Outcome.done(output, done.flow() == null ? c.then() : done.flow());
    } catch (ExpressionFailure e) {
      return Outcome.fault(e.problem().at(c.pointer()));
    }
  }

  /** True when an expression in {@code t} mentions {@code $authorization} (or may: text match). */
  private static boolean readsAuthorization(ValueTemplate t) {
    if (t instanceof ValueTemplate.Computed computed) {
      return computed.expression().program().contains("$authorization");
    }
    if (t instanceof ValueTemplate.Members members) {
      return members.members().values().stream().anyMatch(TaskRunner::readsAuthorization);
    }
    if (t instanceof ValueTemplate.Items items) {
      return items.items().stream().anyMatch(TaskRunner::readsAuthorization);
    }
    return false;
  }

  JsonNode transform(DataFilter filter, JsonNode data, Variables v) {
    return run.eval.render(filter.transform(), data, v, data);
  }

  Duration duration(TimeSpan span, JsonNode input, Variables v) {
    if (span.isFixed()) {
      return span.fixed();
    }
    JsonNode text = run.eval.one(span.expression(), input, v);
    try {
      return Duration.parse(text.asText());
    } catch (RuntimeException e) {
      throw new ExpressionFailure(
          Problem.expression("'" + text.asText() + "' is not an ISO 8601 duration"));
    }
  }

  private ObjectNode descriptor(TaskNode node, JsonNode raw) {
    ObjectNode task = newObject();
    task.put("name", node.name());
    task.put("reference", node.pointer());
    task.set("definition", run.definition.at(node.pointer()));
    task.set("input", raw);
    task.set("startedAt", Run.dateTime(run.ctx.currentInstant()));
    return task;
  }

  private static ObjectNode newObject() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }

  /** The problem an engine failure carries, or a runtime error describing it. */
  static Problem problem(TaskFailedException error) {
    JsonNode details = error.failure().details();
    if (details != null && details.isObject() && details.has("type")) {
      return Problem.fromJson(details);
    }
    return Problem.runtime(error.failure().message());
  }
}
