package io.swirl.dsl.plan;

import java.time.Duration;

/**
 * A retry policy, resolved (inline or from {@code use.retries}). Its durations are literal; a
 * runtime expression in their place is listed in {@link WorkflowPlan#unsupported()} and read as
 * absent here.
 *
 * @param name the {@code use.retries} entry, or {@code null} when inline
 * @param when retry only when this holds, or {@code null}
 * @param exceptWhen do not retry when this holds, or {@code null}
 * @param delay the base delay between attempts ({@link Duration#ZERO} when absent)
 * @param backoff how the delay grows; {@link Backoff#CONSTANT} when absent
 * @param maxAttempts {@code limit.attempt.count}, or {@code null} for no limit
 * @param attemptDuration {@code limit.attempt.duration}, or {@code null}
 * @param totalDuration {@code limit.duration}, or {@code null}
 * @param jitterFrom {@code jitter.from}, or {@code null}
 * @param jitterTo {@code jitter.to}, or {@code null}
 */
public record RetryPlan(
    String name,
    Expression when,
    Expression exceptWhen,
    Duration delay,
    Backoff backoff,
    Integer maxAttempts,
    Duration attemptDuration,
    Duration totalDuration,
    Duration jitterFrom,
    Duration jitterTo) {

  /**
   * The DSL 1.0 backoff kinds; none takes parameters (the spec defines each as an empty object).
   */
  public enum Backoff {
    CONSTANT,
    LINEAR,
    EXPONENTIAL
  }
}
