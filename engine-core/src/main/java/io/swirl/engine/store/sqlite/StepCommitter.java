package io.swirl.engine.store.sqlite;

import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.CommitResult;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.StepCommit;
import io.swirl.engine.store.StepCommit.InstanceUpdate;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a batch of orchestration steps inside one transaction (group commit).
 *
 * <p>Each step's fenced row update runs first: when it matches no row the lease was lost and the
 * step is skipped whole. Child instances are created as steps are visited; history rows, consumed
 * messages and outbound messages are collected into JDBC batches and executed once at the end, so a
 * message may reach a child created by a later step of the same batch.
 */
final class StepCommitter {

  private final SqliteConnection db;

  StepCommitter(SqliteConnection db) {
    this.db = db;
  }

  /** Call inside a write transaction. */
  CommitResult commit(List<StepCommit> steps, String owner, Instant activityLeaseUntil)
      throws SQLException {
    List<String> rejected = new ArrayList<>();
    List<ActivityWorkItem> activities = new ArrayList<>();
    PreparedStatement history = db.prepare(Sql.INSERT_HISTORY);
    PreparedStatement consumed = db.prepare(Sql.DELETE_MESSAGE);
    PreparedStatement messages = db.prepare(Sql.INSERT_MESSAGE_IF_INSTANCE);
    try {
      for (StepCommit step : steps) {
        if (!updateInstance(step, owner)) {
          rejected.add(step.instanceId());
          continue;
        }
        if (step.resetHistory()) {
          PreparedStatement delete = db.prepare(Sql.DELETE_HISTORY);
          delete.setString(1, step.instanceId());
          delete.executeUpdate();
        }
        addHistory(history, step);
        for (long id : step.consumedMessages()) {
          consumed.setLong(1, id);
          consumed.setString(2, step.instanceId());
          consumed.addBatch();
        }
        for (StepCommit.NewActivity activity : step.activities()) {
          activities.add(
              Writes.insertLeasedActivity(
                  db,
                  step.instanceId(),
                  activity,
                  step.update().updatedAt(),
                  owner,
                  activityLeaseUntil));
        }
        for (NewInstance child : step.newInstances()) {
          Writes.insertInstance(db, child);
        }
        for (StepCommit.OutboundMessage message : step.messages()) {
          Writes.bindMessage(messages, message.instanceId(), message.event(), message.visibleAt());
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
    return new CommitResult(rejected, activities);
  }

  /** Writes the row and releases the lease; false when the lease is no longer this step's. */
  private boolean updateInstance(StepCommit step, String owner) throws SQLException {
    InstanceUpdate update = step.update();
    PreparedStatement ps = db.prepare(Sql.UPDATE_INSTANCE_AFTER_STEP);
    ps.setString(1, update.status().name());
    ps.setString(2, Rows.text(update.output()));
    ps.setString(3, Rows.text(update.failure()));
    ps.setString(4, Rows.text(update.customStatus()));
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

  private static void addHistory(PreparedStatement history, StepCommit step) throws SQLException {
    int seq = step.historyOffset();
    for (HistoryEvent event : step.newHistory()) {
      history.setString(1, step.instanceId());
      history.setInt(2, seq++);
      Rows.setMillis(history, 3, step.update().updatedAt());
      history.setString(4, HistoryCodec.encode(event));
      history.addBatch();
    }
  }
}
