package io.swirl.interpreter.expr;

import io.swirl.interpreter.Problem;

/**
 * A runtime expression could not be evaluated. Thrown by {@link Evaluator} and caught at the
 * boundary of the task being run, where it becomes that task's fault; it never crosses into user
 * code or the engine.
 */
public final class ExpressionFailure extends RuntimeException {

  private final transient Problem problem;

  public ExpressionFailure(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
