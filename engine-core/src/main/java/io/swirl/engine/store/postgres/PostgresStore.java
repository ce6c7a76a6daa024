package io.swirl.engine.store.postgres;

import io.swirl.engine.InstanceAlreadyExistsException;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.ActivityResult;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.CommitResult;
import io.swirl.engine.store.DefinitionRecord;
import io.swirl.engine.store.HistoryRecord;
import io.swirl.engine.store.InstancePage;
import io.swirl.engine.store.InstanceQuery;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.OrchestrationWorkItem;
import io.swirl.engine.store.PublishedEvent;
import io.swirl.engine.store.StepCommit;
import io.swirl.engine.store.Store;
import io.swirl.engine.store.StoreCounts;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.StoredJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared store: one PostgreSQL database that several engine processes use at once.
 *
 * <p>Work is leased row by row with {@code FOR NO KEY UPDATE SKIP LOCKED} and a lease expiry, so
 * processes never wait for each other and a dead process's work is taken over once its leases
 * expire. Unlike the SQLite store it never releases leases at open: other live processes hold them.
 * Every step commit is fenced by the instance's lock token (see {@link PgStepCommitter}). {@link
 * #onNewWork} listens for the NOTIFYs other processes send after adding work.
 *
 * <p>Methods block the calling thread on the asynchronous Vert.x client (which runs on the store's
 * own small event-loop group); call them from engine or worker threads, never from an event loop.
 */
public final class PostgresStore implements Store {

  private final PgClient client;

  /** The engine's work path: leasing, commits, activity results (see {@link PgClient#work()}). */
  private final PgClient work;

  private final Clock clock;
  private final List<Integer> migrationsApplied;
  private final PgStepCommitter committer;
  private final WorkNotifier notifier;

  private PostgresStore(PgClient client, Clock clock, List<Integer> migrationsApplied) {
    this.client = client;
    this.work = client.work();
    this.clock = clock;
    this.migrationsApplied = migrationsApplied;
    this.committer = new PgStepCommitter(work);
    this.notifier = new WorkNotifier(client);
  }

  /** Connects to the database {@code url} names and migrates its schema. */
  public static PostgresStore open(StoreUrl.Postgres url, PostgresOptions options) {
    return open(url, options, Clock.systemUTC());
  }

  /**
   * Connects and migrates; {@code clock} dates activity results, the only writes whose time no
   * caller passes.
   *
   * @throws IllegalStateException when the database cannot be reached or its schema is newer than
   *     this build's
   */
  public static PostgresStore open(StoreUrl.Postgres url, PostgresOptions options, Clock clock) {
    PgClient client = PgClient.open(url, options);
    try {
      List<Integer> applied = PgMigrations.apply(client);
      return new PostgresStore(client, clock, applied);
    } catch (RuntimeException e) {
      client.close();
      if (e instanceof IllegalStateException) {
        throw e;
      }
      throw new IllegalStateException(
          "cannot open store " + url.display() + ": " + e.getMessage(), e);
    }
  }

  /** The schema versions this open applied; empty when the database was up to date. */
  List<Integer> migrationsApplied() {
    return migrationsApplied;
  }

  /** For tests: the client this store runs its statements on. */
  PgClient client() {
    return client;
  }

  // ---- client side -----------------------------------------------------------------------

  @Override
  public void createInstance(NewInstance instance) {
    RowSet<Row> rows =
        client.query(
            "create instance", PgSql.INSERT_INSTANCES, NewInstances.tuple(List.of(instance)));
    if (rows.rowCount() == 0) {
      throw new InstanceAlreadyExistsException(instance.instanceId());
    }
    notifier.workAdded();
  }

  /** One statement for the whole batch; of two instances with one id, the first is created. */
  @Override
  public List<Long> createInstances(List<NewInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    java.util.Map<String, Long> created = new java.util.HashMap<>();
    for (Row row :
        client.query("create instances", PgSql.INSERT_INSTANCES, NewInstances.tuple(instances))) {
      created.put(row.getString(0), row.getLong(1));
    }
    List<Long> result = new ArrayList<>(instances.size());
    for (NewInstance instance : instances) {
      // remove: a second instance with the same id in the batch was not created
      result.add(created.remove(instance.instanceId()));
    }
    return result; // not announced: see Store.createInstances
  }

  @Override
  public Optional<InstanceState> getInstance(String instanceId) {
    for (Row row : client.query("get instance", PgSql.SELECT_INSTANCE, Tuple.of(instanceId))) {
      return Optional.of(PgRows.instance(row));
    }
    return Optional.empty();
  }

