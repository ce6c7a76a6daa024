package io.swirl.engine.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.OrchestrationWorkItem;
import io.swirl.engine.store.StepCommit;
import io.swirl.engine.store.Store;
import io.swirl.engine.store.StoreContractTest;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file, and what only a file-backed store does. */
class SqliteFileStoreTest extends StoreContractTest {

  @TempDir Path dir;

  private StoreUrl.Sqlite url() {
    return new StoreUrl.Sqlite(dir.resolve("nested/data/swirl.db"));
  }

  @Override
  protected Store openStore() {
    return SqliteStore.open(url());
  }

  private static NewInstance newInstance(String id) {
    HistoryEvent.ExecutionStarted started =
        new HistoryEvent.ExecutionStarted(
            "flow", "1", null, JsonNodeFactory.instance.objectNode(), null, null);
    return new NewInstance(id, started, T0, T0);
  }

  @Test
  void open_creates_the_parent_directories_and_the_schema() {
    assertThat(Files.exists(url().path())).isTrue();
    assertThat(((SqliteStore) store).migrationsApplied()).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void reopen_keeps_the_data_and_runs_no_migration_twice() {
    store.createInstance(newInstance("kept"));
    store.close();

    store = SqliteStore.open(url());

    assertThat(((SqliteStore) store).migrationsApplied()).isEmpty();
    assertThat(store.getInstance("kept")).isPresent();
  }

  @Test
  void a_second_open_of_the_same_file_fails_with_the_in_use_message() {
    assertThatThrownBy(() -> Stores.open(StoreUrl.parse("sqlite:" + url().path())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "store sqlite:" + url().path() + " is in use by another Swirl process");
    // The first store is unharmed.
    store.createInstance(newInstance("still-works"));
  }

  @Test
  void leases_left_by_a_previous_process_are_released_at_open() {
    store.createInstance(newInstance("a"));
    OrchestrationWorkItem item = store.lockOrchestrations(OWNER, 10, T0, LEASE).get(0);
    store.commitSteps(
        List.of(step(item).activity(new StepCommit.NewActivity(1, "x", null, "k"))),
        OWNER,
        T0.plus(LEASE));
    store.enqueue("a", new HistoryEvent.EventRaised("e", null), T0);
    OrchestrationWorkItem held = store.lockOrchestrations(OWNER, 10, T0, LEASE).get(0);
    store.close();

    store = SqliteStore.open(url());

    List<OrchestrationWorkItem> again = store.lockOrchestrations("next-life", 10, T0, LEASE);
    assertThat(again).extracting(OrchestrationWorkItem::instanceId).containsExactly("a");
    assertThat(again.get(0).lockToken()).isGreaterThan(held.lockToken());
    assertThat(store.lockActivities("next-life", 10, T0, LEASE)).hasSize(1);
  }

  @Test
  void migration_5_moves_a_history_kept_one_row_per_event_to_one_row_per_step() {
    SqliteStore sqlite = (SqliteStore) store;
    HistoryEvent.ExecutionStarted started = newInstance("old").started();
    HistoryEvent.TaskScheduled scheduled =
        new HistoryEvent.TaskScheduled(0, "work", JsonNodeFactory.instance.numberNode(7), "k");
    // Rewind to schema 4: the old table, holding two events of an instance, and no new one.
    sqlite
        .connection()
        .write(
            "simulate schema 4",
            () -> {
              for (String sql :
                  List.of(
                      "DROP TABLE history_steps",
                      "DELETE FROM schema_version WHERE version = 5",
                      "CREATE TABLE history (instance_id TEXT NOT NULL, seq INTEGER NOT NULL,"
                          + " created_at INTEGER NOT NULL, event TEXT NOT NULL,"
                          + " PRIMARY KEY (instance_id, seq)) WITHOUT ROWID",
                      "INSERT INTO history VALUES ('old', 0, 1000, '"
                          + io.swirl.engine.history.HistoryCodec.encode(started)
                          + "')",
                      "INSERT INTO history VALUES ('old', 1, 2000, '"
                          + io.swirl.engine.history.HistoryCodec.encode(scheduled)
                          + "')")) {
                sqlite.connection().prepareOnce(sql).executeUpdate();
              }
              return null;
            });
    store.close();

    store = SqliteStore.open(url());

    assertThat(((SqliteStore) store).migrationsApplied()).containsExactly(5);
    assertThat(store.getHistory("old"))
        .extracting(r -> r.seq() + "@" + r.timestamp().toEpochMilli() + " " + r.event())
        .containsExactly("0@1000 " + started, "1@2000 " + scheduled);
    assertThat(store.loadHistory("old")).containsExactly(started, scheduled);
  }

  @Test
  void a_database_from_a_newer_swirl_is_refused() throws Exception {
    SqliteStore sqlite = (SqliteStore) store;
    sqlite
        .connection()
        .write(
            "simulate a newer schema",
            () ->
                sqlite
                    .connection()
                    .prepareOnce("INSERT INTO schema_version VALUES (99, 0)")
                    .executeUpdate());
    store.close();

    assertThatThrownBy(() -> SqliteStore.open(url()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("newer Swirl");
    // The failed open let go of the file: trying again fails the same way, not as "in use".
    assertThatThrownBy(() -> SqliteStore.open(url())).hasMessageContaining("schema version 99");
  }

  @Test
  void leasing_discards_messages_of_instances_that_no_longer_exist() {
    SqliteStore sqlite = (SqliteStore) store;
    sqlite
        .connection()
        .write(
            "plant an orphan message",
            () ->
                sqlite
                    .connection()
                    .prepareOnce(
                        "INSERT INTO inbox (instance_id, visible_at, event)"
                            + " VALUES ('gone', 0, '{\"type\":\"ExecutionResumed\"}')")
                    .executeUpdate());

    assertThat(store.lockOrchestrations(OWNER, 10, T0, LEASE)).isEmpty();

    int left =
        sqlite
            .connection()
            .read(
                "count",
                () -> {
                  try (var ps = sqlite.connection().prepareOnce("SELECT COUNT(*) FROM inbox");
                      ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                  }
                });
    assertThat(left).isZero();
  }

  @Test
  void leasing_reads_the_inbox_by_its_visible_at_index_and_never_scans_it() {
    SqliteStore sqlite = (SqliteStore) store;
    List<String> plan = new ArrayList<>();
    sqlite
        .connection()
        .read(
            "explain",
            () -> {
              var ps =
                  sqlite
                      .connection()
                      .prepareOnce("EXPLAIN QUERY PLAN " + Sql.SELECT_READY_MESSAGES);
              ps.setLong(1, 0);
              ps.setLong(2, 0);
              try (ps;
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  plan.add(rs.getString("detail"));
                }
              }
              return null;
            });
    assertThat(plan).anyMatch(line -> line.contains("inbox_by_visible_at"));
    assertThat(plan).noneMatch(line -> line.startsWith("SCAN"));
    assertThat(plan).as("read in index order, no sort").noneMatch(l -> l.contains("TEMP B-TREE"));
  }

  private static StepBuilder step(OrchestrationWorkItem item) {
    return new StepBuilder(item);
  }

  /** A minimal step: consume everything, schedule the given activity. */
  private record StepBuilder(OrchestrationWorkItem item) {
    StepCommit activity(StepCommit.NewActivity activity) {
      return new StepCommit(
          item.instanceId(),
          item.lockToken(),
          false,
          0,
          List.of(),
          item.messages().stream().map(m -> m.id()).toList(),
          List.of(),
          List.of(activity),
          List.of(),
          List.of(),
          new StepCommit.InstanceUpdate(
              io.swirl.engine.RuntimeStatus.RUNNING, null, null, null, null, T0, null, 0));
    }
  }
}
