package io.swirl.engine.store.sqlite;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded store: one SQLite database (WAL, {@code synchronous=NORMAL}) owned by one process,
 * which holds an exclusive lock on {@code PATH.lock} while it is open. Because no other process can
 * hold leases, opening releases every orchestration and activity lease a crashed predecessor left,
 * so its work resumes at once.
 *
 * <p>All access goes through one connection under a lock: SQLite has a single writer, and an
 * in-memory database ({@code sqlite::memory:}) lives only in its connection. Methods are safe to
 * call from any thread but block; call them off event-loop threads.
 */
public final class SqliteStore implements Store {

  private final SqliteConnection db;
  private final SqliteConnection reader;
  private final Checkpointer checkpointer;
  private final ProcessLock processLock;
  private final Clock clock;
  private final List<Integer> migrationsApplied;
  private final StepCommitter committer;

  private SqliteStore(
      SqliteConnection db,
      SqliteConnection reader,
      Checkpointer checkpointer,
      ProcessLock processLock,
      Clock clock,
      List<Integer> migrationsApplied) {
    this.db = db;
    this.reader = reader;
    this.checkpointer = checkpointer;
    this.processLock = processLock;
    this.clock = clock;
    this.migrationsApplied = migrationsApplied;
    this.committer = new StepCommitter(db);
  }

  /** Opens (creating it and its parent directories if needed) the database {@code url} names. */
  public static SqliteStore open(StoreUrl.Sqlite url) {
    return open(url, Clock.systemUTC());
  }

  /**
   * Opens the database {@code url} names; {@code clock} dates activity results, the only writes
   * whose time no caller passes.
   *
   * @throws IllegalStateException when another process holds the store, or its schema is newer than
   *     this build's
   */
  public static SqliteStore open(StoreUrl.Sqlite url, Clock clock) {
    String display = url.display();
    ProcessLock processLock = null;
    String jdbcUrl = "jdbc:sqlite::memory:";
    if (!url.inMemory()) {
      Path file = url.path().toAbsolutePath();
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the directory of store " + display, e);
      }
      processLock = ProcessLock.acquire(file, display);
      jdbcUrl = "jdbc:sqlite:" + file;
    }
    SqliteConnection db = null;
    SqliteConnection reader = null;
    try {
      db =
          url.inMemory()
              ? SqliteConnection.open(jdbcUrl, display)
              : SqliteConnection.openWriter(jdbcUrl, display);
      List<Integer> applied = Migrations.apply(db, display);
      SqliteConnection opened = db;
      db.write(
          "releasing leases",
          () -> {
            opened.prepare(Sql.RELEASE_ALL_INSTANCES).executeUpdate();
            opened.prepare(Sql.RELEASE_ALL_ACTIVITIES).executeUpdate();
            return null;
          });
      // Client reads use their own connection so they never queue behind the writer (WAL lets
      // readers and the writer run at once); an in-memory database has only its one.
      reader = url.inMemory() ? db : SqliteConnection.openReader(jdbcUrl, display);
      Checkpointer checkpointer =
          url.inMemory()
              ? null
              : Checkpointer.start(SqliteConnection.open(jdbcUrl, display), db, display);
      return new SqliteStore(db, reader, checkpointer, processLock, clock, applied);
    } catch (SQLException | RuntimeException e) {
      for (SqliteConnection connection : new SqliteConnection[] {reader, db}) {
        if (connection != null) {
          connection.close();
        }
      }
      if (processLock != null) {
        processLock.close();
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("cannot open store " + display + ": " + e.getMessage(), e);
    }
  }

  /** The schema versions this open applied; empty when the database was up to date. */
  List<Integer> migrationsApplied() {
    return migrationsApplied;
  }

  /** For tests of the schema and query plans. */
  SqliteConnection connection() {
    return db;
  }

  // ---- client side -----------------------------------------------------------------------

  @Override
  public void createInstance(NewInstance instance) {
    Long created = db.write("create instance", () -> Writes.insertInstance(db, instance));
    if (created == null) {
      throw new InstanceAlreadyExistsException(instance.instanceId());
    }
  }

  @Override
  public List<Long> createInstances(List<NewInstance> instances) {
    return db.write(
        "create instances",
        () -> {
          List<Long> created = new ArrayList<>(instances.size());
          for (NewInstance instance : instances) {
            created.add(Writes.insertInstance(db, instance));
          }
          return created;
        });
  }

  @Override
  public SaveResult saveDefinition(DefinitionRecord definition) {
    return db.write("save definition", () -> Definitions.save(db, definition));
  }

