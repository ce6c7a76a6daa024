package io.swirl.engine.store;

import io.swirl.engine.InstanceAlreadyExistsException;
import io.swirl.engine.InstanceState;
import io.swirl.engine.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable state of an engine: instances, their histories and inboxes, and the activity queue.
 * Every method is one transaction; callers pass the current time ({@code now}) so that visibility
 * and lease expiry are decided by the engine's clock and can be tested exactly.
 *
 * <p>Implementations: {@code SqliteStore} (embedded) and a PostgreSQL store. Both pass the {@code
 * StoreContractTest}.
 */
public interface Store extends AutoCloseable {

  // ---- client side -----------------------------------------------------------------------

  /**
   * Creates an instance in status PENDING and puts its {@code ExecutionStarted} in its inbox,
   * visible at {@code instance.startAt()}.
   *
   * @throws InstanceAlreadyExistsException when the id is taken
   */
  void createInstance(NewInstance instance);

  /**
   * Creates several instances in one transaction (group commit for starts); for each, in order, the
   * id of its start message in the inbox, or null when its id was taken (that one writes nothing).
   * Of two instances with one id in the batch, the first is created. Other processes are not told
   * ({@link #announceWork}).
   */
  List<Long> createInstances(List<NewInstance> instances);

  Optional<InstanceState> getInstance(String instanceId);

  /** Instances newest first (by creation time, then id), filtered and paged. */
  InstancePage listInstances(InstanceQuery query);

  /** The instance's current history in order; empty when the instance does not exist. */
  List<HistoryRecord> getHistory(String instanceId);

  /**
   * Adds a message to an instance's inbox, visible from {@code visibleAt}.
   *
   * @return false when no such instance exists (nothing is written)
   */
  boolean enqueue(String instanceId, HistoryEvent message, Instant visibleAt);

  /**
   * Records an event and carries out its deliveries and starts, all in one transaction; see {@link
   * PublishedEvent}. The event's key is remembered until {@link #forgetEvents} drops it.
   */
  default PublishedEvent.Result publishEvent(PublishedEvent event, Instant now) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no events");
  }

  /** Forgets the keys of events received before {@code receivedBefore}; returns how many. */
  default int forgetEvents(Instant receivedBefore) {
    return 0;
  }

  /** Deletes a terminal instance with its history, inbox and queued activities. */
  PurgeResult purge(String instanceId);

  enum PurgeResult {
    PURGED,
    NOT_FOUND,
    NOT_TERMINAL
  }

  /** Instances by status and the work waiting at {@code now}; for metrics. */
  StoreCounts counts(Instant now);

  // ---- definitions -----------------------------------------------------------------------

  /**
   * Registers a definition. Registering the same namespace, name and version again is {@code
   * IDENTICAL} when the hash matches and a {@code CONFLICT} (nothing written) when it does not.
   */
  default SaveResult saveDefinition(DefinitionRecord definition) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no definitions");
  }

  /** The definition registered under namespace, name and version. */
  default Optional<DefinitionRecord> getDefinition(String namespace, String name, String version) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no definitions");
  }

  /** A definition by its content hash (what a running instance pinned). */
  default Optional<DefinitionRecord> getDefinitionByHash(String definitionHash) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no definitions");
  }

  /** Every registered definition, by namespace, name, then registration order. */
  default List<DefinitionRecord> listDefinitions() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no definitions");
  }

  /** Deletes a definition unless an instance that pinned it has not ended ({@code IN_USE}). */
  default DeleteResult deleteDefinition(String namespace, String name, String version) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no definitions");
  }

  enum SaveResult {
    CREATED,
    IDENTICAL,
    CONFLICT
  }

  enum DeleteResult {
    DELETED,
    NOT_FOUND,
    IN_USE
  }

  // ---- orchestration work ----------------------------------------------------------------

  /**
   * Leases up to {@code max} instances that have inbox messages visible at {@code now} and no live
   * lease, and returns each with those messages in arrival order. Each lease gets a new lock token;
   * only a commit that presents it is applied (fencing). Messages for instances that no longer
   * exist are discarded.
   */
  List<OrchestrationWorkItem> lockOrchestrations(
      String owner, int max, Instant now, Duration lease);

  /**
   * {@link #completeActivities} then {@link #lockOrchestrations}, so that results and the leases
   * they call for can share one transaction (a store may do both in one; this default uses two).
   */
  default List<OrchestrationWorkItem> completeAndLock(
      List<ActivityResult> results, String owner, int max, Instant now, Duration lease) {
    if (!results.isEmpty()) {
      completeActivities(results, owner, now);
    }
    return lockOrchestrations(owner, max, now, lease);
  }

  /** The instance's current history events, in order. */
  List<HistoryEvent> loadHistory(String instanceId);

  /**
   * Applies steps in one transaction. A step whose token is not the instance's current one, whose
   * instance is leased to someone else, or one of whose consumed results' activities is no longer
   * leased to {@code owner}, is skipped entirely (but for the fallback of its results, see {@link
   * StepCommit}) and reported in {@link CommitResult#rejected()}. Each applied step releases the
   * lease and advances the instance's token by one. New activities are inserted already leased to
   * {@code owner} until {@code activityLeaseUntil}, so the caller can run them at once; they are
   * returned in {@link CommitResult#lockedActivities()}.
   */
  CommitResult commitSteps(List<StepCommit> steps, String owner, Instant activityLeaseUntil);

  /** Releases a lease without changing anything (the step could not be run). */
  void releaseOrchestration(String instanceId, long lockToken);

  /** The earliest time after {@code now} at which an inbox message becomes visible, if any. */
  Optional<Instant> nextVisibleAfter(Instant now);

  // ---- activity work ---------------------------------------------------------------------

  /**
   * Leases up to {@code max} queued activities that are visible and not leased (or whose lease
   * expired), oldest first, and counts a delivery for each.
   */
  List<ActivityWorkItem> lockActivities(String owner, int max, Instant now, Duration lease);

  /**
   * For each result whose activity is still leased to {@code owner}: deletes the activity and puts
   * its result in the instance's inbox, in one transaction for all. Results for activities no
   * longer leased to {@code owner} are dropped (whoever holds them now will answer). The results
   * are visible in the inboxes from {@code now}.
   */
  void completeActivities(List<ActivityResult> results, String owner, Instant now);

  /** Returns a leased activity to the queue, visible again from {@code visibleAt}. */
  void abandonActivity(long activityId, String owner, Instant visibleAt);

  /** Extends a lease still held by {@code owner}; false when it was lost. */
  boolean renewActivityLease(long activityId, String owner, Instant leaseUntil);

  /**
   * Asks to be told when another process may have added work (a PostgreSQL NOTIFY, say), so idle
   * loops wake at once instead of at their next poll. A store that only one process uses need not
   * call it.
   */
  default void onNewWork(Runnable listener) {}

  /**
   * Tells the other processes' {@link #onNewWork} listeners that there is work to lease. Store
   * calls that add shared work announce it themselves, except {@link #createInstances}: the
   * creating engine usually runs its starts itself and announces only those it declines.
   */
  default void announceWork() {}

  @Override
  void close();
}
