package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.FlowTarget;
import io.swirl.dsl.plan.TaskList;
import io.swirl.engine.Task;
import io.swirl.interpreter.expr.Variables;

/**
 * Walks a task list following each task's flow directive. Synchronous stretches (set, switch, ...)
 * run in a loop, so a long list does not grow the stack; the walk only yields at a task that waits
 * for the engine, and resumes from that task's outcome.
 */
final class Sequence {

  private final TaskRunner runner;

  Sequence(TaskRunner runner) {
    this.runner = runner;
  }

  /**
   * Runs {@code list} from its first task. The outcome is {@code Done(output, CONTINUE)} when the
   * list ran out or a task said {@code exit}, {@code Done(output, END)} when a task said {@code
   * end}, or the first uncaught fault.
   */
  Task<Outcome> run(TaskList list, JsonNode input, Variables vars, Cancellation cancel) {
    return from(list, 0, input, vars, cancel);
  }

  private Task<Outcome> from(
      TaskList list, int start, JsonNode input, Variables vars, Cancellation cancel) {
    int index = start;
    JsonNode data = input;
    while (index < list.size()) {
      if (cancel.isCancelled()) {
        return Tasks.done(Outcome.done(data, FlowTarget.CONTINUE));
      }
      Task<Outcome> step = runner.run(list.get(index), data, vars, cancel);
      if (!step.isDone()) {
        int at = index;
        return step.thenCompose(outcome -> after(list, at, outcome, vars, cancel));
      }
      Outcome outcome = Tasks.now(step);
      int next = next(list, index, outcome);
      if (next < 0) {
        return Tasks.done(result(outcome));
      }
      index = next;
      data = ((Outcome.Done) outcome).output();
    }
    return Tasks.done(Outcome.done(data, FlowTarget.CONTINUE));
  }

  private Task<Outcome> after(
      TaskList list, int index, Outcome outcome, Variables vars, Cancellation cancel) {
    int next = next(list, index, outcome);
    if (next < 0) {
      return Tasks.done(result(outcome));
    }
    return from(list, next, ((Outcome.Done) outcome).output(), vars, cancel);
  }

  /** The index to run next, or -1 when the list is over. */
  private static int next(TaskList list, int index, Outcome outcome) {
    if (!(outcome instanceof Outcome.Done done)) {
      return -1;
    }
    FlowTarget flow = done.flow();
    if (flow instanceof FlowTarget.Goto target) {
      return target.index();
    }
    if (flow instanceof FlowTarget.Continue) {
      return index + 1 < list.size() ? index + 1 : list.size();
    }
    return -1;
  }

  /** What the list returns when it stops early. */
  private static Outcome result(Outcome outcome) {
    if (outcome instanceof Outcome.Done done && done.flow() instanceof FlowTarget.Exit) {
      return Outcome.done(done.output(), FlowTarget.CONTINUE);
    }
    return outcome;
  }
}
