package io.swirl.engine.store.postgres;

import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.StoredJson;
import io.vertx.sqlclient.Row;
import java.time.Instant;

/** Maps rows to the store's records and values to columns: JSON as text, times as millis. */
final class PgRows {

  /** The columns {@link #instance} reads, in order. */
  static final String INSTANCE_COLUMNS =
      "id, name, version, definition_hash, status, input, output, failure, custom_status,"
          + " created_at, updated_at, completed_at, parent_instance_id, history_size";

  /** {@link #INSTANCE_COLUMNS} qualified by the alias {@code i}. */
  static final String I_INSTANCE_COLUMNS =
      "i.id, i.name, i.version, i.definition_hash, i.status, i.input, i.output, i.failure,"
          + " i.custom_status, i.created_at, i.updated_at, i.completed_at, i.parent_instance_id,"
          + " i.history_size";

  /** The number of columns {@link #instance} reads. */
  static final int INSTANCE_WIDTH = 14;

  /** The columns {@link #activity} reads, in order. */
  static final String ACTIVITY_COLUMNS =
      "id, instance_id, task_id, name, input, idempotency_key, delivery_count";

  private PgRows() {}

  static InstanceState instance(Row row) {
    return new InstanceState(
        row.getString(0),
        row.getString(1),
        row.getString(2),
        row.getString(3),
        RuntimeStatus.valueOf(row.getString(4)),
        StoredJson.json(row.getString(5)),
        StoredJson.json(row.getString(6)),
        StoredJson.failure(row.getString(7)),
        StoredJson.json(row.getString(8)),
        instant(row.getLong(9)),
        instant(row.getLong(10)),
        instant(row.getLong(11)),
        row.getString(12),
        row.getInteger(13));
  }

  static ActivityWorkItem activity(Row row) {
    return new ActivityWorkItem(
        row.getLong(0),
        row.getString(1),
        row.getInteger(2),
        row.getString(3),
        StoredJson.json(row.getString(4)),
        row.getString(5),
        row.getInteger(6));
  }

  static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  static Long millis(Instant time) {
    return time == null ? null : time.toEpochMilli();
  }
}
