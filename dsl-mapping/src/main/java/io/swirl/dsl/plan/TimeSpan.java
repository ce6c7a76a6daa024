package io.swirl.dsl.plan;

import java.time.Duration;

/**
 * A DSL duration: fixed when written as ISO 8601 or a duration object, computed when written as a
 * runtime expression that yields an ISO 8601 string. Exactly one of the two is non-null.
 *
 * @param fixed the literal length
 * @param expression the expression to evaluate when the timer starts
 */
public record TimeSpan(Duration fixed, Expression expression) {

  public TimeSpan {
    if ((fixed == null) == (expression == null)) {
      throw new IllegalArgumentException("a time span is either fixed or computed");
    }
  }

  public static TimeSpan of(Duration fixed) {
    return new TimeSpan(fixed, null);
  }

  public boolean isFixed() {
    return fixed != null;
  }
}
