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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs activities on a thread pool and reports their results in batches: one transaction deletes
 * many finished activities and puts their results in their instances' inboxes. Also picks up queued
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
  }

  private JsonNode toJson(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    return value instanceof JsonNode json ? json : mapper.valueToTree(value);
  }

  /** The loop that commits finished activities in batches. */
  public void runCompleter() {
    List<ActivityResult> batch = new ArrayList<>();
    while (running || !results.isEmpty()) {
      try {
        ActivityResult first = results.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        results.drainTo(batch, settings.activityBatch() - 1);
        store.completeActivities(batch, settings.workerId(), settings.clock().instant());
        batch.forEach(r -> inFlight.remove(r.activityId()));
        batch.clear();
        orchestrationWakeUp.raise();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.log(Level.WARNING, "committing activity results failed; retrying", e);
        results.addAll(batch);
        batch.clear();
        sleepQuietly(Duration.ofMillis(200));
      }
    }
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
