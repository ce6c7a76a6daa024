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
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.OrchestrationWorkItem;
import io.swirl.engine.store.StepCommit;
import io.swirl.engine.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop that steps instances: lease a batch of instances with new messages, run each one's
 * orchestrator (from cache, or rebuilt by replay), and commit all their steps in one transaction.
 */
public final class OrchestrationDispatcher implements Runnable {

  private static final Logger LOG = Logger.getLogger(OrchestrationDispatcher.class.getName());

  /**
   * Batches being committed or waiting to be, at most: the loop steps the next batches while the
   * committer thread commits, merging those that wait into one commit (see {@link #commitQueued}).
   */
  private static final int COMMITS_IN_FLIGHT = 4;

  /** Times kept for the loop's timers (see {@link DueTimes}). */
  private static final int DUE_TIMES_KEPT = 100_000;

  private final Store store;
  private final EngineSettings settings;
  private final OrchestrationResolver resolver;
  private final ObjectMapper mapper;
  private final ActivityDispatcher activities;
  private final InstanceWatchers watchers;
  private final Signal wakeUp;
  private final RuntimeCache cache;
  private final DueTimes dueTimes = new DueTimes(DUE_TIMES_KEPT);
  private final AtomicLong replayedEvents = new AtomicLong();
  private final AtomicLong steps = new AtomicLong();
  private final AtomicLong stepNanos = new AtomicLong();
  private volatile boolean running = true;
  private volatile boolean looping;
  private final ExecutorService committer =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "swirl-step-commits");
            thread.setDaemon(true);
            return thread;
          });
  private final ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
  private volatile boolean commitFailed;

  /**
   * Steps for the committer: {@code results} are the activity results they consume; {@code started}
   * (nanoTime) is when the loop began the batch, which every step's latency counts from.
   */
  private record Batch(
      List<StepCommit> commits,
      List<ActivityResult> results,
      Instant activityLeaseUntil,
      long started,
      CompletableFuture<Void> committed) {}

  private final Queue<Batch> queued = new ConcurrentLinkedQueue<>();

  /** Rejected steps: the instance and the token its cached state would have had after them. */
  private record Rejected(String instanceId, long token) {}

  private final Queue<Rejected> rejected = new ConcurrentLinkedQueue<>();

  /** An instance this engine created, with its start message, for its first step here. */
  private record FreshStart(NewInstance instance, long messageId) {}

  private final Queue<FreshStart> fresh = new ConcurrentLinkedQueue<>();
  private final AtomicInteger freshCount = new AtomicInteger();

  // When to lease (the loop's thread only; see runOnce).
  private boolean leaseNow = true;
  private long leasedRaises;
  private Instant lastLease;
  private long stepNanosPerStep; // how long a step takes the loop, on average
  private volatile long commitNanos; // how long the last commit took
  private volatile int commitSize; // and how many steps it had

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
    looping = true;
    try {
      loop();
    } finally {
      looping = false;
      try {
        awaitCommits();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "the last commits failed at stop", e);
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
        leaseNow = true;
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
   * Takes an instance this engine just created, to run its first step without leasing it (the step
   * presents the instance's first token, 0, and consumes its start message); false when this loop
   * is not running, the start is for later (the loop leases it when it comes due) or enough are
   * waiting already — then it takes the leased path.
   */
  public boolean offerStart(NewInstance instance, long startMessageId) {
    if (instance.startAt().isAfter(settings.clock().instant())) {
      dueTimes.add(instance.startAt());
      wakeUp.nudge(); // the idle wait may end sooner now
      return false;
    }
    if (!looping || !running || freshCount.get() >= settings.orchestrationBatch() * 4) {
      return false;
    }
    freshCount.incrementAndGet();
    fresh.add(new FreshStart(instance, startMessageId));
    wakeUp.nudge();
    return true;
  }

  /**
   * Runs one batch; true when there may be more to do at once (a full batch). Otherwise the loop
   * waits for the signal.
   *
   * <p>Work this engine produced itself is stepped without a lease: the first step of instances its
   * client just created ({@link #offerStart}), and activity results for instances whose
   * orchestrator is cached here. Such a step presents the token the instance's last step left (0
   * for a new one) and is applied only when nobody leased or stepped the instance since (see {@link
   * StepCommit}); otherwise the results go to the inbox and the instance takes the leased path.
   * Results for instances not cached here are committed to their inboxes in the transaction that
   * leases the next batch.
   *
   * <p>The store is asked for leases only when there may be something to lease: the signal was
   * raised (a start or event this engine did not take, a message from another process, a commit
   * that put messages in inboxes), the last lease filled a batch, a known time came due ({@link
   * DueTimes}: its steps' timers, its scheduled starts, and the next visible message the last poll
   * saw), or the poll interval passed — the poll finds what nobody announced, such as the timers of
   * a process that stopped. A lease waits for this engine's commits in flight, so that it sees what
   * they wrote.
   *
   * <p>The batch goes to the committer thread, and the loop goes on to the next one: it waits only
   * when {@link #COMMITS_IN_FLIGHT} are queued, so an instance whose activity result arrives while
   * a commit runs is stepped at once and committed right after it, not two commits later; the
   * batches that queue meanwhile are committed together.
   */
  boolean runOnce() {
    long started = System.nanoTime();
    Clock clock = settings.clock();
    Instant now = clock.instant();
    long raises = wakeUp.raises();
    forgetInvalidated();
    List<ActivityResult> results = activities.drainResults(settings.activityBatch());
    Map<String, List<ActivityResult>> direct = new LinkedHashMap<>();
    List<ActivityResult> inboxed = new ArrayList<>();
    for (ActivityResult result : results) {
      if (cache.get(result.instanceId()) != null) {
        direct.computeIfAbsent(result.instanceId(), id -> new ArrayList<>()).add(result);
      } else {
        inboxed.add(result);
      }
    }
    List<FreshStart> starts = new ArrayList<>();
    for (FreshStart start;
        starts.size() < settings.orchestrationBatch() && (start = fresh.poll()) != null; ) {
      freshCount.decrementAndGet();
      starts.add(start);
    }
    List<OrchestrationWorkItem> items = List.of();
    // Wanted: something new may be waiting (a raise, a due timer), not just the poll or a full
    // batch.
    boolean due = dueTimes.takeDue(now);
    boolean wanted = raises != leasedRaises || due;
    boolean poll = pollDue(now);
    if (wanted || leaseNow || poll || !inboxed.isEmpty()) {
      // Lease what this engine's own commits left, not the states before them: a lease that
      // took an instance whose step is still being committed would step it again.
      awaitCommits();
      try {
        items =
            store.completeAndLock(
                inboxed,
                settings.workerId(),
                settings.orchestrationBatch(),
                now,
                settings.orchestrationLease());
      } catch (RuntimeException e) {
        activities.requeue(results);
        throw e;
      }
      activities.resultsCommitted(inboxed);
      leasedRaises = raises;
      lastLease = now;
      leaseNow = items.size() >= settings.orchestrationBatch();
      if (poll) {
        // Learn the next time nobody told this engine of: a timer set before a restart, or by a
        // process that stopped.
        store.nextVisibleAfter(now).ifPresent(dueTimes::add);
      }
    }
    if (items.isEmpty() && direct.isEmpty() && starts.isEmpty()) {
      return results.size() >= settings.activityBatch();
    }
    long stepping = System.nanoTime();
    List<StepCommit> commits = new ArrayList<>(items.size() + direct.size() + starts.size());
    List<ActivityResult> applied = new ArrayList<>(results.size() - inboxed.size());
    List<String> ended = new ArrayList<>();
    Set<String> leased = new HashSet<>();
    for (OrchestrationWorkItem item : items) {
      leased.add(item.instanceId());
      List<ActivityResult> mine = direct.remove(item.instanceId());
      commits.add(step(item, mine == null ? List.of() : mine, now, ended));
    }
    for (List<ActivityResult> mine : direct.values()) {
      RuntimeCache.Entry cached = cache.get(mine.get(0).instanceId());
      if (cached == null) {
        // Evicted while this batch filled the cache: the next round takes them to the inbox.
        activities.requeue(mine);
        wakeUp.nudge();
        continue;
      }
      commits.add(stepDirect(cached, mine, now, ended));
    }
    for (FreshStart start : starts) {
      // A lease may have taken the start first (it is in the inbox from its commit on); then the
      // leased path runs the instance and its state is cached here already.
      String id = start.instance().instanceId();
      if (leased.contains(id)) {
        continue;
      }
      if (cache.get(id) == null) {
        commits.add(stepFresh(start, now, ended));
      } else {
        leaseNow = true; // a lease took it, or an older instance of that id is cached: lease
      }
    }
    commits.forEach(commit -> applied.addAll(commit.consumedResults()));
    if (!commits.isEmpty()) {
      long perStep = (System.nanoTime() - stepping) / commits.size();
      stepNanosPerStep += (perStep - stepNanosPerStep) / 8; // a moving average
    }
    for (String instanceId : ended) {
      cache.evict(instanceId);
    }
    // Commit on the committer thread while this one steps the next batches. The tokens make
    // that safe: a step computed on a state whose commit is rejected or fails
    // presents a token the instance will never have, and is rejected in turn.
    while (inFlight.size() >= COMMITS_IN_FLIGHT) {
      inFlight.poll().join();
    }
    Batch batch =
        new Batch(
            commits,
            applied,
            now.plus(settings.activityLease()),
            started,
            new CompletableFuture<>());
    queued.add(batch);
    inFlight.add(batch.committed());
    committer.execute(this::commitQueued);
    return items.size() >= settings.orchestrationBatch()
        || results.size() >= settings.activityBatch()
        || !fresh.isEmpty();
  }

  /** Whether the poll interval has passed since the last lease (or there was none). */
  private boolean pollDue(Instant now) {
    return lastLease == null
        || Duration.between(lastLease, now).compareTo(settings.maxPollInterval()) >= 0;
  }

  /**
   * Commits the batches queued, as one commit as far as they go together: up to twice a batch of
   * steps, and never two steps of one instance, which a store applies one after the other or not at
   * all (the loop does not step an instance again before its step committed, but this does not
   * depend on it). Each batch's future completes when its commit did. Runs on the committer thread;
   * each batch queued runs it once, so none waits.
   */
  private void commitQueued() {
    List<Batch> merged = new ArrayList<>();
    Set<String> instances = new HashSet<>();
    int size = 0;
    for (Batch next; (next = queued.peek()) != null; ) {
      if (!merged.isEmpty()
          && (size + next.commits().size() > settings.orchestrationBatch() * 2
              || next.commits().stream().anyMatch(c -> instances.contains(c.instanceId())))) {
        break;
      }
      queued.poll();
      merged.add(next);
      size += next.commits().size();
      next.commits().forEach(c -> instances.add(c.instanceId()));
    }
    if (merged.isEmpty()) {
      return;
    }
    try {
      commitAndReport(merged);
    } finally {
      merged.forEach(batch -> batch.committed().complete(null));
    }
  }

  private void commitAndReport(List<Batch> batches) {
    List<StepCommit> commits = new ArrayList<>();
    List<ActivityResult> results = new ArrayList<>();
    for (Batch batch : batches) {
      commits.addAll(batch.commits());
      results.addAll(batch.results());
    }
    Instant activityLeaseUntil = batches.get(batches.size() - 1).activityLeaseUntil();
    CommitResult result;
    long committing = System.nanoTime();
    try {
      result = store.commitSteps(commits, settings.workerId(), activityLeaseUntil);
      commitNanos = System.nanoTime() - committing;
      commitSize = commits.size();
    } catch (RuntimeException e) {
      // The leases stay held until they expire; the states stepped in memory are void, and the
      // results go around again (to the inbox, once the cache is cleared).
      commitFailed = true;
      activities.requeue(results);
      LOG.log(Level.WARNING, "committing " + commits.size() + " steps failed", e);
      wakeUp.raise();
      return;
    }
    activities.resultsCommitted(results);
    Set<String> lost = new HashSet<>(result.rejected());
    for (StepCommit commit : commits) {
      if (lost.contains(commit.instanceId())) {
        rejected.add(new Rejected(commit.instanceId(), commit.lockToken() + 1));
      }
    }
    long now = System.nanoTime();
    for (Batch batch : batches) {
      int committed = 0;
      for (StepCommit commit : batch.commits()) {
        committed += lost.contains(commit.instanceId()) ? 0 : 1;
      }
      steps.addAndGet(committed);
      stepNanos.addAndGet((now - batch.started()) * committed);
    }
    activities.dispatch(result.lockedActivities());
    Map<String, InstanceState> ended = new HashMap<>();
    result.ended().forEach(state -> ended.put(state.instanceId(), state));
    for (StepCommit commit : commits) {
      if (!lost.contains(commit.instanceId())) {
        watchers.changed(
            commit.instanceId(), commit.update().status(), ended.get(commit.instanceId()));
        for (StepCommit.OutboundMessage message : commit.messages()) {
          if (message.visibleAt().isAfter(commit.update().updatedAt())) {
            dueTimes.add(message.visibleAt());
          }
        }
      }
    }
    if (!result.rejected().isEmpty() || leavesLeasableWork(commits)) {
      wakeUp.raise();
    } else {
      wakeUp.nudge(); // the loop's idle wait learns of new timers
    }
  }

  /**
   * Whether the steps put work where only a lease finds it: children, or messages visible now (to
   * other instances, or to themselves after continue-as-new). A step's own timers go to the loop's
   * {@link DueTimes} instead.
   */
  private static boolean leavesLeasableWork(List<StepCommit> commits) {
    for (StepCommit commit : commits) {
      if (!commit.newInstances().isEmpty()) {
        return true;
      }
      for (StepCommit.OutboundMessage message : commit.messages()) {
        if (!message.visibleAt().isAfter(commit.update().updatedAt())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Waits for every batch in flight, then forgets what their commits invalidated. */
  private void awaitCommits() {
    CompletableFuture<Void> commit;
    while ((commit = inFlight.poll()) != null) {
      commit.join();
    }
    forgetInvalidated();
  }

  /** Forgets what the finished commits invalidated. */
  private void forgetInvalidated() {
    while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
      inFlight.poll();
    }
    if (commitFailed) {
      commitFailed = false;
      cache.clear();
    }
    // Only the state the rejected step left: a later step (leased since) may have cached a newer
    // one, which stays.
    Rejected lost;
    while ((lost = rejected.poll()) != null) {
      cache.evict(lost.instanceId(), lost.token());
    }
  }

  /** The step of a leased instance: its inbox messages, then any results for it. */
  private StepCommit step(
      OrchestrationWorkItem item, List<ActivityResult> results, Instant now, List<String> ended) {
    InstanceState instance = item.instance();
    List<Long> consumed = new ArrayList<>(item.messages().size());
    List<HistoryEvent> messages = new ArrayList<>(item.messages().size() + results.size());
    for (InboxMessage message : item.messages()) {
      consumed.add(message.id());
      messages.add(message.event());
    }
    results.forEach(result -> messages.add(result.result()));
    if (instance.status().isTerminal()) {
      ended.add(instance.instanceId());
      return StepCommits.drop(instance, item.lockToken(), consumed, results);
    }
    RuntimeCache.Entry cached = cache.get(instance.instanceId());
    OrchestrationRuntime runtime = cached == null ? null : cached.runtime();
    try {
      if (runtime == null || runtime.historySize() != instance.historySize()) {
        runtime = rebuild(instance);
      }
    } catch (RuntimeException bug) {
      if (!isFatal(bug)) {
        throw bug; // a store failure: the batch is retried
      }
      return failed(
          instance.instanceId(),
          item.lockToken(),
          instance.historySize(),
          bug,
          now,
          ended,
          consumed,
          results);
    }
    return advance(
        runtime, item.lockToken(), instance.historySize(), consumed, results, messages, now, ended);
  }

  /** The step of an instance nobody leased since its last step here: only results for it. */
  private StepCommit stepDirect(
      RuntimeCache.Entry cached, List<ActivityResult> results, Instant now, List<String> ended) {
    List<HistoryEvent> messages = results.stream().map(r -> (HistoryEvent) r.result()).toList();
    OrchestrationRuntime runtime = cached.runtime();
    return advance(
        runtime, cached.token(), runtime.historySize(), List.of(), results, messages, now, ended);
  }

  /** The first step of an instance this engine just created, which nobody has leased yet. */
  private StepCommit stepFresh(FreshStart start, Instant now, List<String> ended) {
    String instanceId = start.instance().instanceId();
    OrchestrationRuntime runtime = new OrchestrationRuntime(instanceId, resolver, mapper);
    return advance(
        runtime,
        0,
        0,
        List.of(start.messageId()),
        List.of(),
        List.of(start.instance().started()),
        now,
        ended);
  }

  /** Steps {@code runtime}, whose instance's history has {@code historySize} events, once. */
  private StepCommit advance(
      OrchestrationRuntime runtime,
      long token,
      int historySize,
      List<Long> consumed,
      List<ActivityResult> results,
      List<HistoryEvent> messages,
      Instant now,
      List<String> ended) {
    StepOutcome outcome;
    try {
      outcome = runtime.step(now, messages);
    } catch (RuntimeException bug) {
      if (!isFatal(bug)) {
        throw bug; // a store failure: the batch is retried
      }
      return failed(runtime.instanceId(), token, historySize, bug, now, ended, consumed, results);
    }
    if (outcome.status().isTerminal() || outcome.continueAsNew() != null) {
      ended.add(runtime.instanceId());
    } else {
      cache.put(runtime, token + 1);
    }
    return StepCommits.of(
        runtime.instanceId(),
        token,
        historySize,
        consumed,
        results,
        outcome,
        runtime.started(),
        now);
  }

  /**
   * Replaying or stepping failed, or the history cannot be read: doing it again would fail again,
   * so the instance fails rather than being retried forever.
   */
  private StepCommit failed(
      String instanceId,
      long token,
      int historySize,
      RuntimeException bug,
      Instant now,
      List<String> ended,
      List<Long> consumed,
      List<ActivityResult> results) {
    LOG.log(Level.SEVERE, "instance " + instanceId + " cannot run", bug);
    cache.evict(instanceId);
    ended.add(instanceId);
    OrchestrationRuntime runtime = new OrchestrationRuntime(instanceId, resolver, mapper);
    StepOutcome outcome =
        runtime.failStep(
            now,
            FailureDetails.of(
                "swirl.InternalError",
                "the engine could not run this instance: " + bug.getMessage()));
    return StepCommits.of(
        instanceId, token, historySize, consumed, results, outcome, runtime.started(), now);
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

  /**
   * Waits for the signal, the next due time or the poll, whichever comes first — or, when a commit
   * is in flight and stepping as many steps as the last commit had takes the loop less than a
   * quarter of that commit, for that commit: then stepping results as they arrive gains little and
   * costs a wake-up each.
   */
  private void idle() throws InterruptedException {
    forgetInvalidated();
    if (leaseNow) {
      return;
    }
    CompletableFuture<Void> committing = inFlight.peek();
    if (committing != null && stepNanosPerStep * commitSize * 4 < commitNanos) {
      // Stepping is cheap next to a commit: the results that arrive meanwhile wait for it, to be
      // stepped as one batch, instead of waking the loop one by one.
      committing.join();
      return;
    }
    Instant now = settings.clock().instant();
    Duration wait = settings.maxPollInterval();
    Instant next = dueTimes.next();
    if (next != null) {
      if (!next.isAfter(now)) {
        return; // runOnce leases for it
      }
      Duration untilNext = Duration.between(now, next);
      if (untilNext.compareTo(wait) < 0) {
        wait = untilNext;
      }
    }
    if (!wakeUp.await(wait)) {
      leaseNow = true; // a due time came, or the poll interval passed
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
