package io.swirl.engine.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.InstanceState;
import io.swirl.engine.OrchestrationResolver;
import io.swirl.engine.history.CorruptHistoryException;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.replay.OrchestrationRuntime;
import io.swirl.engine.replay.StepOutcome;
import io.swirl.engine.store.ActivityResult;
import io.swirl.engine.store.CommitResult;
import io.swirl.engine.store.InboxMessage;
import io.swirl.engine.store.OrchestrationWorkItem;
import io.swirl.engine.store.StepCommit;
import io.swirl.engine.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop that steps instances: lease a batch of instances with new messages, run each one's
 * orchestrator (from cache, or rebuilt by replay), and commit all their steps in one transaction.
 */
public final class OrchestrationDispatcher implements Runnable {

  private static final Logger LOG = Logger.getLogger(OrchestrationDispatcher.class.getName());

  private final Store store;
  private final EngineSettings settings;
  private final OrchestrationResolver resolver;
  private final ObjectMapper mapper;
  private final ActivityDispatcher activities;
  private final InstanceWatchers watchers;
  private final Signal wakeUp;
  private final RuntimeCache cache;
  private final AtomicLong replayedEvents = new AtomicLong();
  private final AtomicLong steps = new AtomicLong();
  private final AtomicLong stepNanos = new AtomicLong();
  private volatile boolean running = true;
  private final ExecutorService committer =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "swirl-step-commits");
            thread.setDaemon(true);
            return thread;
          });
  private CompletableFuture<Void> pendingCommit = CompletableFuture.completedFuture(null);
  private volatile boolean commitFailed;
  private final Queue<String> rejected = new ConcurrentLinkedQueue<>();

  public OrchestrationDispatcher(
      Store store,
      EngineSettings settings,
      OrchestrationResolver resolver,
      ObjectMapper mapper,
      ActivityDispatcher activities,
      InstanceWatchers watchers,
      Signal wakeUp) {
    this.store = store;
    this.settings = settings;
    this.resolver = resolver;
    this.mapper = mapper;
    this.activities = activities;
    this.watchers = watchers;
    this.wakeUp = wakeUp;
    this.cache = new RuntimeCache(settings.cacheSize());
  }

  @Override
  public void run() {
    try {
      loop();
    } finally {
      try {
        awaitCommit();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "the last commit failed at stop", e);
      }
      committer.shutdown();
      cache.clear();
    }
  }

  private void loop() {
    while (running) {
      try {
        if (!runOnce()) {
          idle();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.log(Level.WARNING, "orchestration step batch failed; retrying", e);
        cache.clear();
        try {
          wakeUp.await(Duration.ofMillis(200));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Runs one batch; true when there may be more to do at once (the batch was full). Otherwise the
   * loop waits for the signal, which every new piece of work raises — an activity result, a
   * client's start or event, and this loop's own commit, after which the instances it just stepped
   * can be leased again — so an idle loop does not poll the store for nothing.
   */
  boolean runOnce() {
    long started = System.nanoTime();
    Clock clock = settings.clock();
    Instant now = clock.instant();
    List<ActivityResult> results = activities.drainResults(settings.activityBatch());
    List<OrchestrationWorkItem> items;
    try {
      items =
          store.completeAndLock(
              results,
              settings.workerId(),
              settings.orchestrationBatch(),
              now,
              settings.orchestrationLease());
    } catch (RuntimeException e) {
      activities.requeue(results);
      throw e;
    }
    activities.resultsCommitted(results);
    if (items.isEmpty()) {
      return false; // results for leased instances: the commit that releases them raises the signal
    }
    List<StepCommit> commits = new ArrayList<>(items.size());
    List<String> ended = new ArrayList<>();
    for (OrchestrationWorkItem item : items) {
      StepCommit commit = step(item, now, ended);
      commits.add(commit);
    }
    for (String instanceId : ended) {
      cache.evict(instanceId);
    }
    // Commit on the committer thread while this one leases and steps the next batch. The
    // leases make that safe: an instance whose step is not committed yet is still leased, so
    // it cannot be in the next batch.
    awaitCommit();
    Instant leaseUntil = now.plus(settings.activityLease());
    pendingCommit =
        CompletableFuture.runAsync(() -> commit(commits, leaseUntil, started), committer);
    return items.size() >= settings.orchestrationBatch();
  }

  /**
   * Commits a batch leased at {@code started} (nanoTime), which every step's latency counts from.
   */
  private void commit(List<StepCommit> commits, Instant activityLeaseUntil, long started) {
    CommitResult result;
    try {
      result = store.commitSteps(commits, settings.workerId(), activityLeaseUntil);
    } catch (RuntimeException e) {
      // The leases stay held until they expire; the states stepped in memory are void.
      commitFailed = true;
      LOG.log(Level.WARNING, "committing " + commits.size() + " steps failed", e);
      wakeUp.raise();
      return;
    }
    rejected.addAll(result.rejected());
    int committed = commits.size() - result.rejected().size();
    steps.addAndGet(committed);
    stepNanos.addAndGet((System.nanoTime() - started) * committed);
    activities.dispatch(result.lockedActivities());
    for (StepCommit commit : commits) {
      watchers.changed(commit.instanceId(), commit.update().status());
    }
    wakeUp.raise(); // new timers may be due before the loop's current idle wait ends
  }

  /** Waits for the batch being committed, then forgets what its commit invalidated. */
  private void awaitCommit() {
    pendingCommit.join();
    if (commitFailed) {
      commitFailed = false;
      cache.clear();
    }
    String lost;
    while ((lost = rejected.poll()) != null) {
      cache.evict(lost);
    }
  }

  private StepCommit step(OrchestrationWorkItem item, Instant now, List<String> ended) {
    InstanceState instance = item.instance();
    List<Long> consumed = new ArrayList<>(item.messages().size());
    List<HistoryEvent> messages = new ArrayList<>(item.messages().size());
    for (InboxMessage message : item.messages()) {
      consumed.add(message.id());
      messages.add(message.event());
    }
    if (instance.status().isTerminal()) {
      ended.add(instance.instanceId());
      return StepCommits.drop(instance, item.lockToken(), consumed);
    }
    OrchestrationRuntime runtime = cache.get(instance.instanceId());
    StepOutcome outcome;
    try {
      if (runtime == null || runtime.historySize() != instance.historySize()) {
        runtime = rebuild(instance);
      }
      outcome = runtime.step(now, messages);
    } catch (RuntimeException bug) {
      if (!isFatal(bug)) {
        throw bug; // a store failure: the batch is retried
      }
      // Replaying or stepping failed, or the history cannot be read: doing it again would fail
      // again, so the instance fails rather than being retried forever.
      LOG.log(Level.SEVERE, "instance " + instance.instanceId() + " cannot run", bug);
      cache.evict(instance.instanceId());
      runtime = new OrchestrationRuntime(instance.instanceId(), resolver, mapper);
      outcome =
          runtime.failStep(
              now,
              FailureDetails.of(
                  "swirl.InternalError",
                  "the engine could not run this instance: " + bug.getMessage()));
    }
    if (outcome.status().isTerminal() || outcome.continueAsNew() != null) {
      ended.add(instance.instanceId());
    } else {
      cache.put(runtime);
    }
    return StepCommits.of(instance, item.lockToken(), consumed, outcome, runtime.started(), now);
  }

  /** Failures of the orchestrator's state (not of the store) that repeating cannot fix. */
  private static boolean isFatal(RuntimeException error) {
    return !(error instanceof StoreCallFailed) || CorruptHistoryException.isCause(error);
  }

  /** Marks a failure of the store call that loads history, which a retry may fix. */
  private static final class StoreCallFailed extends RuntimeException {
    StoreCallFailed(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private OrchestrationRuntime rebuild(InstanceState instance) {
    cache.evict(instance.instanceId());
    OrchestrationRuntime runtime =
        new OrchestrationRuntime(instance.instanceId(), resolver, mapper);
    if (instance.historySize() > 0) {
      List<HistoryEvent> history;
      try {
        history = store.loadHistory(instance.instanceId());
      } catch (RuntimeException e) {
        throw new StoreCallFailed(e);
      }
      runtime.replay(history);
      replayedEvents.addAndGet(history.size());
    }
    return runtime;
  }

  private void idle() throws InterruptedException {
    Instant now = settings.clock().instant();
    Duration wait = settings.maxPollInterval();
    Instant next = store.nextVisibleAfter(now).orElse(null);
    if (next != null) {
      Duration untilNext = Duration.between(now, next);
      if (untilNext.compareTo(wait) < 0) {
        wait = untilNext;
      }
    }
    if (!wait.isNegative() && !wait.isZero()) {
      wakeUp.await(wait);
    }
  }

  public void stop() {
    running = false;
    wakeUp.raise();
  }

  /** Stored events re-applied to rebuild orchestrator state since start. */
  public long replayedEvents() {
    return replayedEvents.get();
  }

  /** Steps committed since start. */
  public long steps() {
    return steps.get();
  }

  /** The sum over committed steps of the time from leasing the instance to the step committed. */
  public long stepNanos() {
    return stepNanos.get();
  }

  /** Instances whose orchestrator state is cached. */
  public int cachedInstances() {
    return cache.size();
  }
}
