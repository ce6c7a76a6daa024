package io.swirl.engine.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.StepCommit.NewActivity;
import io.swirl.engine.store.StoredJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Writes shared by several store operations; call them inside a write transaction. */
final class Writes {

  private Writes() {}

  /**
   * Inserts a PENDING instance and its {@code ExecutionStarted} message.
   *
   * @return the start message's id, or null, writing nothing, when the id is taken
   */
  static Long insertInstance(SqliteConnection db, NewInstance instance) throws SQLException {
    HistoryEvent.ExecutionStarted started = instance.started();
    PreparedStatement insert = db.prepare(Sql.INSERT_INSTANCE);
    insert.setString(1, instance.instanceId());
    insert.setString(2, started.name());
    insert.setString(3, started.version());
    insert.setString(4, started.definitionHash());
    Rows.setMillis(insert, 5, instance.createdAt());
    Rows.setMillis(insert, 6, instance.createdAt());
    insert.setString(7, started.parentInstanceId());
    if (insert.executeUpdate() == 0) {
      return null;
    }
    setInput(db, instance.instanceId(), started.input());
    PreparedStatement message = db.prepare(Sql.INSERT_MESSAGE);
    message.setString(1, instance.instanceId());
    Rows.setMillis(message, 2, instance.startAt());
    message.setString(3, HistoryCodec.encode(started));
    try (java.sql.ResultSet id = message.executeQuery()) {
      id.next();
      return id.getLong(1);
    }
  }

  /** Sets the instance's input; call inside a write transaction. */
  static void setInput(SqliteConnection db, String instanceId, JsonNode input) throws SQLException {
    PreparedStatement upsert = db.prepare(Sql.UPSERT_INPUT);
    upsert.setString(1, instanceId);
    upsert.setString(2, StoredJson.text(input));
    upsert.executeUpdate();
  }

  /**
   * Adds a message to the inbox of an existing instance.
   *
   * @return false, writing nothing, when the instance does not exist
   */
  static boolean insertMessage(
      SqliteConnection db, String instanceId, HistoryEvent event, Instant visibleAt)
      throws SQLException {
    PreparedStatement insert = db.prepare(Sql.INSERT_MESSAGE_IF_INSTANCE);
    bindMessage(insert, instanceId, event, visibleAt);
    return insert.executeUpdate() > 0;
  }

  /** Binds the parameters of {@link Sql#INSERT_MESSAGE_IF_INSTANCE}. */
  static void bindMessage(
      PreparedStatement insert, String instanceId, HistoryEvent event, Instant visibleAt)
      throws SQLException {
    bindMessage(insert, instanceId, HistoryCodec.encode(event), visibleAt);
  }

  /** Binds {@link Sql#INSERT_MESSAGE_IF_INSTANCE} with an event already encoded. */
  static void bindMessage(
      PreparedStatement insert, String instanceId, String encodedEvent, Instant visibleAt)
      throws SQLException {
    insert.setString(1, instanceId);
    Rows.setMillis(insert, 2, visibleAt);
    insert.setString(3, encodedEvent);
    insert.setString(4, instanceId);
  }

  /** Enqueues an activity already leased to {@code owner}, counting its first delivery. */
  static ActivityWorkItem insertLeasedActivity(
      SqliteConnection db,
      String instanceId,
      NewActivity activity,
      String encodedInput,
      Instant visibleAt,
      String owner,
      Instant leaseUntil)
      throws SQLException {
    PreparedStatement insert = db.prepare(Sql.INSERT_ACTIVITY);
    insert.setString(1, instanceId);
    insert.setInt(2, activity.taskId());
    insert.setString(3, activity.name());
    insert.setString(4, encodedInput);
    insert.setString(5, activity.idempotencyKey());
    Rows.setMillis(insert, 6, visibleAt);
    insert.setString(7, owner);
    Rows.setMillis(insert, 8, leaseUntil);
    try (ResultSet rs = insert.executeQuery()) {
      rs.next();
      return new ActivityWorkItem(
          rs.getLong(1),
          instanceId,
          activity.taskId(),
          activity.name(),
          activity.input(),
          activity.idempotencyKey(),
          1);
    }
  }
}
