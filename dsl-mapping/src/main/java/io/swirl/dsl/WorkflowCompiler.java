package io.swirl.dsl;

import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.dsl.plan.internal.PlanCompiler;

/**
 * Validates a definition and compiles it into an immutable {@link WorkflowPlan} for the
 * interpreter: flow resolved, jq compiled once, {@code use} references resolved.
 *
 * <p>Stateless and thread-safe. A definition that uses a valid feature Swirl cannot run yet still
 * compiles; the plan lists it in {@link WorkflowPlan#unsupported()} and marks the task ({@link
 * io.swirl.dsl.plan.TaskNode#unsupported()}).
 */
public final class WorkflowCompiler {

  /**
   * Validates {@code source} (named {@code fileName} in diagnostics; JSON when the name ends in
   * {@code .json} or the text starts with <code>{</code>) and, when it has no errors, compiles it.
   */
  public CompileResult compile(String fileName, String source) {
    DefinitionValidator.Checked checked = DefinitionValidator.check(fileName, source);
    ValidationResult validation = new ValidationResult(fileName, checked.diagnostics());
    if (!validation.isValid() || checked.document() == null) {
      return new CompileResult(validation, null);
    }
    WorkflowPlan plan =
        PlanCompiler.compile(checked.document().root(), source, validation.warnings());
    return new CompileResult(validation, plan);
  }
}
