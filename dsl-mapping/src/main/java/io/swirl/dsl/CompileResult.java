package io.swirl.dsl;

import io.swirl.dsl.plan.WorkflowPlan;
import java.util.Optional;

/**
 * What compiling one definition gave: always the validation result (warnings included), and the
 * plan when the definition is valid.
 *
 * @param validation the diagnostics
 * @param plan the plan, or {@code null} when {@code validation} holds an error
 */
public record CompileResult(ValidationResult validation, WorkflowPlan plan) {

  public CompileResult {
    if (plan != null && !validation.isValid()) {
      throw new IllegalArgumentException("an invalid definition has no plan");
    }
  }

  /** True when there is a plan. */
  public boolean isValid() {
    return plan != null;
  }

  /** The plan, if the definition is valid. */
  public Optional<WorkflowPlan> planIfValid() {
    return Optional.ofNullable(plan);
  }
}
