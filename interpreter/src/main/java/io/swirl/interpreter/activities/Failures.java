package io.swirl.interpreter.activities;

import io.swirl.engine.NonRetriableException;
import io.swirl.interpreter.Problem;

/** Activity failures as RFC 7807 problems the interpreter reads back from the failure details. */
final class Failures {

  private Failures() {}

  static NonRetriableException of(Problem problem) {
    return new NonRetriableException(problem.type(), problem.detail(), problem.toJson());
  }
}
