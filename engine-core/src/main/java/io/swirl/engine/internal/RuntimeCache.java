package io.swirl.engine.internal;

import io.swirl.engine.replay.OrchestrationRuntime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Live orchestrator state per instance, least recently used evicted first. Owned by the
 * orchestration dispatcher's thread. A miss costs a replay of the instance's history.
 */
final class RuntimeCache {

  private final LinkedHashMap<String, OrchestrationRuntime> runtimes;

  RuntimeCache(int capacity) {
    this.runtimes =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, OrchestrationRuntime> eldest) {
            if (size() > capacity) {
              eldest.getValue().destroy();
              return true;
            }
            return false;
          }
        };
  }

  OrchestrationRuntime get(String instanceId) {
    return runtimes.get(instanceId);
  }

  void put(OrchestrationRuntime runtime) {
    OrchestrationRuntime previous = runtimes.put(runtime.instanceId(), runtime);
    if (previous != null && previous != runtime) {
      previous.destroy();
    }
  }

  void evict(String instanceId) {
    OrchestrationRuntime runtime = runtimes.remove(instanceId);
    if (runtime != null) {
      runtime.destroy();
    }
  }

  void clear() {
    runtimes.values().forEach(OrchestrationRuntime::destroy);
    runtimes.clear();
  }

  int size() {
    return runtimes.size();
  }
}
