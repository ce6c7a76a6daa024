package io.swirl.engine.store;

import io.swirl.engine.RuntimeStatus;
import java.util.Map;

/**
 * How much a store holds, for metrics: instances by status (every status present, zero when none)
 * and the work waiting.
 *
 * @param readyMessages inbox messages visible now (work for orchestrations, leased or not)
 * @param queuedActivities activities queued or running
 */
public record StoreCounts(
    Map<RuntimeStatus, Long> instances, long readyMessages, long queuedActivities) {

  public StoreCounts {
    java.util.EnumMap<RuntimeStatus, Long> all = new java.util.EnumMap<>(RuntimeStatus.class);
    for (RuntimeStatus status : RuntimeStatus.values()) {
      all.put(status, instances.getOrDefault(status, 0L));
    }
    instances = java.util.Collections.unmodifiableMap(all);
  }
}
