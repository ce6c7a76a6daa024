package io.swirl.dsl.plan;

import java.util.List;

/** {@code switch}: the first case whose {@code when} holds (or that has none) decides the flow. */
public record SwitchTask(TaskCommon common, List<SwitchTask.Case> cases) implements TaskNode {

  public SwitchTask {
    cases = List.copyOf(cases);
  }

  /**
   * @param name the case's name
   * @param when the condition, or {@code null} for the default case
   * @param then the case's target, resolved within the switch task's list
   */
  public record Case(String name, Expression when, FlowTarget then) {}
}