  @Override
  public Optional<DefinitionRecord> getDefinition(String namespace, String name, String version) {
    return reader.read("get definition", () -> Definitions.get(reader, namespace, name, version));
  }

  @Override
  public Optional<DefinitionRecord> getDefinitionByHash(String definitionHash) {
    return reader.read("get definition", () -> Definitions.byHash(reader, definitionHash));
  }

  @Override
  public List<DefinitionRecord> listDefinitions() {
    return reader.read("list definitions", () -> Definitions.list(reader));
  }

  @Override
  public DeleteResult deleteDefinition(String namespace, String name, String version) {
    return db.write("delete definition", () -> Definitions.delete(db, namespace, name, version));
  }

  @Override
  public Optional<InstanceState> getInstance(String instanceId) {
    return reader.read("get instance", () -> findInstance(reader, instanceId));
  }

  @Override
  public InstancePage listInstances(InstanceQuery query) {
    return reader.read("list instances", () -> InstanceListing.list(reader, query));
  }

  @Override
  public List<HistoryRecord> getHistory(String instanceId) {
    return reader.read(
        "get history",
        () -> {
          PreparedStatement ps = reader.prepare(Sql.SELECT_HISTORY);
          ps.setString(1, instanceId);
          List<HistoryRecord> records = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              int seq = rs.getInt(1);
              Instant at = Rows.instant(rs, 2);
              for (HistoryEvent event : HistoryCodec.decodeAll(rs.getString(3))) {
                records.add(new HistoryRecord(seq++, at, event));
              }
            }
          }
          return records;
        });
  }

  @Override
  public boolean enqueue(String instanceId, HistoryEvent message, Instant visibleAt) {
    return db.write("enqueue", () -> Writes.insertMessage(db, instanceId, message, visibleAt));
  }

  @Override
  public PublishedEvent.Result publishEvent(PublishedEvent event, Instant now) {
    return db.write("publish event", () -> Events.publish(db, event, now));
  }

  @Override
  public int forgetEvents(Instant receivedBefore) {
    return db.write("forget events", () -> Events.forget(db, receivedBefore));
  }

  @Override
  public StoreCounts counts(Instant now) {
    return reader.read(
        "count",
        () -> {
          java.util.Map<RuntimeStatus, Long> instances =
              new java.util.EnumMap<>(RuntimeStatus.class);
          try (ResultSet rs =
              reader
                  .prepare("SELECT status, COUNT(*) FROM instances GROUP BY status")
                  .executeQuery()) {
            while (rs.next()) {
              instances.put(RuntimeStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
          }
          PreparedStatement ready =
              reader.prepare("SELECT COUNT(*) FROM inbox WHERE visible_at <= ?");
          Rows.setMillis(ready, 1, now);
          long messages;
          try (ResultSet rs = ready.executeQuery()) {
            messages = rs.next() ? rs.getLong(1) : 0;
          }
          long activities;
          try (ResultSet rs =
              reader.prepare("SELECT COUNT(*) FROM activity_queue").executeQuery()) {
            activities = rs.next() ? rs.getLong(1) : 0;
          }
          return new StoreCounts(instances, messages, activities);
        });
  }

  @Override
  public PurgeResult purge(String instanceId) {
    return db.write(
        "purge",
        () -> {
          PreparedStatement status = db.prepare(Sql.SELECT_STATUS);
          status.setString(1, instanceId);
          try (ResultSet rs = status.executeQuery()) {
            if (!rs.next()) {
              return PurgeResult.NOT_FOUND;
            }
            if (!RuntimeStatus.valueOf(rs.getString(1)).isTerminal()) {
              return PurgeResult.NOT_TERMINAL;
            }
          }
          for (String sql :
              List.of(
                  Sql.DELETE_INSTANCE,
                  Sql.DELETE_INPUT,
                  Sql.DELETE_HISTORY,
                  Sql.DELETE_INBOX,
                  Sql.DELETE_ACTIVITIES)) {
            PreparedStatement delete = db.prepare(sql);
            delete.setString(1, instanceId);
            delete.executeUpdate();
          }
          return PurgeResult.PURGED;
        });
  }

  // ---- orchestration work ----------------------------------------------------------------

  @Override
  public List<OrchestrationWorkItem> lockOrchestrations(
      String owner, int max, Instant now, Duration lease) {
    long nowMillis = now.toEpochMilli();
    long expires = now.plus(lease).toEpochMilli();
    return db.write(
        "lock orchestrations", () -> Leasing.orchestrations(db, owner, max, nowMillis, expires));
  }

  @Override
  public List<HistoryEvent> loadHistory(String instanceId) {
    return getHistory(instanceId).stream().map(HistoryRecord::event).toList();
  }

  @Override
  public CommitResult commitSteps(
      List<StepCommit> steps, String owner, Instant activityLeaseUntil) {
    if (steps.isEmpty()) {
      return new CommitResult(List.of(), List.of(), List.of());
    }
    List<StepCommitter.Encoded> encoded = StepCommitter.encode(steps);
    return db.write("commit steps", () -> committer.commit(encoded, owner, activityLeaseUntil));
  }

  @Override
  public void releaseOrchestration(String instanceId, long lockToken) {
    db.write(
        "release orchestration",
        () -> {
          PreparedStatement ps = db.prepare(Sql.RELEASE_INSTANCE);
          ps.setString(1, instanceId);
          ps.setLong(2, lockToken);
          return ps.executeUpdate();
        });
  }

  @Override
  public Optional<Instant> nextVisibleAfter(Instant now) {
    return db.read(
        "next visible message",
        () -> {
          PreparedStatement ps = db.prepare(Sql.NEXT_VISIBLE_AFTER);
          ps.setLong(1, now.toEpochMilli());
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(Rows.instant(rs, 1)) : Optional.empty();
          }
        });
  }

  // ---- activity work ---------------------------------------------------------------------

  @Override
  public List<ActivityWorkItem> lockActivities(String owner, int max, Instant now, Duration lease) {
    long nowMillis = now.toEpochMilli();
    long expires = now.plus(lease).toEpochMilli();
    return db.write(
        "lock activities", () -> Leasing.activities(db, owner, max, nowMillis, expires));
  }

  @Override
  public void completeActivities(List<ActivityResult> results, String owner, Instant now) {
    if (results.isEmpty()) {
      return;
    }
    List<String> encoded = encodeResults(results);
    db.write(
        "complete activities",
        () -> {
          writeResults(results, encoded, owner, now);
          return null;
        });
  }

  /** Call inside a write transaction; {@code encoded} holds each result's event, encoded. */
  private void writeResults(
      List<ActivityResult> results, List<String> encoded, String owner, Instant now)
      throws SQLException {
    PreparedStatement delete = db.prepare(Sql.DELETE_LEASED_ACTIVITY);
    PreparedStatement insert = db.prepare(Sql.INSERT_MESSAGE_IF_INSTANCE);
    for (int i = 0; i < results.size(); i++) {
      ActivityResult result = results.get(i);
      delete.setLong(1, result.activityId());
      delete.setString(2, result.instanceId());
      delete.setString(3, owner);
      if (delete.executeUpdate() > 0) {
        Writes.bindMessage(insert, result.instanceId(), encoded.get(i), now);
        insert.executeUpdate();
      }
    }
  }

  private static List<String> encodeResults(List<ActivityResult> results) {
    return results.stream().map(r -> HistoryCodec.encode(r.result())).toList();
  }

  @Override
  public List<OrchestrationWorkItem> completeAndLock(
      List<ActivityResult> results, String owner, int max, Instant now, Duration lease) {
    long nowMillis = now.toEpochMilli();
    long expires = now.plus(lease).toEpochMilli();
    List<String> encoded = encodeResults(results);
    return db.write(
        "complete activities and lock orchestrations",
        () -> {
          writeResults(results, encoded, owner, now);
          return Leasing.orchestrations(db, owner, max, nowMillis, expires);
        });
  }

  @Override
  public void abandonActivity(long activityId, String owner, Instant visibleAt) {
    db.write(
        "abandon activity",
        () -> {
          PreparedStatement ps = db.prepare(Sql.ABANDON_ACTIVITY);
          Rows.setMillis(ps, 1, visibleAt);
          ps.setLong(2, activityId);
          ps.setString(3, owner);
          return ps.executeUpdate();
        });
  }

  @Override
  public boolean renewActivityLease(long activityId, String owner, Instant leaseUntil) {
    return db.write(
        "renew activity lease",
        () -> {
          PreparedStatement ps = db.prepare(Sql.RENEW_ACTIVITY);
          Rows.setMillis(ps, 1, leaseUntil);
          ps.setLong(2, activityId);
          ps.setString(3, owner);
          return ps.executeUpdate() > 0;
        });
  }

  static Optional<InstanceState> findInstance(SqliteConnection db, String instanceId)
      throws SQLException {
    PreparedStatement ps = db.prepare(Sql.SELECT_INSTANCE);
    ps.setString(1, instanceId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(Rows.instance(rs)) : Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      if (checkpointer != null) {
        checkpointer.close();
      }
      if (reader != db) {
        reader.close();
      }
      db.close();
    } finally {
      if (processLock != null) {
        processLock.close();
      }
    }
  }
}
