package io.swirl.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.swirl.engine.Activity;
import io.swirl.engine.ActivityContext;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.ActivityResult;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs activities on a thread pool and hands their results to the orchestration loop, which commits
 * many at once in the transaction that leases the instances they wake. Also picks up queued
 * activities nobody holds (after a restart, or a lost lease) and renews the leases of activities
 * still running.
 */
public final class ActivityDispatcher {

  private static final Logger LOG = Logger.getLogger(ActivityDispatcher.class.getName());

  private final Store store;
  private final EngineSettings settings;
  private final Function<String, Activity> activities;
  private final ObjectMapper mapper;
  private final ExecutorService pool;
  private final Signal orchestrationWakeUp;
  private final Signal pollWakeUp = new Signal();
  private final BlockingQueue<ActivityResult> results = new LinkedBlockingQueue<>();
  private final Map<Long, ActivityWorkItem> inFlight = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  public ActivityDispatcher(
      Store store,
      EngineSettings settings,
      Function<String, Activity> activities,
      ObjectMapper mapper,
      ExecutorService pool,
      Signal orchestrationWakeUp) {
    this.store = store;
    this.settings = settings;
    this.activities = activities;
    this.mapper = mapper;
    this.pool = pool;
    this.orchestrationWakeUp = orchestrationWakeUp;
  }

  /** Runs activities already leased to this engine. */
  public void dispatch(List<ActivityWorkItem> items) {
    for (ActivityWorkItem item : items) {
      inFlight.put(item.id(), item);
      pool.execute(() -> execute(item));
    }
  }

  private void execute(ActivityWorkItem item) {
    HistoryEvent.Completion outcome;
    Activity activity = activities.apply(item.name());
    if (activity == null) {
      outcome =
          new HistoryEvent.TaskFailed(
              item.taskId(),
              new FailureDetails(
                  "swirl.UnknownActivity",
                  "no activity named '" + item.name() + "' is registered",
                  null,
                  false));
    } else {
      try {
        Object result = activity.run(new Context(item));
        outcome = new HistoryEvent.TaskCompleted(item.taskId(), toJson(result));
      } catch (Exception | LinkageError | AssertionError e) {
        outcome = new HistoryEvent.TaskFailed(item.taskId(), FailureDetails.from(e));
      }
    }
    results.add(new ActivityResult(item.id(), item.instanceId(), outcome));
    orchestrationWakeUp.nudge();
  }

  private JsonNode toJson(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    return value instanceof JsonNode json ? json : mapper.valueToTree(value);
  }

  /**
   * Takes up to {@code max} finished activities for the orchestration loop to commit (in the same
   * transaction that leases the instances they wake).
   */
  public List<ActivityResult> drainResults(int max) {
    List<ActivityResult> batch = new ArrayList<>();
    results.drainTo(batch, max);
    return batch;
  }

  /** The results are committed: their activities are no longer this engine's to renew. */
  public void resultsCommitted(List<ActivityResult> committed) {
    committed.forEach(r -> inFlight.remove(r.activityId()));
  }

  /** Puts results whose commit failed back, to be committed by the next attempt. */
  public void requeue(List<ActivityResult> failed) {
    results.addAll(failed);
  }

  /** The loop that finds queued activities nobody holds and renews leases of running ones. */
  public void runPoller() {
    Instant nextRenewal = settings.clock().instant();
    while (running) {
      try {
        Instant now = settings.clock().instant();
        int capacity = settings.activityThreads() * 2 - inFlight.size();
        if (capacity > 0) {
          dispatch(
              store.lockActivities(settings.workerId(), capacity, now, settings.activityLease()));
        }
        if (!now.isBefore(nextRenewal)) {
          renewLeases(now);
          nextRenewal = now.plus(settings.activityLease().dividedBy(3));
        }
        pollWakeUp.await(settings.maxPollInterval());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.log(Level.WARNING, "polling activities failed; retrying", e);
        sleepQuietly(settings.maxPollInterval());
      }
    }
  }

  private void renewLeases(Instant now) {
    Instant until = now.plus(settings.activityLease());
    for (ActivityWorkItem item : inFlight.values()) {
      if (!store.renewActivityLease(item.id(), settings.workerId(), until)) {
        inFlight.remove(item.id());
      }
    }
  }

  private void sleepQuietly(Duration duration) {
    try {
      pollWakeUp.await(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Looks for unowned activities now rather than at the next poll. */
  public void wakePoller() {
    pollWakeUp.raise();
  }

  public void stop() {
    running = false;
    pollWakeUp.raise();
  }

  /** Activities leased to this engine and not yet reported. */
  public int inFlight() {
    return inFlight.size();
  }

  private final class Context implements ActivityContext {
    private final ActivityWorkItem item;

    Context(ActivityWorkItem item) {
      this.item = item;
    }

    @Override
    public String instanceId() {
      return item.instanceId();
    }

    @Override
    public int taskId() {
      return item.taskId();
    }

    @Override
    public String name() {
      return item.name();
    }

    @Override
    public JsonNode input() {
      return item.input() == null ? NullNode.getInstance() : item.input();
    }

    @Override
    public <T> T getInput(Class<T> type) {
      try {
        return type == JsonNode.class ? type.cast(input()) : mapper.treeToValue(input(), type);
      } catch (Exception e) {
        throw new IllegalArgumentException(
            "activity '" + item.name() + "' cannot read its input as " + type.getSimpleName(), e);
      }
    }

    @Override
    public String idempotencyKey() {
      return item.idempotencyKey();
    }

    @Override
    public int deliveryCount() {
      return item.deliveryCount();
    }
  }
}
