package io.swirl.dsl.plan;

import java.util.List;

/**
 * An event consumption strategy ({@code listen.to}, {@code schedule.on}).
 *
 * @param mode {@code one}, {@code any} or {@code all}
 * @param filters the filters; one for {@link Mode#ONE}; may be empty for {@link Mode#ANY} (any
 *     event)
 * @param until for {@link Mode#ANY}: the condition to stop listening, or {@code null}
 * @param untilEvents for {@link Mode#ANY}: the events that stop listening, or {@code null}
 */
public record EventStrategy(
    Mode mode, List<EventFilter> filters, Expression until, EventStrategy untilEvents) {

  public EventStrategy {
    filters = List.copyOf(filters);
  }

  /** How many of the filters must match. */
  public enum Mode {
    ONE,
    ANY,
    ALL
  }
}