  @Override
  public InstancePage listInstances(InstanceQuery query) {
    return PgInstanceListing.list(client, query);
  }

  @Override
  public List<HistoryRecord> getHistory(String instanceId) {
    List<HistoryRecord> records = new ArrayList<>();
    for (Row row : client.query("get history", PgSql.SELECT_HISTORY, Tuple.of(instanceId))) {
      int seq = row.getInteger(0);
      Instant at = PgRows.instant(row.getLong(1));
      for (HistoryEvent event : HistoryCodec.decodeAll(row.getString(2))) {
        records.add(new HistoryRecord(seq++, at, event));
      }
    }
    return records;
  }

  @Override
  public boolean enqueue(String instanceId, HistoryEvent message, Instant visibleAt) {
    RowSet<Row> rows =
        client.query(
            "enqueue",
            PgSql.INSERT_MESSAGE_IF_INSTANCE,
            Tuple.of(instanceId, visibleAt.toEpochMilli(), HistoryCodec.encode(message)));
    if (rows.rowCount() == 0) {
      return false;
    }
    notifier.workAdded();
    return true;
  }

  @Override
  public PublishedEvent.Result publishEvent(PublishedEvent event, Instant now) {
    PublishedEvent.Result result;
    try (PgClient.Session tx = client.begin("publish event")) {
      RowSet<Row> recorded =
          tx.run(
              PgSql.INSERT_EVENT,
              Tuple.of(
                  event.source(),
                  event.id(),
                  event.type(),
                  now.toEpochMilli(),
                  StoredJson.text(event.envelope())));
      if (recorded.size() == 0) {
        return new PublishedEvent.Result(true, 0, List.of());
      }
      int delivered = 0;
      if (!event.deliverTo().isEmpty()) {
        String message = HistoryCodec.encode(event.delivery());
        delivered =
            tx.run(
                    PgSql.DELIVER_EVENT,
                    Tuple.of(now.toEpochMilli(), message, event.deliverTo().toArray(new String[0])))
                .rowCount();
      }
      List<String> started = new ArrayList<>();
      if (!event.starts().isEmpty()) {
        for (Row row : tx.run(PgSql.INSERT_INSTANCES, NewInstances.tuple(event.starts()))) {
          started.add(row.getString(0));
        }
      }
      tx.commit(List.of());
      result = new PublishedEvent.Result(false, delivered, started);
    }
    if (result.delivered() > 0 || !result.started().isEmpty()) {
      notifier.workAdded();
    }
    return result;
  }

  @Override
  public int forgetEvents(Instant receivedBefore) {
    return client
        .query("forget events", PgSql.FORGET_EVENTS, Tuple.of(receivedBefore.toEpochMilli()))
        .rowCount();
  }

  @Override
  public StoreCounts counts(Instant now) {
    java.util.Map<RuntimeStatus, Long> instances = new java.util.EnumMap<>(RuntimeStatus.class);
    for (Row row : client.query("count instances", PgSql.COUNT_INSTANCES, Tuple.tuple())) {
      instances.put(RuntimeStatus.valueOf(row.getString(0)), row.getLong(1));
    }
    Row work =
        client
            .query("count work", PgSql.COUNT_WORK, Tuple.of(now.toEpochMilli()))
            .iterator()
            .next();
    return new StoreCounts(instances, work.getLong(0), work.getLong(1));
  }

  @Override
  public PurgeResult purge(String instanceId) {
    try (PgClient.Session tx = client.begin("purge")) {
      RowSet<Row> status = tx.run(PgSql.SELECT_STATUS_FOR_UPDATE, Tuple.of(instanceId));
      if (status.size() == 0) {
        return PurgeResult.NOT_FOUND;
      }
      if (!RuntimeStatus.valueOf(status.iterator().next().getString(0)).isTerminal()) {
        return PurgeResult.NOT_TERMINAL;
      }
      List<Future<RowSet<Row>>> deletes = new ArrayList<>();
      for (String sql :
          List.of(
              PgSql.DELETE_INBOX,
              PgSql.DELETE_ACTIVITIES,
              PgSql.DELETE_HISTORY,
              PgSql.DELETE_INSTANCE)) {
        deletes.add(tx.send(sql, Tuple.of(instanceId)));
      }
      tx.commit(deletes);
      return PurgeResult.PURGED;
    }
  }

  // ---- definitions -----------------------------------------------------------------------

  @Override
  public SaveResult saveDefinition(DefinitionRecord definition) {
    return PgDefinitions.save(client, definition);
  }

  @Override
  public Optional<DefinitionRecord> getDefinition(String namespace, String name, String version) {
    return PgDefinitions.get(client, namespace, name, version);
  }

