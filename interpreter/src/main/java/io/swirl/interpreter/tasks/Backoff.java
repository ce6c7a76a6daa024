package io.swirl.interpreter.tasks;

import io.swirl.dsl.plan.RetryPlan;
import java.time.Duration;
import java.util.UUID;

/**
 * The wait before retry number {@code n} (1-based): {@code constant} waits {@code delay}, {@code
 * linear} {@code delay * n}, {@code exponential} {@code delay * 2^(n-1)}; jitter adds a duration
 * drawn uniformly from {@code [from, to]} with a seed taken from the orchestration's deterministic
 * UUIDs, so a replay waits exactly as long.
 */
final class Backoff {

  private Backoff() {}

  /**
   * @param seed the randomness for jitter ({@code ctx.newUuid()}), or null for none
   */
  static Duration delay(RetryPlan retry, int n, UUID seed) {
    long base = retry.delay() == null ? 0 : retry.delay().toMillis();
    long millis =
        switch (retry.backoff() == null ? RetryPlan.Backoff.CONSTANT : retry.backoff()) {
          case CONSTANT -> base;
          case LINEAR -> base * n;
          case EXPONENTIAL -> base * (1L << Math.min(n - 1, 30));
        };
    if (seed != null && retry.jitterFrom() != null && retry.jitterTo() != null) {
      long from = retry.jitterFrom().toMillis();
      long span = Math.max(0, retry.jitterTo().toMillis() - from);
      long draw = Math.floorMod(seed.getLeastSignificantBits(), span + 1);
      millis += from + draw;
    }
    return Duration.ofMillis(millis);
  }
}
