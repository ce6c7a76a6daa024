package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.CallTask;
import io.swirl.dsl.plan.DoTask;
import io.swirl.dsl.plan.EmitTask;
import io.swirl.dsl.plan.FlowTarget;
import io.swirl.dsl.plan.ForTask;
import io.swirl.dsl.plan.ForkTask;
import io.swirl.dsl.plan.ListenTask;
import io.swirl.dsl.plan.RaiseTask;
import io.swirl.dsl.plan.RunTask;
import io.swirl.dsl.plan.SetTask;
import io.swirl.dsl.plan.SwitchTask;
import io.swirl.dsl.plan.TaskNode;
import io.swirl.dsl.plan.TryTask;
import io.swirl.dsl.plan.WaitTask;
import io.swirl.engine.Task;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.expr.Variables;

/**
 * Dispatches a task to the class that runs its type. Each returns the task's raw output as {@code
 * Done(output, flow)} where a null flow means "the task's own {@code then}".
 */
final class Executors {

  private final Run run;
  private final Sequence sequence;
  private final ForExecutor forLoop;
  private final ForkExecutor fork;
  private final TryExecutor tryCatch;
  private final EffectExecutor effects;
  private final ListenExecutor listen;
  private final CallExecutor call;

  Executors(Run run, TaskRunner runner, Sequence sequence) {
    this.run = run;
    this.sequence = sequence;
    this.forLoop = new ForExecutor(run, sequence);
    this.fork = new ForkExecutor(run, runner);
    this.tryCatch = new TryExecutor(run, sequence);
    this.effects = new EffectExecutor(run, runner);
    this.listen = new ListenExecutor(run, sequence, runner);
    this.call = new CallExecutor(run, this);
  }

  Sequence sequence() {
    return sequence;
  }

  Task<Outcome> execute(TaskNode node, JsonNode input, Variables v, Cancellation cancel) {
    if (node.unsupported() != null) {
      return Tasks.done(
          Outcome.fault(Problem.configuration("Swirl cannot run " + node.unsupported())));
    }
    if (node instanceof SetTask set) {
      return Tasks.done(Outcome.done(run.eval.render(set.set(), input, v, input), null));
    }
    if (node instanceof DoTask block) {
      return sequence.run(block.tasks(), input, v, cancel).thenApply(Executors::fromList);
    }
    if (node instanceof SwitchTask choice) {
      for (SwitchTask.Case c : choice.cases()) {
        if (c.when() == null || run.eval.test(c.when(), input, v)) {
          return Tasks.done(Outcome.done(input, c.then()));
        }
      }
      return Tasks.done(Outcome.done(input, null));
    }
    if (node instanceof ForTask loop) {
      return forLoop.run(loop, input, v, cancel);
    }
    if (node instanceof ForkTask branches) {
      return fork.run(branches, input, v, cancel);
    }
    if (node instanceof TryTask attempt) {
      return tryCatch.run(attempt, input, v, cancel);
    }
    if (node instanceof RaiseTask raise) {
      return Tasks.done(Outcome.fault(effects.raise(raise, input, v)));
    }
    if (node instanceof WaitTask wait) {
      return effects.waitFor(wait, input, v);
    }
    if (node instanceof EmitTask emit) {
      return effects.emit(emit, input, v);
    }
    if (node instanceof ListenTask events) {
      return listen.run(events, input, v, cancel);
    }
    if (node instanceof CallTask invocation) {
      return call.run(invocation, input, v, cancel);
    }
    return effects.process((RunTask) node, input, v);
  }

  /** A nested list's outcome as its task's: a finished list means "the task's own then". */
  static Outcome fromList(Outcome outcome) {
    if (outcome instanceof Outcome.Done done && done.flow() instanceof FlowTarget.Continue) {
      return Outcome.done(done.output(), null);
    }
    return outcome;
  }
}
