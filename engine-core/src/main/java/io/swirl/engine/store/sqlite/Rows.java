package io.swirl.engine.store.sqlite;

import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.StoredJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Maps rows to the store's records and values to columns: JSON as text, times as millis. */
final class Rows {

  /** The columns {@link #instance} reads, in order. */
  static final String INSTANCE_COLUMNS =
      "id, name, version, definition_hash, status,"
          + " (SELECT p.input FROM instance_inputs p WHERE p.id = instances.id),"
          + " output, failure, custom_status,"
          + " created_at, updated_at, completed_at, parent_instance_id, history_size";

  /**
   * {@link #INSTANCE_COLUMNS} without the input (NULL in its place), for leases: the engine takes
   * the input from the instance's {@code ExecutionStarted}, so a lease need not read it.
   */
  static final String LEASE_COLUMNS =
      "id, name, version, definition_hash, status, NULL, output, failure, custom_status,"
          + " created_at, updated_at, completed_at, parent_instance_id, history_size";

  /** The columns {@link #activity} reads, in order. */
  static final String ACTIVITY_COLUMNS =
      "id, instance_id, task_id, name, input, idempotency_key, delivery_count";

  private Rows() {}

  static InstanceState instance(ResultSet rs) throws SQLException {
    return new InstanceState(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        RuntimeStatus.valueOf(rs.getString(5)),
        StoredJson.json(rs.getString(6)),
        StoredJson.json(rs.getString(7)),
        StoredJson.failure(rs.getString(8)),
        StoredJson.json(rs.getString(9)),
        instant(rs, 10),
        instant(rs, 11),
        instant(rs, 12),
        rs.getString(13),
        rs.getInt(14));
  }

  static ActivityWorkItem activity(ResultSet rs) throws SQLException {
    return new ActivityWorkItem(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        StoredJson.json(rs.getString(5)),
        rs.getString(6),
        rs.getInt(7));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static void setMillis(PreparedStatement ps, int index, Instant time) throws SQLException {
    if (time == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, time.toEpochMilli());
    }
  }
}
