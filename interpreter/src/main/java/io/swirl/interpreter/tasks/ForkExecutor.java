package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swirl.dsl.plan.FlowTarget;
import io.swirl.dsl.plan.ForkTask;
import io.swirl.dsl.plan.TaskNode;
import io.swirl.engine.Task;
import io.swirl.engine.replay.CompletableTask;
import io.swirl.interpreter.expr.Variables;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fork}: every branch runs on the fork's input at once. Without {@code compete} the output
 * is the branches' outputs in declaration order, and the first fault (in history order) faults the
 * fork. With {@code compete} the first branch to complete wins and the others are cancelled; when
 * every branch faults, the last fault is the fork's.
 */
final class ForkExecutor {

  private final Run run;
  private final TaskRunner runner;

  ForkExecutor(Run run, TaskRunner runner) {
    this.run = run;
    this.runner = runner;
  }

  Task<Outcome> run(ForkTask task, JsonNode input, Variables v, Cancellation cancel) {
    List<Cancellation> tokens = new ArrayList<>();
    CompletableTask<Outcome> result = Tasks.pending();
    int[] remaining = {task.branches().size()};
    Outcome[] outcomes = new Outcome[remaining[0]];
    if (remaining[0] == 0) {
      return Tasks.done(Outcome.done(JsonNodeFactory.instance.arrayNode(), null));
    }
    for (int i = 0; i < task.branches().size(); i++) {
      if (result.isDone()) {
        break;
      }
      TaskNode branch = task.branches().get(i);
      Cancellation token = cancel.child();
      tokens.add(token);
      int index = i;
      Task<Outcome> running = runner.run(branch, input, v, token);
      running.onDone(
          done -> {
            if (result.isDone()) {
              return;
            }
            Outcome outcome = Tasks.now(done);
            outcomes[index] = outcome;
            remaining[0]--;
            boolean won = outcome instanceof Outcome.Done;
            if (task.compete() && won) {
              tokens.forEach(Cancellation::cancel);
              run.lifecycle.abandoned();
              Outcome.Done d = (Outcome.Done) outcome;
              result.complete(Outcome.done(d.output(), endOrNull(d)));
            } else if (!task.compete() && !won) {
              tokens.forEach(Cancellation::cancel);
              run.lifecycle.abandoned();
              result.complete(outcome);
            } else if (remaining[0] == 0) {
              result.complete(task.compete() ? outcome : collect(outcomes));
            }
          });
    }
    return result;
  }

  private static Outcome collect(Outcome[] outcomes) {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    FlowTarget flow = null;
    for (Outcome outcome : outcomes) {
      Outcome.Done done = (Outcome.Done) outcome;
      all.add(done.output());
      if (endOrNull(done) != null) {
        flow = FlowTarget.END;
      }
    }
    return Outcome.done(all, flow);
  }

  private static FlowTarget endOrNull(Outcome.Done done) {
    return done.flow() instanceof FlowTarget.End ? FlowTarget.END : null;
  }
}
