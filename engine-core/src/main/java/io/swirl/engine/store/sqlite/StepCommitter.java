package io.swirl.engine.store.sqlite;

import io.swirl.engine.InstanceState;
import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.CommitResult;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.StepCommit;
import io.swirl.engine.store.StepCommit.InstanceUpdate;
import io.swirl.engine.store.StoredJson;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a batch of orchestration steps inside one transaction (group commit). Their JSON is
 * encoded first ({@link #encode}), outside the writer lock.
 *
 * <p>Each step first deletes the activities of the results it consumes, then runs its fenced row
 * update: when an activity was not leased to the committer any more, or the update matches no row,
 * the step is skipped whole and the results it did take go to the inbox. Child instances are
 * created as steps are visited; history rows, consumed messages and outbound messages are collected
 * into JDBC batches and executed once at the end, so a message may reach a child created by a later
 * step of the same batch.
 */
final class StepCommitter {

  private final SqliteConnection db;

  StepCommitter(SqliteConnection db) {
    this.db = db;
  }

  /**
   * A step with its JSON already written out, so that the writer lock is held for SQL only.
   *
   * @param history the new history events, encoded as one array (null when there are none)
   * @param results the consumed results' events, encoded (the inbox messages they become when the
   *     step is rejected)
   * @param messages the outbound messages' events, encoded
   * @param activityInputs the new activities' inputs, encoded
   */
  record Encoded(
      StepCommit step,
      String history,
      List<String> results,
      List<String> messages,
      List<String> activityInputs,
      String output,
      String failure,
      String customStatus) {}

  /** Encodes the steps' JSON; call before taking the writer lock. */
  static List<Encoded> encode(List<StepCommit> steps) {
    List<Encoded> encoded = new ArrayList<>(steps.size());
    for (StepCommit step : steps) {
      InstanceUpdate update = step.update();
      encoded.add(
          new Encoded(
              step,
              step.newHistory().isEmpty() ? null : HistoryCodec.encodeAll(step.newHistory()),
              step.consumedResults().stream().map(r -> HistoryCodec.encode(r.result())).toList(),
              step.messages().stream().map(m -> HistoryCodec.encode(m.event())).toList(),
              step.activities().stream().map(a -> StoredJson.text(a.input())).toList(),
              StoredJson.text(update.output()),
              StoredJson.text(update.failure()),
              StoredJson.text(update.customStatus())));
    }
    return encoded;
  }

  /** Call inside a write transaction. */
  CommitResult commit(List<Encoded> steps, String owner, Instant activityLeaseUntil)
      throws SQLException {
    List<String> rejected = new ArrayList<>();
    List<ActivityWorkItem> activities = new ArrayList<>();
    List<String> ended = new ArrayList<>();
    PreparedStatement history = db.prepare(Sql.INSERT_HISTORY);
    PreparedStatement consumed = db.prepare(Sql.DELETE_MESSAGE);
    PreparedStatement messages = db.prepare(Sql.INSERT_MESSAGE_IF_INSTANCE);
    try {
      for (Encoded encoded : steps) {
        StepCommit step = encoded.step();
        List<Integer> taken = takeResults(step, owner);
        if (taken.size() < step.consumedResults().size() || !updateInstance(encoded, owner)) {
          rejected.add(step.instanceId());
          for (int i : taken) {
            Writes.bindMessage(
                messages, step.instanceId(), encoded.results().get(i), step.update().updatedAt());
            messages.addBatch();
          }
          continue;
        }
        if (step.resetHistory()) {
          PreparedStatement delete = db.prepare(Sql.DELETE_HISTORY);
          delete.setString(1, step.instanceId());
          delete.executeUpdate();
        }
        addHistory(history, encoded);
        if (step.update().status().isTerminal()) {
          ended.add(step.instanceId());
        }
        for (long id : step.consumedMessages()) {
          consumed.setLong(1, id);
          consumed.setString(2, step.instanceId());
          consumed.addBatch();
        }
        for (int i = 0; i < step.activities().size(); i++) {
          activities.add(
              Writes.insertLeasedActivity(
                  db,
                  step.instanceId(),
                  step.activities().get(i),
                  encoded.activityInputs().get(i),
                  step.update().updatedAt(),
                  owner,
                  activityLeaseUntil));
        }
        for (NewInstance child : step.newInstances()) {
          Writes.insertInstance(db, child);
        }
        for (int i = 0; i < step.messages().size(); i++) {
          StepCommit.OutboundMessage message = step.messages().get(i);
          Writes.bindMessage(
              messages, message.instanceId(), encoded.messages().get(i), message.visibleAt());
          messages.addBatch();
        }
      }
      history.executeBatch();
      consumed.executeBatch();
      messages.executeBatch();
    } finally {
      history.clearBatch();
      consumed.clearBatch();
      messages.clearBatch();
    }
    List<InstanceState> endedStates = new ArrayList<>(ended.size());
    for (String id : ended) {
      SqliteStore.findInstance(db, id).ifPresent(endedStates::add);
    }
    return new CommitResult(rejected, activities, endedStates);
  }

  /** Deletes the consumed results' activities still leased to {@code owner}; their indexes. */
  private List<Integer> takeResults(StepCommit step, String owner) throws SQLException {
    if (step.consumedResults().isEmpty()) {
      return List.of();
    }
    PreparedStatement delete = db.prepare(Sql.DELETE_LEASED_ACTIVITY);
    List<Integer> taken = new ArrayList<>(step.consumedResults().size());
    for (int i = 0; i < step.consumedResults().size(); i++) {
      delete.setLong(1, step.consumedResults().get(i).activityId());
      delete.setString(2, step.instanceId());
      delete.setString(3, owner);
      if (delete.executeUpdate() > 0) {
        taken.add(i);
      }
    }
    return taken;
  }

  /** Writes the row and releases the lease; false when the step's token is not current. */
  private boolean updateInstance(Encoded encoded, String owner) throws SQLException {
    StepCommit step = encoded.step();
    InstanceUpdate update = step.update();
    PreparedStatement ps = db.prepare(Sql.UPDATE_INSTANCE_AFTER_STEP);
    ps.setString(1, update.status().name());
    ps.setString(2, encoded.output());
    ps.setString(3, encoded.failure());
    ps.setString(4, encoded.customStatus());
    Rows.setMillis(ps, 5, update.updatedAt());
    Rows.setMillis(ps, 6, update.completedAt());
    ps.setInt(7, update.historySize());
    ps.setString(8, step.instanceId());
    ps.setString(9, owner);
    ps.setLong(10, step.lockToken());
    if (ps.executeUpdate() == 0) {
      return false;
    }
    if (update.input() != null) {
      Writes.setInput(db, step.instanceId(), update.input()); // continue-as-new
    }
    return true;
  }

  /** One row for the step's events (the table holds a row per step, see migration V5). */
  private static void addHistory(PreparedStatement history, Encoded encoded) throws SQLException {
    if (encoded.history() == null) {
      return;
    }
    StepCommit step = encoded.step();
    history.setString(1, step.instanceId());
    history.setInt(2, step.historyOffset());
    Rows.setMillis(history, 3, step.update().updatedAt());
    history.setString(4, encoded.history());
    history.addBatch();
  }
}