  @Override
  public Optional<DefinitionRecord> getDefinitionByHash(String definitionHash) {
    return PgDefinitions.byHash(client, definitionHash);
  }

  @Override
  public List<DefinitionRecord> listDefinitions() {
    return PgDefinitions.list(client);
  }

  @Override
  public DeleteResult deleteDefinition(String namespace, String name, String version) {
    return PgDefinitions.delete(client, namespace, name, version);
  }

  // ---- orchestration work ----------------------------------------------------------------

  @Override
  public List<OrchestrationWorkItem> lockOrchestrations(
      String owner, int max, Instant now, Duration lease) {
    return completeAndLock(List.of(), owner, max, now, lease);
  }

  /**
   * One transaction in one round trip: BEGIN, the results' statement, the lease (which returns the
   * messages too, see {@link PgSql#LEASE_INSTANCES}) and COMMIT, pipelined. The COMMIT does not
   * wait for the disk (see {@link PgClient#beginRelaxed}): the step commit that follows is durable
   * and flushes it too. A NOTIFY follows only when a result woke an instance this call did not
   * lease itself.
   */
  @Override
  public List<OrchestrationWorkItem> completeAndLock(
      List<ActivityResult> results, String owner, int max, Instant now, Duration lease) {
    PgLeasing.Leased leased = PgLeasing.orchestrations(work, results, owner, max, now, lease);
    if (leased.wokeOthers()) {
      notifier.workAdded();
    }
    return leased.items();
  }

  @Override
  public List<HistoryEvent> loadHistory(String instanceId) {
    List<HistoryEvent> events = new ArrayList<>();
    for (Row row : work.query("load history", PgSql.SELECT_HISTORY, Tuple.of(instanceId))) {
      events.addAll(HistoryCodec.decodeAll(row.getString(2)));
    }
    return events;
  }

  @Override
  public CommitResult commitSteps(
      List<StepCommit> steps, String owner, Instant activityLeaseUntil) {
    if (steps.isEmpty()) {
      return new CommitResult(List.of(), List.of(), List.of());
    }
    PgStepCommitter.Outcome outcome = committer.commit(steps, owner, activityLeaseUntil);
    if (outcome.sharedWork()) {
      notifier.workAdded();
    }
    return outcome.result();
  }

  @Override
  public void releaseOrchestration(String instanceId, long lockToken) {
    RowSet<Row> rows =
        work.query(
            "release orchestration", PgSql.RELEASE_INSTANCE, Tuple.of(instanceId, lockToken));
    if (rows.rowCount() > 0) {
      notifier.workAdded();
    }
  }

  @Override
  public Optional<Instant> nextVisibleAfter(Instant now) {
    Row row =
        work.query("next visible message", PgSql.NEXT_VISIBLE_AFTER, Tuple.of(now.toEpochMilli()))
            .iterator()
            .next();
    return Optional.ofNullable(PgRows.instant(row.getLong(0)));
  }

  // ---- activity work ---------------------------------------------------------------------

  @Override
  public List<ActivityWorkItem> lockActivities(String owner, int max, Instant now, Duration lease) {
    return PgLeasing.activities(work, owner, max, now, lease);
  }

  @Override
  public void completeActivities(List<ActivityResult> results, String owner, Instant now) {
    if (results.isEmpty()) {
      return;
    }
    RowSet<Row> rows =
        work.query(
            "complete activities",
            PgSql.COMPLETE_ACTIVITIES,
            PgLeasing.completions(results, owner, now));
    if (rows.rowCount() > 0) {
      notifier.workAdded();
    }
  }

  @Override
  public void abandonActivity(long activityId, String owner, Instant visibleAt) {
    RowSet<Row> rows =
        work.query(
            "abandon activity",
            PgSql.ABANDON_ACTIVITY,
            Tuple.of(visibleAt.toEpochMilli(), activityId, owner));
    if (rows.rowCount() > 0 && !visibleAt.isAfter(clock.instant())) {
      notifier.workAdded();
    }
  }

  @Override
  public boolean renewActivityLease(long activityId, String owner, Instant leaseUntil) {
    return work.query(
                "renew activity lease",
                PgSql.RENEW_ACTIVITY,
                Tuple.of(leaseUntil.toEpochMilli(), activityId, owner))
            .rowCount()
        > 0;
  }

  @Override
  public void onNewWork(Runnable listener) {
    notifier.onNewWork(listener);
  }

  @Override
  public void close() {
    try {
      notifier.close();
    } finally {
      client.close();
    }
  }
}
