package io.swirl.engine.internal;

import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lets client calls wait for an instance's committed changes in this process. Each change carries
 * the committed status and the future of the change after it, so a waiter that follows the chain
 * never misses one. The chain of an instance ends (and is forgotten) when it becomes terminal.
 *
 * <p>It also remembers the last status this process committed or created for recent instances, so
 * that a waiter for an instance known to be running here can follow the chain without reading the
 * store first.
 */
public final class InstanceWatchers {

  /**
   * One committed change; {@code next} is null after a terminal one, which may carry the instance's
   * state as read right after the commit ({@code state}, else null).
   */
  public record Change(RuntimeStatus status, InstanceState state, CompletableFuture<Change> next) {}

  private static final int RECENT = 16_384;

  private final ConcurrentMap<String, CompletableFuture<Change>> watchers =
      new ConcurrentHashMap<>();

  private final Map<String, RuntimeStatus> recent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RuntimeStatus> eldest) {
              return size() > RECENT;
            }
          });

  /** A future completed by the instance's next committed step. */
  public CompletableFuture<Change> next(String instanceId) {
    return watchers.computeIfAbsent(instanceId, id -> new CompletableFuture<>());
  }

  /** Drops a waiter's future for an instance that will not change any more (it is terminal). */
  public void forget(String instanceId, CompletableFuture<Change> future) {
    watchers.remove(instanceId, future);
  }

  /**
   * The status this process last committed for the instance, or PENDING when it created it and has
   * not stepped it yet; null when it does not know (another process may step it, too).
   */
  public RuntimeStatus lastKnown(String instanceId) {
    return recent.get(instanceId);
  }

  /**
   * Records that this process created the instance and will run its first step (unless a step of it
   * was recorded already).
   */
  public void created(String instanceId) {
    recent.putIfAbsent(instanceId, RuntimeStatus.PENDING);
  }

  /**
   * Records a committed step with, when it ended the instance, the state it left (else null);
   * called by the one thread that commits steps.
   */
  public void changed(String instanceId, RuntimeStatus status, InstanceState state) {
    recent.put(instanceId, status);
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
      swap[0].complete(new Change(status, status.isTerminal() ? state : null, swap[1]));
    }
  }
}
