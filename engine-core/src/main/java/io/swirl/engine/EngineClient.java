package io.swirl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.internal.InstanceWatchers;
import io.swirl.engine.internal.Signal;
import io.swirl.engine.store.HistoryRecord;
import io.swirl.engine.store.InstancePage;
import io.swirl.engine.store.InstanceQuery;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.PublishedEvent;
import io.swirl.engine.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Starts, reads and steers instances. Every method is blocking (it commits before it returns) and
 * safe to call from any thread; a returned call means the change is durable.
 */
public final class EngineClient {

  private static final Duration POLL = Duration.ofMillis(250);

  private final Store store;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final InstanceWatchers watchers;
  private final Signal wakeUp;
  private final OrchestrationResolver resolver;
  private final io.swirl.engine.internal.StartBatcher starts;
  private final java.util.concurrent.ExecutorService followers =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "swirl-client-followers");
            thread.setDaemon(true);
            return thread;
          });

  EngineClient(
      Store store,
      Clock clock,
      ObjectMapper mapper,
      InstanceWatchers watchers,
      Signal wakeUp,
      OrchestrationResolver resolver,
      io.swirl.engine.internal.StartBatcher.HandOff handOff) {
    this.store = store;
    this.clock = clock;
    this.mapper = mapper;
    this.watchers = watchers;
    this.wakeUp = wakeUp;
    this.resolver = resolver;
    this.starts =
        new io.swirl.engine.internal.StartBatcher(
            store,
            (instance, startMessage) -> {
              if (!handOff.offer(instance, startMessage)) {
                return false;
              }
              watchers.created(instance.instanceId());
              return true;
            },
            wakeUp);
  }

  /** Stops following instances for {@link #whenTerminal}; called when the engine closes. */
  void close() {
    starts.close();
    followers.shutdownNow();
  }

  /** Starts an instance of {@code name} with a generated id; returns the id. */
  public String scheduleNew(String name, Object input) {
    return scheduleNew(name, input, StartOptions.DEFAULTS);
  }

  /**
   * Starts an instance.
   *
   * @throws InstanceAlreadyExistsException when {@code options.instanceId()} is taken
   * @throws IllegalArgumentException for an invalid id or an unknown orchestration
   */
  public String scheduleNew(String name, Object input, StartOptions options) {
    NewInstance instance = newInstance(name, input, options);
    starts.create(instance);
    return instance.instanceId();
  }

  /**
   * Starts an instance without blocking: the future completes with its id once the start is
   * committed (many concurrent starts share one transaction), or fails with {@link
   * InstanceAlreadyExistsException}. Invalid ids and unknown names fail at once.
   */
  public CompletableFuture<String> scheduleNewAsync(
      String name, Object input, StartOptions options) {
    NewInstance instance;
    try {
      instance = newInstance(name, input, options);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return starts.submit(instance).thenApply(created -> instance.instanceId());
  }

  /**
   * The instance a start would create, for {@link #publishEvent} to create with its event: the id
   * is checked (or generated) and the orchestration resolved now.
   *
   * @throws IllegalArgumentException for an invalid id or an unknown orchestration
   */
  public NewInstance prepareStart(String name, Object input, StartOptions options) {
    return newInstance(name, input, options);
  }

  /**
   * Records an accepted event, delivers it and creates the instances it starts, in one transaction;
   * a duplicate key writes nothing. See {@link PublishedEvent}.
   */
  public PublishedEvent.Result publishEvent(PublishedEvent event) {
    PublishedEvent.Result result = store.publishEvent(event, clock.instant());
    if (result.delivered() > 0 || !result.started().isEmpty()) {
      wakeUp.raise();
    }
    return result;
  }

  private NewInstance newInstance(String name, Object input, StartOptions options) {
    String id =
        options.instanceId() == null
            ? InstanceIds.generate()
            : InstanceIds.check(options.instanceId());
    if (resolver.resolve(name, options.version(), options.definitionHash()) == null) {
      throw new IllegalArgumentException("no orchestration named '" + name + "' is registered");
    }
    Instant now = clock.instant();
    Instant startAt =
        options.startAt() == null || options.startAt().isBefore(now) ? now : options.startAt();
    return new NewInstance(
        id,
        new HistoryEvent.ExecutionStarted(
            name, options.version(), options.definitionHash(), toJson(input), null, null),
        now,
        startAt);
  }

  public Optional<InstanceState> getInstance(String instanceId) {
    return store.getInstance(instanceId);
  }

  public InstancePage listInstances(InstanceQuery query) {
    return store.listInstances(query);
  }

  /** The instance's history; empty when it does not exist. */
  public List<HistoryRecord> getHistory(String instanceId) {
    return store.getHistory(instanceId);
  }

  /** Waits until the instance has started (or ended); empty when it does not exist. */
  public Optional<InstanceState> waitForStart(String instanceId, Duration timeout) {
    return waitFor(instanceId, timeout, s -> s.status() != RuntimeStatus.PENDING);
  }

  /**
   * Waits until the instance is terminal or {@code timeout} passes, and returns its latest state;
   * empty when it does not exist.
   */
  public Optional<InstanceState> waitForCompletion(String instanceId, Duration timeout) {
    return waitFor(instanceId, timeout, END);
  }

  private Optional<InstanceState> waitFor(
      String instanceId, Duration timeout, Predicate<InstanceState> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<InstanceWatchers.Change> change = watchers.next(instanceId);
    Optional<InstanceState> state = Optional.empty();
    boolean read = true;
    while (true) {
      if (read) {
        state = store.getInstance(instanceId);
        if (state.isEmpty() || done.test(state.get())) {
          if (state.isEmpty() || state.get().isTerminal()) {
            watchers.forget(instanceId, change);
          }
          return state;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return read ? state : store.getInstance(instanceId);
      }
      try {
        InstanceWatchers.Change committed =
            change.get(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS);
        // Read again only when the committed step may satisfy the wait.
        RuntimeStatus status = committed.status();
        if (committed.state() != null) {
          return Optional.of(committed.state()); // terminal, read right after its commit
        }
        read = status.isTerminal() || status != RuntimeStatus.PENDING && done != END;
        if (committed.next() != null) {
          change = committed.next();
        } // else terminal: the read above returns

      } catch (TimeoutException e) {
        read = true; // another process may have changed it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return state;
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final Predicate<InstanceState> END = InstanceState::isTerminal;

  /**
   * A future completed with the instance's state once it is terminal, or with empty when it does
   * not exist (or was purged). It never blocks a thread while it waits, so an event loop may use
   * it; it learns of this engine's steps at once and of other processes' within a poll interval.
   */
  public CompletableFuture<Optional<InstanceState>> whenTerminal(String instanceId) {
    CompletableFuture<Optional<InstanceState>> result = new CompletableFuture<>();
    CompletableFuture<InstanceWatchers.Change> next = watchers.next(instanceId);
    RuntimeStatus known = watchers.lastKnown(instanceId);
    if (known != null && !known.isTerminal()) {
      // Running here, as far as this process knows: its steps complete the chain (registered
      // first, so none is missed), and a step by another process shows at the poll.
      whenChanged(instanceId, next, result);
    } else {
      follow(instanceId, next, result);
    }
    return result;
  }

  private void follow(
      String instanceId,
      CompletableFuture<InstanceWatchers.Change> change,
      CompletableFuture<Optional<InstanceState>> result) {
    Optional<InstanceState> state = store.getInstance(instanceId);
    if (state.isEmpty() || state.get().isTerminal()) {
      watchers.forget(instanceId, change);
      result.complete(state);
      return;
    }
    whenChanged(instanceId, change, result);
  }

  /**
   * Follows the chain of committed changes from {@code next}: to its end when the terminal change
   * carries the instance's state, else to a read of the store (also when no change comes within the
   * poll, since another process may have stepped the instance).
   */
  private void whenChanged(
      String instanceId,
      CompletableFuture<InstanceWatchers.Change> next,
      CompletableFuture<Optional<InstanceState>> result) {
    // A copy times out, never the shared future other waiters follow.
    next.copy()
        .orTimeout(POLL.toMillis() * 4, TimeUnit.MILLISECONDS)
        .whenCompleteAsync(
            (committed, timedOut) -> {
              if (result.isDone()) {
                return;
              }
              if (committed != null && !committed.status().isTerminal()) {
                whenChanged(instanceId, committed.next(), result);
                return;
              }
              if (committed != null && committed.state() != null) {
                result.complete(Optional.of(committed.state()));
                return;
              }
              try {
                follow(instanceId, timedOut != null ? next : watchers.next(instanceId), result);
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            },
            followers);
  }

  /**
   * Delivers an external event to one instance.
   *
   * @throws InstanceNotFoundException when the instance does not exist
   */
  public void raiseEvent(String instanceId, String eventName, Object payload) {
    send(instanceId, new HistoryEvent.EventRaised(eventName, toJson(payload)));
  }

  /** Suspends a pending or running instance: it keeps events and runs nothing until resumed. */
  public void suspend(String instanceId, String reason) {
    InstanceState state = require(instanceId);
    if (state.isTerminal() || state.status() == RuntimeStatus.SUSPENDED) {
      throw new IllegalInstanceStateException(instanceId, state.status(), "suspend");
    }
    send(instanceId, new HistoryEvent.ExecutionSuspended(reason));
  }

  /** Resumes a suspended instance. */
  public void resume(String instanceId, String reason) {
    InstanceState state = require(instanceId);
    if (state.status() != RuntimeStatus.SUSPENDED) {
      throw new IllegalInstanceStateException(instanceId, state.status(), "resume");
    }
    send(instanceId, new HistoryEvent.ExecutionResumed(reason));
  }

  /** Terminates an instance that has not ended, with {@code output} as its output. */
  public void terminate(String instanceId, Object output, String reason) {
    InstanceState state = require(instanceId);
    if (state.isTerminal()) {
      throw new IllegalInstanceStateException(instanceId, state.status(), "terminate");
    }
    send(instanceId, new HistoryEvent.ExecutionTerminated(toJson(output), reason));
  }

  /**
   * Deletes a terminal instance and everything it left.
   *
   * @throws InstanceNotFoundException when it does not exist
   * @throws IllegalInstanceStateException when it has not ended
   */
  public void purge(String instanceId) {
    switch (store.purge(instanceId)) {
      case PURGED -> {}
      case NOT_FOUND -> throw new InstanceNotFoundException(instanceId);
      case NOT_TERMINAL ->
          throw new IllegalInstanceStateException(
              instanceId, require(instanceId).status(), "purge");
    }
  }

  private InstanceState require(String instanceId) {
    return store
        .getInstance(instanceId)
        .orElseThrow(() -> new InstanceNotFoundException(instanceId));
  }

  private void send(String instanceId, HistoryEvent message) {
    if (!store.enqueue(instanceId, message, clock.instant())) {
      throw new InstanceNotFoundException(instanceId);
    }
    wakeUp.raise();
  }

  private JsonNode toJson(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    return value instanceof JsonNode json ? json : mapper.valueToTree(value);
  }
}
