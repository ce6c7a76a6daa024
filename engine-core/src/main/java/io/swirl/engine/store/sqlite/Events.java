package io.swirl.engine.store.sqlite;

import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.PublishedEvent;
import io.swirl.engine.store.StoredJson;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Accepted events: recorded by key, delivered to live instances, starting others. */
final class Events {

  private static final String INSERT_EVENT =
      "INSERT OR IGNORE INTO events (source, id, type, received_at, envelope)"
          + " VALUES (?, ?, ?, ?, ?)";

  private static final String DELIVER =
      "INSERT INTO inbox (instance_id, visible_at, event)"
          + " SELECT id, ?, ? FROM instances"
          + " WHERE name = ? AND status IN ('PENDING', 'RUNNING', 'SUSPENDED')";

  private static final String FORGET = "DELETE FROM events WHERE received_at < ?";

  private Events() {}

  /** Call inside a write transaction. */
  static PublishedEvent.Result publish(SqliteConnection db, PublishedEvent event, Instant now)
      throws SQLException {
    PreparedStatement insert = db.prepare(INSERT_EVENT);
    insert.setString(1, event.source());
    insert.setString(2, event.id());
    insert.setString(3, event.type());
    Rows.setMillis(insert, 4, now);
    insert.setString(5, StoredJson.text(event.envelope()));
    if (insert.executeUpdate() == 0) {
      return new PublishedEvent.Result(true, 0, List.of());
    }
    int delivered = 0;
    if (!event.deliverTo().isEmpty()) {
      String message = HistoryCodec.encode(event.delivery());
      PreparedStatement deliver = db.prepare(DELIVER);
      for (String name : event.deliverTo()) {
        Rows.setMillis(deliver, 1, now);
        deliver.setString(2, message);
        deliver.setString(3, name);
        delivered += deliver.executeUpdate();
      }
    }
    List<String> started = new ArrayList<>();
    for (NewInstance instance : event.starts()) {
      if (Writes.insertInstance(db, instance) != null) {
        started.add(instance.instanceId());
      }
    }
    return new PublishedEvent.Result(false, delivered, started);
  }

  static int forget(SqliteConnection db, Instant receivedBefore) throws SQLException {
    PreparedStatement delete = db.prepare(FORGET);
    Rows.setMillis(delete, 1, receivedBefore);
    return delete.executeUpdate();
  }
}
