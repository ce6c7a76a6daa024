package io.swirl.engine.internal;

import io.swirl.engine.InstanceAlreadyExistsException;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for starts: callers of {@link #create} block while one thread writes every start
 * that queued up meanwhile in a single transaction. Alone, a start costs one hand-off more than
 * writing it directly; under load, one transaction serves many.
 *
 * <p>Each committed start is offered to this engine's orchestration loop ({@code handOff}), which
 * can run its first step without leasing it; the starts it declines are announced, to this engine
 * ({@code wakeUp}) and to other processes ({@link Store#announceWork}), for whichever leases them
 * first.
 */
public final class StartBatcher implements AutoCloseable {

  private static final int MAX_BATCH = 256;

  /** Takes a committed start to run its first step here, or declines it (false). */
  public interface HandOff {
    boolean offer(NewInstance instance, long startMessageId);
  }

  private record Request(NewInstance instance, CompletableFuture<Boolean> created) {}

  private final Store store;
  private final HandOff handOff;
  private final Signal wakeUp;
  private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  public StartBatcher(Store store, HandOff handOff, Signal wakeUp) {
    this.store = store;
    this.handOff = handOff;
    this.wakeUp = wakeUp;
    this.thread = new Thread(this::run, "swirl-starts");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Queues the instance; the future completes when its batch commits, failing with {@link
   * InstanceAlreadyExistsException} when its id is taken.
   */
  public CompletableFuture<Void> submit(NewInstance instance) {
    if (!running) {
      return CompletableFuture.failedFuture(new IllegalStateException("the engine is closed"));
    }
    Request request = new Request(instance, new CompletableFuture<>());
    queue.add(request);
    return request
        .created()
        .thenApply(
            created -> {
              if (!created) {
                throw new InstanceAlreadyExistsException(instance.instanceId());
              }
              return null;
            });
  }

  /**
   * Creates the instance once its batch commits.
   *
   * @throws InstanceAlreadyExistsException when its id is taken
   */
  public void create(NewInstance instance) {
    if (!running) {
      throw new IllegalStateException("the engine is closed");
    }
    Request request = new Request(instance, new CompletableFuture<>());
    queue.add(request);
    boolean created;
    try {
      created = request.created().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + instance.instanceId(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
    if (!created) {
      throw new InstanceAlreadyExistsException(instance.instanceId());
    }
  }

  private void run() {
    List<Request> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Request first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        List<NewInstance> instances = new ArrayList<>(batch.size());
        batch.forEach(r -> instances.add(r.instance()));
        try {
          List<Long> created = store.createInstances(instances);
          boolean declined = false;
          for (int i = 0; i < batch.size(); i++) {
            Long startMessage = created.get(i);
            if (startMessage != null) {
              declined |= !handOff.offer(instances.get(i), startMessage);
            }
          }
          if (declined) {
            wakeUp.raise();
            store.announceWork();
          }
          for (int i = 0; i < batch.size(); i++) {
            batch.get(i).created().complete(created.get(i) != null);
          }
        } catch (RuntimeException e) {
          batch.forEach(r -> r.created().completeExceptionally(e));
        }
        batch.clear();
      } catch (InterruptedException e) {
        break;
      }
    }
    Request left;
    while ((left = queue.poll()) != null) {
      left.created().completeExceptionally(new IllegalStateException("the engine is closed"));
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
