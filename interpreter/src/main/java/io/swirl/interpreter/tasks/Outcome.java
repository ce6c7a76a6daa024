package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.FlowTarget;
import io.swirl.interpreter.Problem;

/**
 * How a task or a task list ended. Faults are values, not exceptions: the interpreter owns the
 * workflow tree and passes them up until a {@code try} catches one or the workflow faults.
 */
public sealed interface Outcome {

  /**
   * The task ran (or was skipped).
   *
   * @param output its transformed output
   * @param flow where to go next: for a task, its {@code then} (or a switch case's); for a list,
   *     {@link FlowTarget#CONTINUE} or {@link FlowTarget#END} when the workflow must end
   */
  record Done(JsonNode output, FlowTarget flow) implements Outcome {}

  /** The task raised an error that nothing caught yet. */
  record Faulted(Problem problem) implements Outcome {}

  static Outcome done(JsonNode output, FlowTarget flow) {
    return new Done(output, flow);
  }

  static Outcome fault(Problem problem) {
    return new Faulted(problem);
  }
}
