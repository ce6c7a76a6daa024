package io.swirl.engine.internal;

import io.swirl.engine.RuntimeStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lets client calls wait for an instance's next committed change in this process. A change carries
 * the status the step committed, so a waiter can tell whether to read the instance again.
 */
public final class InstanceWatchers {

  private final ConcurrentMap<String, CompletableFuture<RuntimeStatus>> watchers =
      new ConcurrentHashMap<>();

  /** A future completed with the status of the instance's next committed step. */
  public CompletableFuture<RuntimeStatus> next(String instanceId) {
    return watchers.computeIfAbsent(instanceId, id -> new CompletableFuture<>());
  }

  public void changed(String instanceId, RuntimeStatus status) {
    if (watchers.isEmpty()) {
      return;
    }
    CompletableFuture<RuntimeStatus> watcher = watchers.remove(instanceId);
    if (watcher != null) {
      watcher.complete(status);
    }
  }
}
