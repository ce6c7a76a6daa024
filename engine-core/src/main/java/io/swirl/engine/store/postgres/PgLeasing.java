package io.swirl.engine.store.postgres;

import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.store.ActivityResult;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.InboxMessage;
import io.swirl.engine.store.OrchestrationWorkItem;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leasing work: activity results with the orchestration leases they call for, and queued
 * activities. These transactions commit without waiting for the WAL flush ({@link
 * PgClient#beginRelaxed}): leases and results acknowledge nothing, and the durable step commit that
 * consumes them flushes them first.
 */
final class PgLeasing {

  private PgLeasing() {}

  /**
   * Leased instances, and whether a committed result woke an instance this call did not lease (then
   * other processes should hear of it).
   */
  record Leased(List<OrchestrationWorkItem> items, boolean wokeOthers) {}

  static Leased orchestrations(
      PgClient work,
      List<ActivityResult> results,
      String owner,
      int max,
      Instant now,
      Duration lease) {
    long nowMillis = now.toEpochMilli();
    RowSet<Row> leased;
    boolean completed = false;
    try (PgClient.Session tx = work.beginRelaxed("complete activities and lock orchestrations")) {
      List<Future<RowSet<Row>>> statements = new ArrayList<>(2);
      if (!results.isEmpty()) {
        statements.add(tx.send(PgSql.COMPLETE_ACTIVITIES, completions(results, owner, now)));
      }
      Future<RowSet<Row>> lock =
          tx.send(
              PgSql.LEASE_INSTANCES,
              Tuple.of(
                  nowMillis, Math.max(64, max * 4), max, owner, now.plus(lease).toEpochMilli()));
      statements.add(lock);
      tx.commit(statements);
      leased = work.await("lock orchestrations", lock);
      if (!results.isEmpty()) {
        completed = work.await("complete activities", statements.get(0)).rowCount() > 0;
      }
    }
    int w = PgRows.INSTANCE_WIDTH;
    List<Row> rows = new ArrayList<>(leased.size());
    leased.forEach(rows::add);
    rows.sort(
        Comparator.<Row>comparingLong(r -> r.getLong(w + 1))
            .thenComparingLong(r -> r.getLong(w + 2)));
    List<OrchestrationWorkItem> items = new ArrayList<>(rows.size());
    Set<String> leasedIds = new HashSet<>();
    for (Row row : rows) {
      Long[] ids = row.getArrayOfLongs(w + 3);
      String[] events = row.getArrayOfStrings(w + 4);
      List<InboxMessage> messages = new ArrayList<>(ids.length);
      for (int i = 0; i < ids.length; i++) {
        messages.add(new InboxMessage(ids[i], HistoryCodec.decode(events[i])));
      }
      items.add(new OrchestrationWorkItem(PgRows.instance(row), row.getLong(w), messages));
      leasedIds.add(row.getString(0));
    }
    boolean wokeOthers =
        completed && !results.stream().allMatch(r -> leasedIds.contains(r.instanceId()));
    return new Leased(items, wokeOthers);
  }

  /** Leases queued activities; the COMMIT does not wait for the disk (see the class comment). */
  static List<ActivityWorkItem> activities(
      PgClient work, String owner, int max, Instant now, Duration lease) {
    RowSet<Row> leased;
    try (PgClient.Session tx = work.beginRelaxed("lock activities")) {
      Future<RowSet<Row>> lock =
          tx.send(
              PgSql.LEASE_ACTIVITIES,
              Tuple.of(now.toEpochMilli(), max, owner, now.plus(lease).toEpochMilli()));
      tx.commit(List.of(lock));
      leased = work.await("lock activities", lock);
    }
    List<Row> rows = new ArrayList<>(leased.size());
    leased.forEach(rows::add);
    rows.sort(
        Comparator.<Row>comparingLong(r -> r.getLong(7)).thenComparingLong(r -> r.getLong(0)));
    return rows.stream().map(PgRows::activity).toList();
  }

  /** Binds {@link PgSql#COMPLETE_ACTIVITIES}. */
  static Tuple completions(List<ActivityResult> results, String owner, Instant now) {
    // One result per activity: the same activity can be leased twice by one owner (its lease
    // lapsed and the poller took it again) and both runs can land in one batch. As in a sequence
    // of single deletes, only the first counts.
    Map<Long, ActivityResult> unique = new LinkedHashMap<>();
    for (ActivityResult result : results) {
      unique.putIfAbsent(result.activityId(), result);
    }
    int n = unique.size();
    Long[] ids = new Long[n];
    String[] instances = new String[n];
    String[] events = new String[n];
    int i = 0;
    for (ActivityResult result : unique.values()) {
      ids[i] = result.activityId();
      instances[i] = result.instanceId();
      events[i] = HistoryCodec.encode(result.result());
      i++;
    }
    return Tuple.of(ids, instances, events, owner, now.toEpochMilli());
  }
}
