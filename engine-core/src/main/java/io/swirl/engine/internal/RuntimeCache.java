package io.swirl.engine.internal;

import io.swirl.engine.replay.OrchestrationRuntime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Live orchestrator state per instance, least recently used evicted first, each with the token its
 * instance has once the step that left it committed (the next step may present it without a lease).
 * Owned by the orchestration dispatcher's thread. A miss costs a replay of the instance's history.
 */
final class RuntimeCache {

  /** A cached orchestrator and the instance's token after its last step. */
  record Entry(OrchestrationRuntime runtime, long token) {}

  private final LinkedHashMap<String, Entry> entries;

  RuntimeCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() > capacity) {
              eldest.getValue().runtime().destroy();
              return true;
            }
            return false;
          }
        };
  }

  Entry get(String instanceId) {
    return entries.get(instanceId);
  }

  void put(OrchestrationRuntime runtime, long token) {
    Entry previous = entries.put(runtime.instanceId(), new Entry(runtime, token));
    if (previous != null && previous.runtime() != runtime) {
      previous.runtime().destroy();
    }
  }

  void evict(String instanceId) {
    Entry entry = entries.remove(instanceId);
    if (entry != null) {
      entry.runtime().destroy();
    }
  }

  /** Evicts the instance's state only if it is the one that expects {@code token}. */
  void evict(String instanceId, long token) {
    Entry entry = entries.get(instanceId);
    if (entry != null && entry.token() == token) {
      evict(instanceId);
    }
  }

  void clear() {
    entries.values().forEach(e -> e.runtime().destroy());
    entries.clear();
  }

  int size() {
    return entries.size();
  }
}
