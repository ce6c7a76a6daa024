package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.swirl.dsl.plan.FlowTarget;
import io.swirl.dsl.plan.ForTask;
import io.swirl.engine.Task;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.expr.Variables;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code for}: runs the body once per item of {@code in}, each iteration's output being the next
 * one's input; the last iteration's output is the task's. {@code while} is evaluated before every
 * iteration (the spec: "the condition that must be met for the iteration to continue"), with the
 * item and index bound, on the data the iteration would receive.
 */
final class ForExecutor {

  private final Run run;
  private final Sequence sequence;

  ForExecutor(Run run, Sequence sequence) {
    this.run = run;
    this.sequence = sequence;
  }

  Task<Outcome> run(ForTask task, JsonNode input, Variables v, Cancellation cancel) {
    JsonNode collection = run.eval.one(task.in(), input, v);
    List<JsonNode> items = new ArrayList<>();
    if (collection.isArray()) {
      collection.forEach(items::add);
    } else if (collection.isObject()) {
      collection.elements().forEachRemaining(items::add);
    } else if (!collection.isNull()) {
      return Tasks.done(
          Outcome.fault(
              Problem.expression("for.in must give an array, gave " + collection.getNodeType())));
    }
    return iterate(task, items, 0, input, v, cancel);
  }

  private Task<Outcome> iterate(
      ForTask task,
      List<JsonNode> items,
      int start,
      JsonNode input,
      Variables v,
      Cancellation cancel) {
    JsonNode data = input;
    for (int i = start; i < items.size(); i++) {
      Variables iv = v.with(task.each(), items.get(i)).with(task.at(), IntNode.valueOf(i));
      if (task.whileCondition() != null && !run.eval.test(task.whileCondition(), data, iv)) {
        break;
      }
      Task<Outcome> body = sequence.run(task.tasks(), data, iv, cancel);
      if (!body.isDone()) {
        int next = i + 1;
        return body.thenCompose(
            outcome -> {
              if (stops(outcome)) {
                return Tasks.done(Executors.fromList(outcome));
              }
              return iterate(task, items, next, ((Outcome.Done) outcome).output(), v, cancel);
            });
      }
      Outcome outcome = Tasks.now(body);
      if (stops(outcome)) {
        return Tasks.done(Executors.fromList(outcome));
      }
      data = ((Outcome.Done) outcome).output();
    }
    return Tasks.done(Outcome.done(data, null));
  }

  private static boolean stops(Outcome outcome) {
    return !(outcome instanceof Outcome.Done done) || done.flow() instanceof FlowTarget.End;
  }
}
