package io.swirl.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How an activity or a child orchestration is retried. Waits between attempts are durable timers.
 * Failures marked non-retriable are never retried.
 *
 * @param maxAttempts total attempts, the first included (1 means no retry)
 * @param firstInterval the wait before the second attempt
 * @param backoffCoefficient each later wait is the previous one times this (at least 1)
 * @param maxInterval no wait is longer than this
 */
public record RetryPolicy(
    int maxAttempts, Duration firstInterval, double backoffCoefficient, Duration maxInterval) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(firstInterval, "firstInterval");
    if (firstInterval.isNegative()) {
      throw new IllegalArgumentException("firstInterval must not be negative");
    }
    if (backoffCoefficient < 1) {
      throw new IllegalArgumentException("backoffCoefficient must be at least 1");
    }
    maxInterval = maxInterval == null ? Duration.ofDays(365) : maxInterval;
  }

  /** Fixed waits of {@code interval} between at most {@code maxAttempts} attempts. */
  public static RetryPolicy fixed(int maxAttempts, Duration interval) {
    return new RetryPolicy(maxAttempts, interval, 1.0, interval);
  }

  /** The wait after failed attempt number {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    double millis = firstInterval.toMillis() * Math.pow(backoffCoefficient, attempt - 1);
    long capped = (long) Math.min(millis, maxInterval.toMillis());
    return Duration.ofMillis(capped);
  }
}
