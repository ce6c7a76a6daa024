package io.swirl.engine.store.postgres;

import io.swirl.engine.InstanceState;
import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.store.ActivityResult;
import io.swirl.engine.store.ActivityWorkItem;
import io.swirl.engine.store.CommitResult;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.StepCommit;
import io.swirl.engine.store.StepCommit.InstanceUpdate;
import io.swirl.engine.store.StoredJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of orchestration steps in one transaction (group commit) in two round trips:
 *
 * <ol>
 *   <li>BEGIN, the deletion of the activities whose results the steps consume, and the fenced
 *       update of every step's instance row; the rows it returns are the steps that apply, now
 *       locked by this transaction, and the activities taken;
 *   <li>the other writes of those steps only — history, consumed messages, children, activities,
 *       outbound messages (with the taken results of rejected steps, for their inboxes), each one
 *       array-bound statement — and COMMIT, pipelined.
 * </ol>
 *
 * A rejected step therefore writes nothing of its own, and a stale holder can never apply a step
 * twice: the row it must update carries the current token, which every lease and step advances.
 */
final class PgStepCommitter {

  private final PgClient client;

  PgStepCommitter(PgClient client) {
    this.client = client;
  }

  /** What a commit did, and whether it put work where other processes may pick it up. */
  record Outcome(CommitResult result, boolean sharedWork) {}

  Outcome commit(List<StepCommit> steps, String owner, Instant activityLeaseUntil) {
    try (PgClient.Session tx = client.begin("commit steps")) {
      Set<String> applied = new HashSet<>();
      Set<Long> taken = new HashSet<>();
      List<InstanceState> ended = new ArrayList<>();
      for (Row row : tx.run(PgSql.UPDATE_INSTANCES_AFTER_STEPS, updates(steps, owner))) {
        String instanceId = row.getString(0);
        if (instanceId == null) {
          taken.add(row.getLong(PgRows.INSTANCE_WIDTH));
          continue;
        }
        applied.add(instanceId);
        if (row.getString(4) != null) { // the status, returned only when the step ended
          ended.add(PgRows.instance(row));
        }
      }
      List<String> rejected = new ArrayList<>();
      List<StepCommit> accepted = new ArrayList<>(steps.size());
      List<StepCommit.OutboundMessage> returned = new ArrayList<>();
      for (StepCommit step : steps) {
        if (applied.contains(step.instanceId())) {
          accepted.add(step);
          continue;
        }
        rejected.add(step.instanceId());
        for (ActivityResult result : step.consumedResults()) {
          if (taken.contains(result.activityId())) {
            returned.add(
                new StepCommit.OutboundMessage(
                    step.instanceId(), result.result(), step.update().updatedAt()));
          }
        }
      }
      Writes writes = new Writes(tx);
      writes.resetHistories(accepted);
      writes.history(accepted);
      writes.consumed(accepted);
      boolean children = writes.children(accepted);
      Future<RowSet<Row>> activities = writes.activities(accepted, owner, activityLeaseUntil);
      boolean messages = writes.messages(accepted, returned);
      tx.commit(writes.pending);
      List<ActivityWorkItem> leased = activities == null ? List.of() : leased(accepted, activities);
      return new Outcome(new CommitResult(rejected, leased, ended), children || messages);
    }
  }

