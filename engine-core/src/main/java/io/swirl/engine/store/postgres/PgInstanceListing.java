package io.swirl.engine.store.postgres;

import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.InstancePage;
import io.swirl.engine.store.InstanceQuery;
import io.swirl.engine.store.PageCursor;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists instances newest first with keyset paging. A cursor is the base64url of {@code
 * createdAtMillis:id} of the last instance of the previous page (the SQLite store's format), so
 * pages stay stable while instances are added.
 */
final class PgInstanceListing {

  private PgInstanceListing() {}

  static InstancePage list(PgClient client, InstanceQuery query) {
    StringBuilder sql =
        new StringBuilder("SELECT ").append(PgRows.INSTANCE_COLUMNS).append(" FROM instances");
    List<Object> args = new ArrayList<>();
    List<String> where = new ArrayList<>();
    if (!query.statuses().isEmpty()) {
      args.add(query.statuses().stream().map(RuntimeStatus::name).sorted().toArray(String[]::new));
      where.add("status = ANY($" + args.size() + "::text[])");
    }
    if (query.name() != null) {
      args.add(query.name());
      where.add("name = $" + args.size());
    }
    if (query.namePrefix() != null && !query.namePrefix().isEmpty()) {
      // starts_with rather than LIKE: LIKE treats % and _ as wildcards.
      args.add(query.namePrefix());
      where.add("starts_with(name, $" + args.size() + ")");
    }
    if (query.createdFrom() != null) {
      args.add(query.createdFrom().toEpochMilli());
      where.add("created_at >= $" + args.size());
    }
    if (query.createdTo() != null) {
      args.add(query.createdTo().toEpochMilli());
      where.add("created_at <= $" + args.size());
    }
    if (query.cursor() != null) {
      PageCursor cursor = PageCursor.decode(query.cursor());
      args.add(cursor.createdAt());
      args.add(cursor.id());
      where.add("(created_at, id) < ($" + (args.size() - 1) + ", $" + args.size() + ")");
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    args.add((long) query.pageSize() + 1);
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT $").append(args.size());

    List<InstanceState> items = new ArrayList<>();
    for (Row row : client.query("list instances", sql.toString(), Tuple.from(args.toArray()))) {
      items.add(PgRows.instance(row));
    }
    return PageCursor.page(items, query.pageSize());
  }
}
