package io.swirl.engine.internal;

import io.swirl.engine.RuntimeStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lets client calls wait for an instance's committed changes in this process. Each change carries
 * the committed status and the future of the change after it, so a waiter that follows the chain
 * never misses one. The chain of an instance ends (and is forgotten) when it becomes terminal.
 */
public final class InstanceWatchers {

  /** One committed change; {@code next} is null after a terminal one. */
  public record Change(RuntimeStatus status, CompletableFuture<Change> next) {}

  private final ConcurrentMap<String, CompletableFuture<Change>> watchers =
      new ConcurrentHashMap<>();

  /** A future completed by the instance's next committed step. */
  public CompletableFuture<Change> next(String instanceId) {
    return watchers.computeIfAbsent(instanceId, id -> new CompletableFuture<>());
  }

  /** Drops a waiter's future for an instance that will not change any more (it is terminal). */
  public void forget(String instanceId, CompletableFuture<Change> future) {
    watchers.remove(instanceId, future);
  }

  /** Records a committed step; called by the one thread that commits steps. */
  public void changed(String instanceId, RuntimeStatus status) {
    if (watchers.isEmpty()) {
      return;
    }
    @SuppressWarnings("unchecked")
    CompletableFuture<Change>[] swap = new CompletableFuture[2];
    watchers.computeIfPresent(
        instanceId,
        (id, current) -> {
          swap[0] = current;
          swap[1] = status.isTerminal() ? null : new CompletableFuture<>();
          return swap[1];
        });
    if (swap[0] != null) {
      swap[0].complete(new Change(status, swap[1]));
    }
  }
}
