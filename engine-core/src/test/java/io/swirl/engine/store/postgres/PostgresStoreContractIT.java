package io.swirl.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.OrchestrationWorkItem;
import io.swirl.engine.store.Store;
import io.swirl.engine.store.StoreContractTest;
import io.swirl.engine.store.Stores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL, and what only a shared store does. */
class PostgresStoreContractIT extends StoreContractTest {

  private static PgTestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PgTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected Store openStore() {
    PostgresStore opened = open();
    // One database per class; each test starts from empty tables.
    database.execute(
        "DELETE FROM inbox; DELETE FROM history_steps; DELETE FROM activity_queue;"
            + " DELETE FROM instances; DELETE FROM definitions; DELETE FROM events");
    return opened;
  }

  private static PostgresStore open() {
    return PostgresStore.open(database.url(), PostgresOptions.defaults());
  }

  private static NewInstance newInstance(String id) {
    HistoryEvent.ExecutionStarted started =
        new HistoryEvent.ExecutionStarted(
            "flow", "1", null, JsonNodeFactory.instance.objectNode(), null, null);
    return new NewInstance(id, started, T0, T0);
  }

  @Test
  void reopen_keeps_the_data_and_runs_no_migration_again() {
    store.createInstance(newInstance("kept"));
    store.close();

    store = Stores.open(database.url());

    assertThat(((PostgresStore) store).migrationsApplied()).isEmpty();
    assertThat(store.getInstance("kept")).isPresent();
  }

  @Test
  void migration_4_moves_a_history_kept_one_row_per_event_to_one_row_per_step() {
    HistoryEvent.ExecutionStarted started = newInstance("old").started();
    HistoryEvent.TaskScheduled scheduled =
        new HistoryEvent.TaskScheduled(0, "work", JsonNodeFactory.instance.numberNode(7), "k");
    store.close();
    // Rewind to schema 3: the old table, holding two events of an instance, and no new one.
    database.execute(
        "DROP TABLE history_steps; DELETE FROM schema_version WHERE version = 4;"
            + " CREATE TABLE history (instance_id TEXT COLLATE \"C\" NOT NULL,"
            + " seq INTEGER NOT NULL, created_at BIGINT NOT NULL, event TEXT NOT NULL,"
            + " PRIMARY KEY (instance_id, seq));"
            + " INSERT INTO history VALUES ('old', 0, 1000, '"
            + HistoryCodec.encode(started)
            + "'), ('old', 1, 2000, '"
            + HistoryCodec.encode(scheduled)
            + "')");

    store = open();

    assertThat(((PostgresStore) store).migrationsApplied()).containsExactly(4);
    assertThat(store.getHistory("old"))
        .extracting(r -> r.seq() + "@" + r.timestamp().toEpochMilli() + " " + r.event())
        .containsExactly("0@1000 " + started, "1@2000 " + scheduled);
    assertThat(store.loadHistory("old")).containsExactly(started, scheduled);
    database.execute("DELETE FROM history_steps");
  }

  @Test
  void a_database_from_a_newer_swirl_is_refused() {
    database.execute("INSERT INTO schema_version VALUES (99, 0)");
    try {
      assertThatThrownBy(PostgresStoreContractIT::open)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("schema version 99")
          .hasMessageContaining("newer Swirl");
    } finally {
      database.execute("DELETE FROM schema_version WHERE version = 99");
    }
  }

  @Test
  void leases_held_by_another_process_survive_a_new_store_opening() {
    store.createInstance(newInstance("a"));
    OrchestrationWorkItem held = store.lockOrchestrations(OWNER, 10, T0, LEASE).get(0);

    try (Store other = open()) {
      assertThat(other.lockOrchestrations("other", 10, T0, LEASE)).isEmpty();
      assertThat(other.lockOrchestrations("other", 10, T0.plus(LEASE).plusMillis(1), LEASE))
          .extracting(OrchestrationWorkItem::lockToken)
          .containsExactly(held.lockToken() + 1);
    }
  }

