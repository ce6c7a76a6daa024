package io.swirl.engine.store;

import io.swirl.engine.RuntimeStatus;
import java.time.Instant;
import java.util.Set;

/**
 * A filter and a page request for {@link Store#listInstances}. Null or empty members do not filter.
 *
 * @param cursor the {@link InstancePage#nextCursor()} of the previous page, or null for the first
 */
public record InstanceQuery(
    Set<RuntimeStatus> statuses,
    String name,
    String namePrefix,
    Instant createdFrom,
    Instant createdTo,
    int pageSize,
    String cursor) {

  public InstanceQuery {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (pageSize <= 0) {
      pageSize = 100;
    }
  }

  /** All instances, first page of {@code pageSize}. */
  public static InstanceQuery all(int pageSize) {
    return new InstanceQuery(Set.of(), null, null, null, null, pageSize, null);
  }

  public InstanceQuery withCursor(String next) {
    return new InstanceQuery(statuses, name, namePrefix, createdFrom, createdTo, pageSize, next);
  }
}