  private static Tuple updates(List<StepCommit> steps, String owner) {
    int n = steps.size();
    String[] ids = new String[n];
    Long[] tokens = new Long[n];
    String[] statuses = new String[n];
    String[] inputs = new String[n];
    String[] outputs = new String[n];
    String[] failures = new String[n];
    String[] customStatuses = new String[n];
    Long[] updatedAt = new Long[n];
    Long[] completedAt = new Long[n];
    Integer[] historySizes = new Integer[n];
    Integer[] results = new Integer[n];
    List<Long> activityIds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StepCommit step = steps.get(i);
      InstanceUpdate update = step.update();
      ids[i] = step.instanceId();
      tokens[i] = step.lockToken();
      statuses[i] = update.status().name();
      inputs[i] = StoredJson.text(update.input());
      outputs[i] = StoredJson.text(update.output());
      failures[i] = StoredJson.text(update.failure());
      customStatuses[i] = StoredJson.text(update.customStatus());
      updatedAt[i] = PgRows.millis(update.updatedAt());
      completedAt[i] = PgRows.millis(update.completedAt());
      historySizes[i] = update.historySize();
      results[i] = step.consumedResults().size();
      for (ActivityResult result : step.consumedResults()) {
        activityIds.add(result.activityId());
      }
    }
    return Tuple.from(
        new Object[] {
          ids,
          tokens,
          statuses,
          inputs,
          outputs,
          failures,
          customStatuses,
          updatedAt,
          completedAt,
          historySizes,
          owner,
          activityIds.toArray(Long[]::new),
          results
        });
  }

  /** The inserted activities, in the steps' order, matched by (instance, task id). */
  private List<ActivityWorkItem> leased(List<StepCommit> accepted, Future<RowSet<Row>> inserted) {
    Map<String, Long> ids = new HashMap<>();
    for (Row row : client.await("commit steps", inserted)) {
      ids.put(row.getString(1) + '\u0000' + row.getInteger(2), row.getLong(0));
    }
    List<ActivityWorkItem> items = new ArrayList<>(ids.size());
    for (StepCommit step : accepted) {
      for (StepCommit.NewActivity a : step.activities()) {
        Long id = ids.get(step.instanceId() + '\u0000' + a.taskId());
        items.add(
            new ActivityWorkItem(
                id, step.instanceId(), a.taskId(), a.name(), a.input(), a.idempotencyKey(), 1));
      }
    }
    return items;
  }

  /** The second round trip's statements, sent without waiting. */
  private static final class Writes {
    private final PgClient.Session tx;
    final List<Future<RowSet<Row>>> pending = new ArrayList<>();

    Writes(PgClient.Session tx) {
      this.tx = tx;
    }

    private Future<RowSet<Row>> send(String sql, Object... args) {
      Future<RowSet<Row>> future = tx.send(sql, Tuple.from(args));
      pending.add(future);
      return future;
    }

    void resetHistories(List<StepCommit> steps) {
      List<String> ids = new ArrayList<>();
      for (StepCommit step : steps) {
        if (step.resetHistory()) {
          ids.add(step.instanceId());
        }
      }
      if (!ids.isEmpty()) {
        send(PgSql.DELETE_HISTORIES, (Object) ids.toArray(String[]::new));
      }
    }

    void history(List<StepCommit> steps) {
      List<String> ids = new ArrayList<>();
      List<Integer> seqs = new ArrayList<>();
      List<Long> times = new ArrayList<>();
      List<String> events = new ArrayList<>();
      for (StepCommit step : steps) {
        if (!step.newHistory().isEmpty()) {
          ids.add(step.instanceId());
          seqs.add(step.historyOffset());
          times.add(PgRows.millis(step.update().updatedAt()));
          events.add(HistoryCodec.encodeAll(step.newHistory()));
        }
      }
      if (!ids.isEmpty()) {
        send(
            PgSql.INSERT_HISTORY,
            ids.toArray(String[]::new),
            seqs.toArray(Integer[]::new),
            times.toArray(Long[]::new),
            events.toArray(String[]::new));
      }
    }

    void consumed(List<StepCommit> steps) {
      List<Long> ids = new ArrayList<>();
      for (StepCommit step : steps) {
        ids.addAll(step.consumedMessages());
      }
      if (!ids.isEmpty()) {
        send(PgSql.DELETE_MESSAGES, (Object) ids.toArray(Long[]::new));
      }
    }

    boolean children(List<StepCommit> steps) {
      List<NewInstance> children = new ArrayList<>();
      for (StepCommit step : steps) {
        children.addAll(step.newInstances());
      }
      if (children.isEmpty()) {
        return false;
      }
      pending.add(tx.send(PgSql.INSERT_INSTANCES, NewInstances.tuple(children)));
      return true;
    }

    Future<RowSet<Row>> activities(List<StepCommit> steps, String owner, Instant leaseUntil) {
      List<String> ids = new ArrayList<>();
      List<Integer> taskIds = new ArrayList<>();
      List<String> names = new ArrayList<>();
      List<String> inputs = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<Long> visibleAt = new ArrayList<>();
      for (StepCommit step : steps) {
        for (StepCommit.NewActivity activity : step.activities()) {
          ids.add(step.instanceId());
          taskIds.add(activity.taskId());
          names.add(activity.name());
          inputs.add(StoredJson.text(activity.input()));
          keys.add(activity.idempotencyKey());
          visibleAt.add(PgRows.millis(step.update().updatedAt()));
        }
      }
      if (ids.isEmpty()) {
        return null;
      }
      return send(
          PgSql.INSERT_LEASED_ACTIVITIES,
          ids.toArray(String[]::new),
          taskIds.toArray(Integer[]::new),
          names.toArray(String[]::new),
          inputs.toArray(String[]::new),
          keys.toArray(String[]::new),
          visibleAt.toArray(Long[]::new),
          owner,
          PgRows.millis(leaseUntil));
    }

    /**
     * The accepted steps' outbound messages and the results of rejected steps that go to the inbox
     * instead ({@code returned}); true when one of them is visible at once to an instance other
     * than its sender, or is such a result.
     */
    boolean messages(List<StepCommit> steps, List<StepCommit.OutboundMessage> returned) {
      List<StepCommit.OutboundMessage> all = new ArrayList<>();
      boolean shared = !returned.isEmpty();
      for (StepCommit step : steps) {
        for (StepCommit.OutboundMessage message : step.messages()) {
          all.add(message);
          shared |= !message.instanceId().equals(step.instanceId());
        }
      }
      all.addAll(returned); // after the steps' own messages, as a later completion would be
      List<String> ids = new ArrayList<>(all.size());
      List<Long> visibleAt = new ArrayList<>(all.size());
      List<String> events = new ArrayList<>(all.size());
      for (StepCommit.OutboundMessage message : all) {
        ids.add(message.instanceId());
        visibleAt.add(PgRows.millis(message.visibleAt()));
        events.add(HistoryCodec.encode(message.event()));
      }
      if (!ids.isEmpty()) {
        send(
            PgSql.INSERT_MESSAGES_IF_INSTANCE,
            ids.toArray(String[]::new),
            visibleAt.toArray(Long[]::new),
            events.toArray(String[]::new));
      }
      return shared;
    }
  }
}