  @Test
  void two_stores_leasing_at_once_never_lease_one_instance_twice() throws Exception {
    int instances = 300;
    for (int i = 0; i < instances; i++) {
      store.createInstance(newInstance("i" + i));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Store> stores = List.of(open(), open(), open(), open());
    try {
      List<Future<List<String>>> leased = new ArrayList<>();
      for (int t = 0; t < stores.size(); t++) {
        Store s = stores.get(t);
        String owner = "owner-" + t;
        leased.add(
            threads.submit(
                () -> {
                  List<String> mine = new ArrayList<>();
                  List<OrchestrationWorkItem> batch;
                  while (!(batch = s.lockOrchestrations(owner, 7, T0, LEASE)).isEmpty()) {
                    batch.forEach(item -> mine.add(item.instanceId()));
                  }
                  return mine;
                }));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : leased) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }
      Set<String> unique = new HashSet<>(all);
      assertThat(all).as("leased once each").hasSize(unique.size());
      assertThat(unique).hasSize(instances);
    } finally {
      threads.shutdownNow();
      stores.forEach(Store::close);
    }
  }

  @Test
  void another_process_adding_work_wakes_this_one_but_its_own_writes_do_not() throws Exception {
    CountDownLatch woken = new CountDownLatch(1);
    CountDownLatch subscribed = new CountDownLatch(1);
    List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    store.onNewWork(
        () -> {
          calls.add("wake");
          subscribed.countDown();
          if (calls.size() > 1) {
            woken.countDown();
          }
        });
    // The first call comes when the LISTEN is in place.
    assertThat(subscribed.await(10, TimeUnit.SECONDS)).as("LISTEN subscribed").isTrue();
    store.createInstance(newInstance("mine"));
    Thread.sleep(300);
    assertThat(calls).as("own NOTIFY ignored").hasSize(1);

    try (Store other = open()) {
      other.createInstance(newInstance("theirs"));
      assertThat(woken.await(10, TimeUnit.SECONDS)).as("woken by the other store").isTrue();
    }
  }

  @Test
  void two_results_for_one_activity_in_a_batch_deliver_one_message() {
    store.createInstance(newInstance("a"));
    OrchestrationWorkItem item = store.lockOrchestrations(OWNER, 10, T0, LEASE).get(0);
    io.swirl.engine.store.ActivityWorkItem activity =
        store
            .commitSteps(
                List.of(
                    new io.swirl.engine.store.StepCommit(
                        "a",
                        item.lockToken(),
                        false,
                        0,
                        List.of(),
                        List.of(item.messages().get(0).id()),
                        List.of(),
                        List.of(
                            new io.swirl.engine.store.StepCommit.NewActivity(1, "x", null, "k")),
                        List.of(),
                        List.of(),
                        new io.swirl.engine.store.StepCommit.InstanceUpdate(
                            io.swirl.engine.RuntimeStatus.RUNNING,
                            null,
                            null,
                            null,
                            null,
                            T0,
                            null,
                            0))),
                OWNER,
                T0.plus(LEASE))
            .lockedActivities()
            .get(0);
    HistoryEvent.TaskCompleted done = new HistoryEvent.TaskCompleted(1, null);
    io.swirl.engine.store.ActivityResult result =
        new io.swirl.engine.store.ActivityResult(activity.id(), "a", done);

    store.completeActivities(List.of(result, result), OWNER, T0);

    assertThat(store.lockOrchestrations(OWNER, 10, T0, LEASE).get(0).messages()).hasSize(1);
  }

  @Test
  void a_dropped_listen_connection_is_reopened_and_wakes_the_engine_when_it_is() throws Exception {
    java.util.concurrent.Semaphore subscriptions = new java.util.concurrent.Semaphore(0);
    store.onNewWork(subscriptions::release);
    assertThat(subscriptions.tryAcquire(10, TimeUnit.SECONDS)).as("first LISTEN").isTrue();

    database.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND query LIKE 'LISTEN%'");

    assertThat(subscriptions.tryAcquire(10, TimeUnit.SECONDS))
        .as("LISTEN again after the connection dropped")
        .isTrue();
    try (Store other = open()) {
      other.createInstance(newInstance("after-reconnect"));
      assertThat(subscriptions.tryAcquire(10, TimeUnit.SECONDS)).as("notified again").isTrue();
    }
  }

  @Test
  void a_slow_call_fails_with_a_message_naming_the_store_and_the_call() {
    PostgresStore slow =
        PostgresStore.open(
            database.url(),
            new PostgresOptions(1, Duration.ofSeconds(3), Duration.ZERO, Duration.ofMillis(100)));
    try {
      assertThatThrownBy(
              () ->
                  slow.client()
                      .query(
                          "sleepy call", "SELECT pg_sleep(0.5)", io.vertx.sqlclient.Tuple.tuple()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("sleepy call")
          .hasMessageContaining(database.url().display());
    } finally {
      slow.close();
    }
  }
}
