package io.swirl.dsl.plan;

import java.util.Map;

/**
 * One event filter: a subscription, indexed by {@code type} and correlation keys.
 *
 * @param pointer where the filter sits
 * @param with the attributes an event must have: literals (matched as regular expressions for
 *     strings) or expressions evaluated against the event
 * @param correlate correlation keys by name
 */
public record EventFilter(String pointer, ValueTemplate with, Map<String, Correlation> correlate) {

  public EventFilter {
    correlate = Map.copyOf(correlate);
  }

  /**
   * @param from extracts the correlation value from the event
   * @param expect the expected value (constant or expression), or {@code null}: the first extracted
   *     value becomes the expectation
   */
  public record Correlation(Expression from, ValueTemplate expect) {}
}
