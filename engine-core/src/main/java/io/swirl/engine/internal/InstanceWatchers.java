package io.swirl.engine.internal;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Lets client calls wait for an instance's next committed change in this process. */
public final class InstanceWatchers {

  private final ConcurrentMap<String, CompletableFuture<Void>> watchers = new ConcurrentHashMap<>();

  /** A future completed at the instance's next committed step. */
  public CompletableFuture<Void> next(String instanceId) {
    return watchers.computeIfAbsent(instanceId, id -> new CompletableFuture<>());
  }

  public void changed(String instanceId) {
    CompletableFuture<Void> watcher = watchers.remove(instanceId);
    if (watcher != null) {
      watcher.complete(null);
    }
  }

  public void changed(Collection<String> instanceIds) {
    if (watchers.isEmpty()) {
      return;
    }
    instanceIds.forEach(this::changed);
  }
}
