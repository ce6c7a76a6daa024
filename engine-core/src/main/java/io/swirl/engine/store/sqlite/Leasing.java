package io.swirl.engine.store.sqlite;

import io.swirl.engine.InstanceState;
import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.InboxMessage;
import io.swirl.engine.store.OrchestrationWorkItem;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds ready work and leases it; call inside a write transaction. Times are epoch millis. */
final class Leasing {

  private Leasing() {}

  /**
   * Leases up to {@code max} instances with visible messages and no live lease, discarding the
   * visible messages of vanished instances met on the way.
   */
  static List<OrchestrationWorkItem> orchestrations(
      SqliteConnection db, String owner, int max, long now, long expires) throws SQLException {
    Set<String> ready = new LinkedHashSet<>();
    List<Long> orphans = new ArrayList<>();
    PreparedStatement select = db.prepare(Sql.SELECT_READY_MESSAGES);
    select.setLong(1, now);
    select.setLong(2, now);
    try (ResultSet rs = select.executeQuery()) {
      // Stop reading once there are enough instances: the rest of a backlog stays unread.
      while (ready.size() < max && rs.next()) {
        if (rs.getBoolean(3)) {
          orphans.add(rs.getLong(1));
        } else {
          ready.add(rs.getString(2));
        }
      }
    }
    PreparedStatement discard = db.prepare(Sql.DELETE_MESSAGE_BY_ID);
    for (long id : orphans) {
      discard.setLong(1, id);
      discard.executeUpdate();
    }
    List<OrchestrationWorkItem> items = new ArrayList<>(ready.size());
    for (String id : ready) {
      items.add(workItem(db, id, owner, now, expires));
    }
    return items;
  }

  /** Leases one instance and reads it back in the same statement, then its messages. */
  private static OrchestrationWorkItem workItem(
      SqliteConnection db, String id, String owner, long now, long expires) throws SQLException {
    PreparedStatement lease = db.prepare(Sql.LEASE_INSTANCE_RETURNING);
    lease.setString(1, owner);
    lease.setLong(2, expires);
    lease.setString(3, id);
    InstanceState instance;
    long token;
    try (ResultSet rs = lease.executeQuery()) {
      rs.next();
      instance = Rows.instance(rs);
      token = rs.getLong(15);
    }
    PreparedStatement messages = db.prepare(Sql.SELECT_VISIBLE_MESSAGES);
    messages.setString(1, id);
    messages.setLong(2, now);
    List<InboxMessage> inbox = new ArrayList<>();
    try (ResultSet rs = messages.executeQuery()) {
      while (rs.next()) {
        inbox.add(new InboxMessage(rs.getLong(1), HistoryCodec.decode(rs.getString(2))));
      }
    }
    return new OrchestrationWorkItem(instance, token, inbox);
  }

  /** Leases up to {@code max} visible, unleased (or expired) activities, counting deliveries. */
  static List<ActivityWorkItem> activities(
      SqliteConnection db, String owner, int max, long now, long expires) throws SQLException {
    List<Long> ready = new ArrayList<>();
    PreparedStatement select = db.prepare(Sql.SELECT_READY_ACTIVITIES);
    select.setLong(1, now);
    select.setLong(2, now);
    select.setInt(3, max);
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        ready.add(rs.getLong(1));
      }
    }
    List<ActivityWorkItem> items = new ArrayList<>(ready.size());
    PreparedStatement lease = db.prepare(Sql.LEASE_ACTIVITY);
    PreparedStatement row = db.prepare(Sql.SELECT_ACTIVITY);
    for (long id : ready) {
      lease.setString(1, owner);
      lease.setLong(2, expires);
      lease.setLong(3, id);
      lease.executeUpdate();
      row.setLong(1, id);
      try (ResultSet rs = row.executeQuery()) {
        rs.next();
        items.add(Rows.activity(rs));
      }
    }
    return items;
  }
}
