package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.RetryPlan;
import io.swirl.dsl.plan.TryTask;
import io.swirl.engine.Task;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.expr.Variables;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code try}/{@code catch}: a fault of the {@code try} list is caught when it matches {@code
 * errors.with}, {@code when} holds and {@code exceptWhen} does not (both evaluated on the task's
 * input with the error bound as {@code $<as>}). A caught error is retried while the retry policy
 * allows (the whole {@code try} list runs again after a durable backoff timer), then handed to
 * {@code catch.do}, whose output becomes the task's; without {@code do}, the task outputs its
 * input.
 */
final class TryExecutor {

  private final Run run;
  private final Sequence sequence;

  TryExecutor(Run run, Sequence sequence) {
    this.run = run;
    this.sequence = sequence;
  }

  Task<Outcome> run(TryTask task, JsonNode input, Variables v, Cancellation cancel) {
    return attempt(task, input, v, cancel, 0, run.ctx.currentInstant());
  }

  private Task<Outcome> attempt(
      TryTask task, JsonNode input, Variables v, Cancellation cancel, int retries, Instant first) {
    RetryPlan retry = task.handler() == null ? null : task.handler().retry();
    Duration limit = retry == null ? null : retry.attemptDuration();
    Cancellation inner = limit == null ? cancel : cancel.child();
    Task<Outcome> work = sequence.run(task.tasks(), input, v, inner);
    if (limit != null && !work.isDone()) {
      work = limited(work, limit, inner, task.common().pointer());
    }
    return work.thenCompose(
        outcome -> {
          if (!(outcome instanceof Outcome.Faulted fault) || cancel.isCancelled()) {
            return Tasks.done(Executors.fromList(outcome));
          }
          return caught(task, input, v, cancel, retries, first, fault.problem());
        });
  }

  /**
   * {@code limit.attempt.duration}: an attempt still running after {@code limit} is abandoned and
   * fails with a timeout error, which the catch then matches (and may retry) like any other.
   */
  private Task<Outcome> limited(
      Task<Outcome> work, Duration limit, Cancellation inner, String pointer) {
    Task<Void> timer = run.ctx.createTimer(limit);
    return run.ctx
        .anyOf(List.of(work, timer))
        .thenApply(
            first -> {
              if (first == timer && !work.isDone()) {
                inner.cancel();
                return Outcome.fault(
                    Problem.timeout("the attempt timed out after " + limit).at(pointer));
              }
              return Tasks.now(work);
            });
  }

  private Task<Outcome> caught(
      TryTask task,
      JsonNode input,
      Variables v,
      Cancellation cancel,
      int retries,
      Instant first,
      Problem problem) {
    TryTask.Catch handler = task.handler();
    JsonNode error = problem.toJson();
    Variables cv = v.with(handler.as(), error);
    if (!matches(handler.errors(), error)
        || handler.when() != null && !run.eval.test(handler.when(), input, cv)
        || handler.exceptWhen() != null && run.eval.test(handler.exceptWhen(), input, cv)) {
      return Tasks.done(Outcome.fault(problem));
    }
    RetryPlan retry = handler.retry();
    if (retry != null && mayRetry(retry, retries, first, input, cv)) {
      Duration delay = Backoff.delay(retry, retries + 1, run.ctx.newUuid());
      run.lifecycle.retried(task, retries + 1);
      return run.ctx
          .createTimer(delay)
          .thenCompose(fired -> attempt(task, input, v, cancel, retries + 1, first));
    }
    if (handler.tasks() == null) {
      return Tasks.done(Outcome.done(input, null));
    }
    return sequence.run(handler.tasks(), input, cv, cancel).thenApply(Executors::fromList);
  }

  private boolean mayRetry(
      RetryPlan retry, int retries, Instant first, JsonNode input, Variables cv) {
    if (retry.maxAttempts() != null && retries >= retry.maxAttempts()) {
      return false;
    }
    if (retry.totalDuration() != null) {
      Duration next = Backoff.delay(retry, retries + 1, null);
      Instant at = run.ctx.currentInstant().plus(next);
      if (at.isAfter(first.plus(retry.totalDuration()))) {
        return false;
      }
    }
    if (retry.when() != null && !run.eval.test(retry.when(), input, cv)) {
      return false;
    }
    return retry.exceptWhen() == null || !run.eval.test(retry.exceptWhen(), input, cv);
  }

  /** True when every property of {@code filter} equals the error's (types also by alias). */
  static boolean matches(JsonNode filter, JsonNode error) {
    // The plan holds errors.with itself; accept the enclosing object too.
    JsonNode with = filter != null && filter.has("with") ? filter.get("with") : filter;
    if (with == null || !with.isObject()) {
      return true;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = with.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      JsonNode actual = error.path(property.getKey());
      JsonNode expected = property.getValue();
      boolean same =
          property.getKey().equals("type")
              ? Problem.sameType(expected.asText(), actual.asText())
              : expected.isNumber() || actual.isNumber()
                  ? expected.asText().equals(actual.asText())
                  : expected.equals(actual);
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
