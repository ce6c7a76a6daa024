package io.swirl.engine.store.sqlite;

import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.InstancePage;
import io.swirl.engine.store.InstanceQuery;
import io.swirl.engine.store.PageCursor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists instances newest first with keyset paging. A cursor is the base64url of {@code
 * createdAtMillis:id} of the last instance of the previous page, so pages stay stable while
 * instances are added.
 */
final class InstanceListing {

  private InstanceListing() {}

  static InstancePage list(SqliteConnection db, InstanceQuery query) throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT ").append(Rows.INSTANCE_COLUMNS).append(" FROM instances");
    List<Object> args = new ArrayList<>();
    List<String> where = new ArrayList<>();
    if (!query.statuses().isEmpty()) {
      where.add("status IN (" + "?, ".repeat(query.statuses().size() - 1) + "?)");
      query.statuses().stream().map(RuntimeStatus::name).sorted().forEach(args::add);
    }
    if (query.name() != null) {
      where.add("name = ?");
      args.add(query.name());
    }
    if (query.namePrefix() != null && !query.namePrefix().isEmpty()) {
      // substr rather than LIKE: LIKE is case-insensitive and treats % and _ as wildcards.
      where.add("substr(name, 1, ?) = ?");
      args.add((long) query.namePrefix().length());
      args.add(query.namePrefix());
    }
    if (query.createdFrom() != null) {
      where.add("created_at >= ?");
      args.add(query.createdFrom().toEpochMilli());
    }
    if (query.createdTo() != null) {
      where.add("created_at <= ?");
      args.add(query.createdTo().toEpochMilli());
    }
    if (query.cursor() != null) {
      PageCursor cursor = PageCursor.decode(query.cursor());
      where.add("(created_at, id) < (?, ?)");
      args.add(cursor.createdAt());
      args.add(cursor.id());
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
    args.add((long) query.pageSize() + 1);

    List<InstanceState> items = new ArrayList<>();
    try (PreparedStatement ps = db.prepareOnce(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(Rows.instance(rs));
        }
      }
    }
    return PageCursor.page(items, query.pageSize());
  }
}
