package io.swirl.engine.store;

import static io.swirl.engine.store.StoreFixtures.child;
import static io.swirl.engine.store.StoreFixtures.event;
import static io.swirl.engine.store.StoreFixtures.instance;
import static io.swirl.engine.store.StoreFixtures.json;
import static io.swirl.engine.store.StoreFixtures.started;
import static io.swirl.engine.store.StoreFixtures.step;
import static io.swirl.engine.store.StoreFixtures.unleasedStep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swirl.engine.FailureDetails;
import io.swirl.engine.InstanceAlreadyExistsException;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} must have. A store's test extends this class and says how to
 * open (and, if needed, close) a fresh, empty store; the SQLite and PostgreSQL stores both pass it,
 * so they cannot drift apart. Tests pass explicit times and never sleep.
 */
public abstract class StoreContractTest {

  /**
   * The tests' "now". It lies a day ahead of the wall clock because activity results are dated by
   * the store's own clock: they must be visible at any time the tests pass.
   */
  protected static final Instant T0 =
      Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  protected static final Duration LEASE = Duration.ofMinutes(1);
  protected static final String OWNER = "worker-1";

  protected Store store;

  /** A fresh, empty store. */
  protected abstract Store openStore();

  /** Closes a store from {@link #openStore()}; override to also drop its data. */
  protected void closeStore(Store opened) {
    opened.close();
  }

  @BeforeEach
  void openFreshStore() {
    store = openStore();
  }

  @AfterEach
  void closeTheStore() {
    closeStore(store);
  }

  private OrchestrationWorkItem lockOnly(String instanceId, Instant now) {
    List<OrchestrationWorkItem> items = store.lockOrchestrations(OWNER, 10, now, LEASE);
    assertThat(items).extracting(OrchestrationWorkItem::instanceId).containsExactly(instanceId);
    return items.get(0);
  }

  /** Creates an instance and runs its first step to RUNNING with an empty inbox. */
  private OrchestrationWorkItem started_(String id) {
    store.createInstance(instance(id, "flow", T0));
    OrchestrationWorkItem item = lockOnly(id, T0);
    store.commitSteps(List.of(step(item, T0).history(started("flow")).build()), OWNER, T0);
    return item;
  }

  // ---- instances -------------------------------------------------------------------------

  @Test
  void created_instance_is_pending_with_its_start_message_in_the_inbox() {
    store.createInstance(instance("a", "flow", T0));

    InstanceState state = store.getInstance("a").orElseThrow();
    assertThat(state.status()).isEqualTo(RuntimeStatus.PENDING);
    assertThat(state.name()).isEqualTo("flow");
    assertThat(state.version()).isEqualTo("1");
    assertThat(state.definitionHash()).isEqualTo("sha256:abc");
    assertThat(state.input()).isEqualTo(json(1));
    assertThat(state.createdAt()).isEqualTo(T0);
    assertThat(state.completedAt()).isNull();
    assertThat(state.historySize()).isZero();

    OrchestrationWorkItem item = lockOnly("a", T0);
    assertThat(item.messages()).extracting(InboxMessage::event).containsExactly(started("flow"));
  }

  @Test
  void create_with_a_taken_id_throws_and_writes_nothing() {
    store.createInstance(instance("a", "flow", T0));

    assertThatThrownBy(() -> store.createInstance(instance("a", "other", T0.plusSeconds(1))))
        .isInstanceOf(InstanceAlreadyExistsException.class)
        .hasMessageContaining("'a'");

    assertThat(store.getInstance("a").orElseThrow().name()).isEqualTo("flow");
    assertThat(lockOnly("a", T0.plusSeconds(2)).messages()).hasSize(1);
  }

  @Test
  void missing_instance_has_no_state_and_no_history() {
    assertThat(store.getInstance("nope")).isEmpty();
    assertThat(store.getHistory("nope")).isEmpty();
    assertThat(store.loadHistory("nope")).isEmpty();
  }

  @Test
  void enqueue_to_an_unknown_instance_returns_false_and_writes_nothing() {
    assertThat(store.enqueue("nope", event("e"), T0)).isFalse();
    assertThat(store.nextVisibleAfter(T0.minusSeconds(1))).isEmpty();
    assertThat(store.lockOrchestrations(OWNER, 10, T0, LEASE)).isEmpty();
  }

  // ---- step commits ----------------------------------------------------------------------

  @Test
  void committed_step_appends_history_consumes_its_messages_updates_the_row_and_releases() {
    store.createInstance(instance("a", "flow", T0));
    OrchestrationWorkItem item = lockOnly("a", T0);
    Instant at = T0.plusMillis(5);
    HistoryEvent.OrchestratorStarted began = new HistoryEvent.OrchestratorStarted(at);

    CommitResult result =
        store.commitSteps(
            List.of(step(item, at).history(began, started("flow")).build()), OWNER, T0);

    assertThat(result.rejected()).isEmpty();
    assertThat(store.getHistory("a"))
        .containsExactly(
            new HistoryRecord(0, at, began), new HistoryRecord(1, at, started("flow")));
    assertThat(store.loadHistory("a")).containsExactly(began, started("flow"));
    InstanceState state = store.getInstance("a").orElseThrow();
    assertThat(state.status()).isEqualTo(RuntimeStatus.RUNNING);
    assertThat(state.updatedAt()).isEqualTo(at);
    assertThat(state.customStatus()).isEqualTo(json(99));
    assertThat(state.historySize()).isEqualTo(2);
    assertThat(state.input()).as("input kept when the update has none").isEqualTo(json(1));
    // The message was consumed and the lease released: nothing left to lock, even later.
    assertThat(store.lockOrchestrations(OWNER, 10, T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
  }

  @Test
  void unconsumed_message_makes_the_instance_ready_again_as_soon_as_the_step_commits() {
    store.createInstance(instance("a", "flow", T0));
    OrchestrationWorkItem item = lockOnly("a", T0);
    store.enqueue("a", event("late"), T0);

    store.commitSteps(List.of(step(item, T0).history(started("flow")).build()), OWNER, T0);

    assertThat(lockOnly("a", T0).messages())
        .extracting(InboxMessage::event)
        .containsExactly(event("late"));
  }

  @Test
  void completed_step_records_output_and_completion_time() {
    OrchestrationWorkItem first = started_("a");
    store.enqueue("a", event("go"), T0);
    OrchestrationWorkItem item = lockOnly("a", T0);
    Instant at = T0.plusSeconds(3);

    store.commitSteps(List.of(step(item, at).completed(json(42)).build()), OWNER, T0);

    InstanceState state = store.getInstance("a").orElseThrow();
    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(state.output()).isEqualTo(json(42));
    assertThat(state.completedAt()).isEqualTo(at);
    assertThat(item.lockToken()).isGreaterThan(first.lockToken());
  }

  @Test
  void a_commit_returns_the_instances_its_steps_ended_as_committed_and_no_others() {
    started_("a");
    started_("b");
    store.enqueue("a", event("go"), T0);
    store.enqueue("b", event("go"), T0);
    List<OrchestrationWorkItem> items = store.lockOrchestrations(OWNER, 10, T0, LEASE);
    OrchestrationWorkItem a = items.get(0).instanceId().equals("a") ? items.get(0) : items.get(1);
    OrchestrationWorkItem b = items.get(0).instanceId().equals("b") ? items.get(0) : items.get(1);
    Instant at = T0.plusSeconds(2);

    CommitResult result =
        store.commitSteps(
            List.of(
                step(a, at).history(event("go")).completed(json(7)).build(),
                step(b, at).history(event("go")).build()),
            OWNER,
            T0);

    assertThat(result.ended()).containsExactly(store.getInstance("a").orElseThrow());
    assertThat(result.ended().get(0).output()).isEqualTo(json(7));
    assertThat(result.ended().get(0).completedAt()).isEqualTo(at);
  }

  @Test
  void failed_step_records_its_failure_details() {
    started_("a");
    store.enqueue("a", event("go"), T0);
    OrchestrationWorkItem item = lockOnly("a", T0);
    FailureDetails failure = new FailureDetails("java.io.IOException", "boom", json(5), false);

    store.commitSteps(List.of(step(item, T0).failed(failure).build()), OWNER, T0);

    InstanceState state = store.getInstance("a").orElseThrow();
    assertThat(state.status()).isEqualTo(RuntimeStatus.FAILED);
    assertThat(state.failure()).isEqualTo(failure);
  }

  @Test
  void committed_step_enqueues_its_activities_already_leased_to_the_committer() {
    store.createInstance(instance("a", "flow", T0));
    OrchestrationWorkItem item = lockOnly("a", T0);
    Instant leaseUntil = T0.plus(LEASE);

    CommitResult result =
        store.commitSteps(
            List.of(step(item, T0).activity(1, "charge").activity(2, "ship").build()),
            OWNER,
            leaseUntil);

    assertThat(result.lockedActivities())
        .extracting(
            ActivityWorkItem::taskId, ActivityWorkItem::name, ActivityWorkItem::deliveryCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "charge", 1),
            org.assertj.core.groups.Tuple.tuple(2, "ship", 1));
    ActivityWorkItem charge = result.lockedActivities().get(0);
    assertThat(charge.instanceId()).isEqualTo("a");
    assertThat(charge.input()).isEqualTo(json(1));
    assertThat(charge.idempotencyKey()).isEqualTo("a:1");
    assertThat(result.lockedActivities().get(1).id()).isNotEqualTo(charge.id());
    // Leased until leaseUntil: not offered to anyone before then, offered after.
    assertThat(store.lockActivities("worker-2", 10, leaseUntil, LEASE)).isEmpty();
    assertThat(store.lockActivities("worker-2", 10, leaseUntil.plusMillis(1), LEASE))
        .extracting(ActivityWorkItem::id, ActivityWorkItem::deliveryCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(charge.id(), 2),
            org.assertj.core.groups.Tuple.tuple(result.lockedActivities().get(1).id(), 2));
  }

  @Test
  void committed_step_puts_its_timers_in_the_inbox_as_future_messages() {
    store.createInstance(instance("a", "flow", T0));
    OrchestrationWorkItem item = lockOnly("a", T0);
    Instant fireAt = T0.plusSeconds(30);
    HistoryEvent.TimerFired fired = new HistoryEvent.TimerFired(1, fireAt);

    store.commitSteps(
        List.of(
            step(item, T0)
                .history(new HistoryEvent.TimerCreated(1, fireAt))
                .message("a", fired, fireAt)
                .build()),
        OWNER,
        T0);

    assertThat(store.nextVisibleAfter(T0)).contains(fireAt);
    assertThat(store.lockOrchestrations(OWNER, 10, fireAt.minusMillis(1), LEASE)).isEmpty();
    assertThat(lockOnly("a", fireAt).messages())
        .extracting(InboxMessage::event)
        .containsExactly(fired);
  }

  @Test
  void committed_step_creates_its_children_with_their_start_messages() {
    store.createInstance(instance("parent", "flow", T0));
    OrchestrationWorkItem item = lockOnly("parent", T0);

    store.commitSteps(
        List.of(step(item, T0).child(child("parent:child", "parent", T0.plusMillis(1))).build()),
        OWNER,
        T0);

    InstanceState state = store.getInstance("parent:child").orElseThrow();
    assertThat(state.status()).isEqualTo(RuntimeStatus.PENDING);
    assertThat(state.parentInstanceId()).isEqualTo("parent");
    assertThat(state.name()).isEqualTo("child");
    assertThat(state.input()).isEqualTo(json(7));
    OrchestrationWorkItem childItem = lockOnly("parent:child", T0.plusMillis(1));
    assertThat(childItem.messages())
        .extracting(InboxMessage::event)
        .containsExactly(child("parent:child", "parent", T0).started());
  }

  @Test
  void child_whose_id_exists_is_not_created_again() {
    store.createInstance(instance("taken", "other", T0));
    store.commitSteps(List.of(step(lockOnly("taken", T0), T0).build()), OWNER, T0);
    store.createInstance(instance("parent", "flow", T0));
    OrchestrationWorkItem item = lockOnly("parent", T0);

    CommitResult result =
        store.commitSteps(
            List.of(step(item, T0).child(child("taken", "parent", T0)).build()), OWNER, T0);

    assertThat(result.rejected()).isEmpty();
    assertThat(store.getInstance("taken").orElseThrow().name()).isEqualTo("other");
    assertThat(store.lockOrchestrations(OWNER, 10, T0, LEASE)).isEmpty();
  }

  @Test
  void committed_step_delivers_messages_to_other_instances_and_drops_those_to_unknown_ids() {
    started_("target");
    store.createInstance(instance("sender", "flow", T0));
    OrchestrationWorkItem item = lockOnly("sender", T0);

    CommitResult result =
        store.commitSteps(
            List.of(
                step(item, T0)
                    .message("target", event("hello"), T0)
                    .message("ghost", event("lost"), T0)
                    .build()),
            OWNER,
            T0);

    assertThat(result.rejected()).isEmpty();
    assertThat(lockOnly("target", T0).messages())
        .extracting(InboxMessage::event)
        .containsExactly(event("hello"));
    assertThat(store.getInstance("ghost")).isEmpty();
  }

  @Test
  void commit_with_a_stale_lock_token_is_rejected_and_changes_nothing() {
    store.createInstance(instance("a", "flow", T0));
    OrchestrationWorkItem item = lockOnly("a", T0);

    CommitResult result =
        store.commitSteps(
            List.of(
                step(item, T0)
                    .token(item.lockToken() + 7)
                    .history(started("flow"))
                    .activity(1, "charge")
                    .message("a", event("timer"), T0)
                    .child(child("kid", "a", T0))
                    .completed(json(1))
                    .build()),
            OWNER,
            T0);

    assertThat(result.rejected()).containsExactly("a");
    assertThat(result.lockedActivities()).isEmpty();
    assertThat(store.getHistory("a")).isEmpty();
    assertThat(store.getInstance("a").orElseThrow().status()).isEqualTo(RuntimeStatus.PENDING);
    assertThat(store.getInstance("kid")).isEmpty();
    assertThat(store.lockActivities(OWNER, 10, T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
    // Still leased to its holder, and its start message is still there.
    assertThat(store.lockOrchestrations(OWNER, 10, T0, LEASE)).isEmpty();
    assertThat(lockOnly("a", T0.plus(LEASE).plusMillis(1)).messages()).hasSize(1);
  }

  @Test
  void commit_by_another_owner_is_rejected() {
    store.createInstance(instance("a", "flow", T0));
    OrchestrationWorkItem item = lockOnly("a", T0);

    CommitResult result = store.commitSteps(List.of(step(item, T0).build()), "intruder", T0);

    assertThat(result.rejected()).containsExactly("a");
    assertThat(store.getInstance("a").orElseThrow().status()).isEqualTo(RuntimeStatus.PENDING);
  }

  @Test
  void a_batch_applies_every_step_whose_lease_is_held_and_rejects_only_the_others() {
    for (String id : List.of("a", "b", "c")) {
      store.createInstance(instance(id, "flow", T0));
    }
    List<OrchestrationWorkItem> items = store.lockOrchestrations(OWNER, 10, T0, LEASE);
    assertThat(items).hasSize(3);

    CommitResult result =
        store.commitSteps(
            List.of(
                step(items.get(0), T0).history(started("flow")).build(),
                step(items.get(1), T0).token(-1).history(started("flow")).build(),
                step(items.get(2), T0).history(started("flow")).activity(1, "x").build()),
            OWNER,
            T0.plus(LEASE));

    assertThat(result.rejected()).containsExactly(items.get(1).instanceId());
    assertThat(result.lockedActivities()).hasSize(1);
    assertThat(store.getHistory(items.get(0).instanceId())).hasSize(1);
    assertThat(store.getHistory(items.get(1).instanceId())).isEmpty();
    assertThat(store.getHistory(items.get(2).instanceId())).hasSize(1);
  }

  @Test
  void a_batch_that_fails_changes_nothing_at_all() {
    started_("a");
    store.createInstance(instance("b", "flow", T0));
    store.enqueue("a", event("go"), T0);
    List<OrchestrationWorkItem> items = store.lockOrchestrations(OWNER, 10, T0, LEASE);
    OrchestrationWorkItem b = items.get(0).instanceId().equals("b") ? items.get(0) : items.get(1);
    OrchestrationWorkItem a = items.get(0).instanceId().equals("a") ? items.get(0) : items.get(1);
    StepCommit good = step(b, T0).history(started("flow")).activity(1, "x").build();
    // Sequence 0 of "a" is taken: the second step cannot be stored.
    StepCommit clash =
        new StepCommit(
            "a",
            a.lockToken(),
            false,
            0,
            List.of(event("go")),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            step(a, T0).build().update());

    assertThatThrownBy(() -> store.commitSteps(List.of(good, clash), OWNER, T0))
        .isInstanceOf(RuntimeException.class);

    assertThat(store.getHistory("b")).isEmpty();
    assertThat(store.getInstance("b").orElseThrow().status()).isEqualTo(RuntimeStatus.PENDING);
    assertThat(store.lockActivities(OWNER, 10, T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
    assertThat(store.getHistory("a")).hasSize(1);
  }

  @Test
  void reset_history_replaces_the_old_history_and_the_input() {
    started_("a");
    store.enqueue("a", event("again"), T0);
    OrchestrationWorkItem item = lockOnly("a", T0);
    HistoryEvent restarted = new HistoryEvent.ContinuedAsNew(json(8));
    Instant at = T0.plusSeconds(1);

    store.commitSteps(
        List.of(step(item, at).resetHistory(json(8)).history(restarted).build()), OWNER, T0);

    assertThat(store.getHistory("a")).containsExactly(new HistoryRecord(0, at, restarted));
    InstanceState state = store.getInstance("a").orElseThrow();
    assertThat(state.input()).isEqualTo(json(8));
    assertThat(state.historySize()).isEqualTo(1);
  }

  @Test
  void history_appended_by_later_steps_continues_at_the_offset() {
    started_("a");
    store.enqueue("a", event("go"), T0);
    OrchestrationWorkItem item = lockOnly("a", T0);

    store.commitSteps(List.of(step(item, T0).history(event("go")).build()), OWNER, T0);

    assertThat(store.getHistory("a"))
        .extracting(HistoryRecord::seq, HistoryRecord::event)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, started("flow")),
            org.assertj.core.groups.Tuple.tuple(1, event("go")));
  }

  // ---- steps without a lease (the sticky path) --------------------------------------------

  /** Instance {@code id}, stepped once to wait for one activity; returns the token it left. */
  private long waitingForActivity(String id) {
    store.createInstance(instance(id, "flow", T0));
    OrchestrationWorkItem item = lockOnly(id, T0);
    store.commitSteps(
        List.of(step(item, T0).history(started("flow")).activity(1, "charge").build()),
        OWNER,
        T0.plus(LEASE));
    return item.lockToken() + 1;
  }

  /** Commits, without a lease, the step of "a" that consumes {@code result} and completes. */
  private CommitResult completeWithoutLease(long token, ActivityResult result) {
    return store.commitSteps(
        List.of(unleasedStep("a", token, 1, T0).result(result).completed(json(5)).build()),
        OWNER,
        T0);
  }

  private ActivityResult resultOf(String id, int taskId) {
    ActivityWorkItem activity =
        store.lockActivities(OWNER, 10, T0.plus(LEASE).plusMillis(1), LEASE).stream()
            .filter(a -> a.instanceId().equals(id) && a.taskId() == taskId)
            .findFirst()
            .orElseThrow();
    return new ActivityResult(activity.id(), id, new HistoryEvent.TaskCompleted(taskId, json(5)));
  }

  @Test
  void a_step_after_the_committers_own_step_applies_without_a_lease_and_consumes_its_results() {
    long token = waitingForActivity("a");
    ActivityResult result = resultOf("a", 1);

    CommitResult committed = completeWithoutLease(token, result);

    assertThat(committed.rejected()).isEmpty();
    assertThat(store.loadHistory("a")).containsExactly(started("flow"), result.result());
    assertThat(store.getInstance("a").orElseThrow().status()).isEqualTo(RuntimeStatus.COMPLETED);
    // The activity is gone and its result never reached the inbox.
    assertThat(store.lockActivities(OWNER, 10, T0.plus(LEASE.multipliedBy(3)), LEASE)).isEmpty();
    assertThat(store.lockOrchestrations(OWNER, 10, T0.plus(LEASE), LEASE)).isEmpty();
  }

  @Test
  void every_committed_step_advances_the_token_so_a_step_can_only_follow_the_one_before() {
    long token = waitingForActivity("a");
    store.enqueue("a", event("go"), T0);
    OrchestrationWorkItem leased = lockOnly("a", T0);
    assertThat(leased.lockToken()).isEqualTo(token + 1);
    store.commitSteps(List.of(step(leased, T0).history(event("go")).build()), OWNER, T0);

    CommitResult stale =
        store.commitSteps(
            List.of(unleasedStep("a", token, 1, T0).history(event("late")).build()), OWNER, T0);
    CommitResult next =
        store.commitSteps(
            List.of(unleasedStep("a", token + 2, 2, T0).history(event("next")).build()), OWNER, T0);

    assertThat(stale.rejected()).containsExactly("a");
    assertThat(next.rejected()).isEmpty();
    assertThat(store.loadHistory("a")).containsExactly(started("flow"), event("go"), event("next"));
  }

  @Test
  void a_rejected_step_puts_the_results_it_took_in_the_inbox_after_what_was_there() {
    long token = waitingForActivity("a");
    ActivityResult result = resultOf("a", 1);
    store.enqueue("a", event("meanwhile"), T0);
    OrchestrationWorkItem other = store.lockOrchestrations("worker-2", 10, T0, LEASE).get(0);

    CommitResult committed = completeWithoutLease(token, result);

    assertThat(committed.rejected()).containsExactly("a");
    assertThat(store.loadHistory("a")).containsExactly(started("flow"));
    assertThat(store.getInstance("a").orElseThrow().status()).isEqualTo(RuntimeStatus.RUNNING);
    assertThat(store.lockActivities(OWNER, 10, T0.plus(LEASE.multipliedBy(3)), LEASE)).isEmpty();
    // The other process's lease stands; its step consumes what it read, and the result waits.
    store.commitSteps(List.of(step(other, T0).history(event("meanwhile")).build()), "worker-2", T0);
    assertThat(lockOnly("a", T0).messages())
        .extracting(InboxMessage::event)
        .containsExactly(result.result());
  }

  @Test
  void a_step_whose_result_is_for_an_activity_no_longer_leased_to_the_committer_is_rejected() {
    long token = waitingForActivity("a");
    ActivityResult result = resultOf("a", 1);
    ActivityWorkItem retaken =
        store.lockActivities("worker-2", 10, T0.plus(LEASE.multipliedBy(3)), LEASE).get(0);

    CommitResult committed = completeWithoutLease(token, result);

    assertThat(committed.rejected()).containsExactly("a");
    assertThat(store.loadHistory("a")).containsExactly(started("flow"));
    // The result is dropped: the activity's new holder answers for it.
    assertThat(store.lockOrchestrations(OWNER, 10, T0.plus(LEASE), LEASE)).isEmpty();
    assertThat(retaken.id()).isEqualTo(result.activityId());
    assertThat(store.renewActivityLease(retaken.id(), "worker-2", T0.plus(LEASE.multipliedBy(5))))
        .isTrue();
  }

  @Test
  void a_leased_step_can_consume_results_with_its_messages() {
    long token = waitingForActivity("a");
    ActivityResult result = resultOf("a", 1);
    store.enqueue("a", event("go"), T0);
    OrchestrationWorkItem item = lockOnly("a", T0);
    assertThat(item.lockToken()).isEqualTo(token + 1);

    CommitResult committed =
        store.commitSteps(
            List.of(step(item, T0).history(event("go")).result(result).build()), OWNER, T0);

    assertThat(committed.rejected()).isEmpty();
    assertThat(store.loadHistory("a"))
        .containsExactly(started("flow"), event("go"), result.result());
    assertThat(store.lockActivities(OWNER, 10, T0.plus(LEASE.multipliedBy(3)), LEASE)).isEmpty();
  }

  @Test
  void created_instances_report_their_start_messages_which_a_first_step_without_a_lease_consumes() {
    List<Long> starts =
        store.createInstances(
            List.of(instance("a", "flow", T0), instance("a", "flow", T0), instance("b", "f", T0)));
    assertThat(starts.get(0)).isNotNull();
    assertThat(starts.get(1)).as("the id was taken by the first").isNull();
    assertThat(starts.get(2)).isNotNull().isNotEqualTo(starts.get(0));

    StoreFixtures.Step first = unleasedStep("a", 0, 0, T0).history(started("flow"));
    first.consume(starts.get(0));
    CommitResult committed = store.commitSteps(List.of(first.build()), OWNER, T0);

    assertThat(committed.rejected()).isEmpty();
    assertThat(store.loadHistory("a")).containsExactly(started("flow"));
    assertThat(store.lockOrchestrations(OWNER, 10, T0, LEASE))
        .extracting(OrchestrationWorkItem::instanceId)
        .containsExactly("b");
  }

  @Test
  void a_first_step_without_a_lease_is_rejected_once_someone_leased_the_instance() {
    long start = store.createInstances(List.of(instance("a", "flow", T0))).get(0);
    OrchestrationWorkItem other = store.lockOrchestrations("worker-2", 10, T0, LEASE).get(0);

    StoreFixtures.Step first = unleasedStep("a", 0, 0, T0).history(started("flow"));
    first.consume(start);
    CommitResult committed = store.commitSteps(List.of(first.build()), OWNER, T0);

    assertThat(committed.rejected()).containsExactly("a");
    assertThat(store.loadHistory("a")).isEmpty();
    assertThat(other.messages()).extracting(InboxMessage::id).containsExactly(start);
    store.commitSteps(List.of(step(other, T0).history(started("flow")).build()), "worker-2", T0);
    assertThat(store.loadHistory("a")).containsExactly(started("flow"));
  }

  // ---- inbox and leases ------------------------------------------------------------------

  @Test
  void inbox_messages_are_returned_in_arrival_order() {
    started_("a");
    store.enqueue("a", event("one"), T0.plusMillis(3));
    store.enqueue("a", event("two"), T0.plusMillis(1));
    store.enqueue("a", event("three"), T0.plusMillis(2));

    assertThat(lockOnly("a", T0.plusMillis(3)).messages())
        .extracting(InboxMessage::event)
        .containsExactly(event("one"), event("two"), event("three"));
  }

  @Test
  void a_message_visible_at_t_is_not_returned_a_millisecond_earlier_and_is_at_t() {
    started_("a");
    Instant t = T0.plusSeconds(10);
    store.enqueue("a", event("now"), T0);
    store.enqueue("a", event("later"), t);

    OrchestrationWorkItem early = lockOnly("a", t.minusMillis(1));
    assertThat(early.messages()).extracting(InboxMessage::event).containsExactly(event("now"));
    store.commitSteps(List.of(step(early, t.minusMillis(1)).build()), OWNER, T0);

    assertThat(store.lockOrchestrations(OWNER, 10, t.minusMillis(1), LEASE)).isEmpty();
    assertThat(lockOnly("a", t).messages())
        .extracting(InboxMessage::event)
        .containsExactly(event("later"));
  }

  @Test
  void instances_are_leased_by_their_oldest_message_up_to_max() {
    for (String id : List.of("a", "b", "c")) {
      started_(id);
    }
    store.enqueue("c", event("1"), T0);
    store.enqueue("a", event("2"), T0);
    store.enqueue("b", event("3"), T0);
    store.enqueue("c", event("4"), T0);

    List<OrchestrationWorkItem> first = store.lockOrchestrations(OWNER, 2, T0, LEASE);
    List<OrchestrationWorkItem> second = store.lockOrchestrations(OWNER, 2, T0, LEASE);

    assertThat(first).extracting(OrchestrationWorkItem::instanceId).containsExactly("c", "a");
    assertThat(first.get(0).messages()).hasSize(2);
    assertThat(second).extracting(OrchestrationWorkItem::instanceId).containsExactly("b");
  }

  @Test
  void a_leased_instance_is_not_returned_again_until_its_lease_expires() {
    store.createInstance(instance("a", "flow", T0));
    OrchestrationWorkItem first = lockOnly("a", T0);
    Instant expiry = T0.plus(LEASE);

    assertThat(store.lockOrchestrations("worker-2", 10, expiry, LEASE)).isEmpty();

    List<OrchestrationWorkItem> again =
        store.lockOrchestrations("worker-2", 10, expiry.plusMillis(1), LEASE);
    assertThat(again).extracting(OrchestrationWorkItem::instanceId).containsExactly("a");
    assertThat(again.get(0).lockToken()).isNotEqualTo(first.lockToken());
    assertThat(again.get(0).messages()).isEqualTo(first.messages());

    CommitResult stale = store.commitSteps(List.of(step(first, T0).build()), OWNER, T0);
    assertThat(stale.rejected()).containsExactly("a");
    CommitResult fresh =
        store.commitSteps(List.of(step(again.get(0), expiry).build()), "worker-2", T0);
    assertThat(fresh.rejected()).isEmpty();
  }

  @Test
  void a_released_instance_is_leased_again_at_once_and_nothing_changed() {
    store.createInstance(instance("a", "flow", T0));
    OrchestrationWorkItem first = lockOnly("a", T0);

    store.releaseOrchestration("a", first.lockToken() + 1);
    assertThat(store.lockOrchestrations(OWNER, 10, T0, LEASE)).as("wrong token").isEmpty();

    store.releaseOrchestration("a", first.lockToken());
    OrchestrationWorkItem again = lockOnly("a", T0);
    assertThat(again.messages()).isEqualTo(first.messages());
    assertThat(again.instance().status()).isEqualTo(RuntimeStatus.PENDING);
  }

  @Test
  void next_visible_after_is_the_earliest_message_strictly_after_now() {
    started_("a");
    assertThat(store.nextVisibleAfter(T0)).isEmpty();
    store.enqueue("a", event("soon"), T0.plusSeconds(5));
    store.enqueue("a", event("later"), T0.plusSeconds(9));
    store.enqueue("a", event("due"), T0);

    assertThat(store.nextVisibleAfter(T0)).contains(T0.plusSeconds(5));
    assertThat(store.nextVisibleAfter(T0.plusSeconds(5))).contains(T0.plusSeconds(9));
    assertThat(store.nextVisibleAfter(T0.plusSeconds(9))).isEmpty();
  }

  // ---- activities ------------------------------------------------------------------------

  /** Enqueues activities through a step of a fresh instance; they come back leased to OWNER. */
  private List<ActivityWorkItem> scheduled(String id, int count) {
    store.createInstance(instance(id, "flow", T0));
    StoreFixtures.Step step = step(lockOnly(id, T0), T0);
    for (int task = 1; task <= count; task++) {
      step.activity(task, "task" + task);
    }
    return store.commitSteps(List.of(step.build()), OWNER, T0.plus(LEASE)).lockedActivities();
  }

  private List<ActivityWorkItem> queued(String id, int count) {
    List<ActivityWorkItem> items = scheduled(id, count);
    items.forEach(a -> store.abandonActivity(a.id(), OWNER, T0));
    return items;
  }

  @Test
  void queued_activities_are_leased_oldest_first_and_each_delivery_is_counted() {
    List<ActivityWorkItem> queued = queued("a", 3);

    List<ActivityWorkItem> first = store.lockActivities("w", 2, T0, LEASE);
    List<ActivityWorkItem> second = store.lockActivities("w", 2, T0, LEASE);

    assertThat(first)
        .extracting(ActivityWorkItem::id)
        .containsExactly(queued.get(0).id(), queued.get(1).id());
    assertThat(first).extracting(ActivityWorkItem::deliveryCount).containsOnly(2);
    assertThat(first.get(0).name()).isEqualTo("task1");
    assertThat(first.get(0).input()).isEqualTo(json(1));
    assertThat(first.get(0).idempotencyKey()).isEqualTo("a:1");
    assertThat(second).extracting(ActivityWorkItem::id).containsExactly(queued.get(2).id());
    assertThat(store.lockActivities("w", 2, T0, LEASE)).isEmpty();
  }

  @Test
  void completed_activity_is_removed_and_its_result_reaches_the_instance_inbox() {
    ActivityWorkItem activity = scheduled("a", 1).get(0);
    HistoryEvent.TaskCompleted done = new HistoryEvent.TaskCompleted(1, json(3));

    store.completeActivities(List.of(new ActivityResult(activity.id(), "a", done)), OWNER, T0);

    assertThat(lockOnly("a", T0).messages()).extracting(InboxMessage::event).containsExactly(done);
    assertThat(store.lockActivities(OWNER, 10, T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
  }

  @Test
  void completion_by_a_non_owner_is_dropped() {
    ActivityWorkItem activity = scheduled("a", 1).get(0);
    FailureDetails failure = FailureDetails.of("x.Error", "nope");

    store.completeActivities(
        List.of(new ActivityResult(activity.id(), "a", new HistoryEvent.TaskFailed(1, failure))),
        "worker-2",
        T0);

    assertThat(store.lockOrchestrations(OWNER, 10, T0, LEASE)).isEmpty();
    assertThat(store.lockActivities("worker-2", 10, T0.plus(LEASE).plusMillis(1), LEASE))
        .extracting(ActivityWorkItem::id)
        .containsExactly(activity.id());
  }

  @Test
  void an_activity_whose_lease_expired_is_redelivered_with_delivery_count_2() {
    queued("a", 1);
    ActivityWorkItem first = store.lockActivities(OWNER, 10, T0, LEASE).get(0);
    Instant expiry = T0.plus(LEASE);

    assertThat(store.lockActivities("worker-2", 10, expiry, LEASE)).isEmpty();
    List<ActivityWorkItem> again =
        store.lockActivities("worker-2", 10, expiry.plusMillis(1), LEASE);

    assertThat(again).extracting(ActivityWorkItem::id).containsExactly(first.id());
    assertThat(again.get(0).deliveryCount()).isEqualTo(first.deliveryCount() + 1);
    // The first holder lost it: its result is dropped, the new holder's is kept.
    store.completeActivities(
        List.of(new ActivityResult(first.id(), "a", new HistoryEvent.TaskCompleted(1, json(1)))),
        OWNER,
        T0);
    assertThat(store.lockOrchestrations(OWNER, 10, T0, LEASE)).isEmpty();
  }

  @Test
  void scheduled_activity_is_first_delivered_with_delivery_count_1_and_redelivered_with_2() {
    ActivityWorkItem first = scheduled("a", 1).get(0);

    List<ActivityWorkItem> again =
        store.lockActivities("worker-2", 10, T0.plus(LEASE).plusMillis(1), LEASE);

    assertThat(first.deliveryCount()).isEqualTo(1);
    assertThat(again).extracting(ActivityWorkItem::deliveryCount).containsExactly(2);
  }

  @Test
  void abandoned_activity_is_offered_again_from_its_visible_time() {
    ActivityWorkItem activity = scheduled("a", 1).get(0);
    Instant retryAt = T0.plusSeconds(20);

    store.abandonActivity(activity.id(), "worker-2", T0);
    assertThat(store.lockActivities("w", 10, T0.plusSeconds(1), LEASE))
        .as("a non-owner cannot abandon")
        .isEmpty();

    store.abandonActivity(activity.id(), OWNER, retryAt);
    assertThat(store.lockActivities("w", 10, retryAt.minusMillis(1), LEASE)).isEmpty();
    assertThat(store.lockActivities("w", 10, retryAt, LEASE))
        .extracting(ActivityWorkItem::id)
        .containsExactly(activity.id());
  }

  @Test
  void renew_extends_a_held_lease_and_fails_for_a_lost_one() {
    ActivityWorkItem activity = scheduled("a", 1).get(0);
    Instant extended = T0.plus(LEASE).plus(LEASE);

    assertThat(store.renewActivityLease(activity.id(), OWNER, extended)).isTrue();
    assertThat(store.lockActivities("w", 10, T0.plus(LEASE).plusMillis(1), LEASE)).isEmpty();
    assertThat(store.lockActivities("w", 10, extended.plusMillis(1), LEASE)).hasSize(1);

    assertThat(store.renewActivityLease(activity.id(), OWNER, extended.plus(LEASE))).isFalse();
    assertThat(store.renewActivityLease(activity.id() + 1000, OWNER, extended)).isFalse();
  }

  // ---- purge -----------------------------------------------------------------------------

  @Test
  void purge_refuses_missing_and_running_instances() {
    started_("a");

    assertThat(store.purge("nope")).isEqualTo(Store.PurgeResult.NOT_FOUND);
    assertThat(store.purge("a")).isEqualTo(Store.PurgeResult.NOT_TERMINAL);
    assertThat(store.getInstance("a")).isPresent();
    assertThat(store.getHistory("a")).isNotEmpty();
  }

  @Test
  void purge_of_a_terminal_instance_removes_its_row_history_inbox_and_activities() {
    store.createInstance(instance("a", "flow", T0));
    OrchestrationWorkItem item = lockOnly("a", T0);
    store.commitSteps(
        List.of(
            step(item, T0)
                .history(started("flow"))
                .activity(1, "left-over")
                .message("a", event("timer"), T0.plusSeconds(60))
                .completed(json(1))
                .build()),
        OWNER,
        T0.plus(LEASE));

    assertThat(store.purge("a")).isEqualTo(Store.PurgeResult.PURGED);

    assertThat(store.getInstance("a")).isEmpty();
    assertThat(store.getHistory("a")).isEmpty();
    assertThat(store.nextVisibleAfter(T0)).isEmpty();
    assertThat(store.lockActivities(OWNER, 10, T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
    assertThat(store.purge("a")).isEqualTo(Store.PurgeResult.NOT_FOUND);
  }

  // ---- listing ---------------------------------------------------------------------------

  @Test
  void instances_are_listed_newest_first_in_pages_without_duplicates() {
    for (int i = 0; i < 25; i++) {
      // Two instances per millisecond, so the id breaks ties.
      store.createInstance(instance(String.format("i%02d", i), "flow", T0.plusMillis(i / 2)));
    }

    InstancePage first = store.listInstances(InstanceQuery.all(10));
    InstancePage second = store.listInstances(InstanceQuery.all(10).withCursor(first.nextCursor()));
    InstancePage third = store.listInstances(InstanceQuery.all(10).withCursor(second.nextCursor()));

    assertThat(first.items()).hasSize(10);
    assertThat(second.items()).hasSize(10);
    assertThat(third.items()).hasSize(5);
    assertThat(third.nextCursor()).isNull();
    List<String> ids =
        java.util.stream.Stream.of(first, second, third)
            .flatMap(p -> p.items().stream())
            .map(InstanceState::instanceId)
            .toList();
    List<String> expected =
        java.util.stream.IntStream.iterate(24, i -> i >= 0, i -> i - 1)
            .mapToObj(i -> String.format("i%02d", i))
            .toList();
    assertThat(ids).isEqualTo(expected);
  }

  @Test
  void a_page_that_ends_exactly_at_the_last_instance_has_no_next_cursor() {
    for (int i = 0; i < 10; i++) {
      store.createInstance(instance("i" + i, "flow", T0.plusMillis(i)));
    }
    assertThat(store.listInstances(InstanceQuery.all(10)).nextCursor()).isNull();
    assertThat(store.listInstances(InstanceQuery.all(10)).items()).hasSize(10);
  }

  @Test
  void listing_filters_by_status_name_prefix_and_creation_time() {
    started_("r1");
    store.createInstance(instance("p1", "order-flow", T0));
    store.createInstance(instance("p2", "order-flow", T0.plusSeconds(1)));
    store.createInstance(instance("q1", "Order-audit", T0.plusSeconds(2)));
    java.util.Set<RuntimeStatus> running = java.util.Set.of(RuntimeStatus.RUNNING);

    assertThat(ids(new InstanceQuery(running, null, null, null, null, 10, null)))
        .containsExactly("r1");
    assertThat(
            ids(
                new InstanceQuery(
                    java.util.Set.of(RuntimeStatus.PENDING, RuntimeStatus.RUNNING),
                    null,
                    null,
                    null,
                    null,
                    10,
                    null)))
        .containsExactly("q1", "p2", "r1", "p1");
    assertThat(ids(new InstanceQuery(null, "order-flow", null, null, null, 10, null)))
        .containsExactly("p2", "p1");
    assertThat(ids(new InstanceQuery(null, null, "order-", null, null, 10, null)))
        .as("the prefix is case-sensitive")
        .containsExactly("p2", "p1");
    assertThat(
            ids(
                new InstanceQuery(
                    null, null, null, T0.plusSeconds(1), T0.plusSeconds(2), 10, null)))
        .containsExactly("q1", "p2");
  }

  // ---- events ----------------------------------------------------------------------------

  private static PublishedEvent published(
      String id, List<String> deliverTo, NewInstance... starts) {
    return new PublishedEvent(
        "/src", id, "order.placed", json(5), "ce", deliverTo, List.of(starts));
  }

  private static List<HistoryEvent> messagesOf(List<OrchestrationWorkItem> items, String id) {
    return items.stream()
        .filter(item -> item.instanceId().equals(id))
        .flatMap(item -> item.messages().stream())
        .map(InboxMessage::event)
        .toList();
  }

  /** Ends an instance: a step that completes it. */
  private void complete(String id) {
    store.enqueue(id, event("end"), T0);
    OrchestrationWorkItem item = lockOnly(id, T0);
    store.commitSteps(List.of(step(item, T0).completed(json(0)).build()), OWNER, T0);
  }

  @Test
  void a_published_event_reaches_every_live_instance_of_the_named_orchestrations_only() {
    started_("running");
    started_("ended");
    complete("ended");
    store.createInstance(instance("pending", "flow", T0));
    store.createInstance(instance("other", "elsewhere", T0));

    PublishedEvent.Result result = store.publishEvent(published("e1", List.of("flow")), T0);

    assertThat(result.duplicate()).isFalse();
    assertThat(result.delivered()).isEqualTo(2);
    HistoryEvent.EventRaised expected = new HistoryEvent.EventRaised("ce", json(5));
    List<OrchestrationWorkItem> ready = store.lockOrchestrations(OWNER, 10, T0, LEASE);
    assertThat(ready)
        .extracting(OrchestrationWorkItem::instanceId)
        .containsExactlyInAnyOrder("running", "pending", "other");
    assertThat(messagesOf(ready, "running")).containsExactly(expected);
    assertThat(messagesOf(ready, "pending")).containsExactly(started("flow"), expected);
    assertThat(messagesOf(ready, "other")).containsExactly(started("elsewhere"));
  }

  @Test
  void an_event_key_seen_before_is_a_duplicate_that_writes_nothing() {
    started_("a");
    store.publishEvent(published("e1", List.of("flow")), T0);
    lockOnly("a", T0);

    PublishedEvent.Result again =
        store.publishEvent(
            published("e1", List.of("flow"), instance("b", "flow", T0)), T0.plusSeconds(1));

    assertThat(again.duplicate()).isTrue();
    assertThat(again.delivered()).isZero();
    assertThat(again.started()).isEmpty();
    assertThat(store.getInstance("b")).isEmpty();
    List<OrchestrationWorkItem> later =
        store.lockOrchestrations(OWNER, 10, T0.plusSeconds(300), LEASE);
    assertThat(later).extracting(OrchestrationWorkItem::instanceId).containsExactly("a");
    assertThat(messagesOf(later, "a")).hasSize(1);
  }

  @Test
  void a_published_event_creates_the_instances_it_starts_skipping_taken_ids() {
    store.createInstance(instance("taken", "flow", T0));

    PublishedEvent.Result result =
        store.publishEvent(
            published("e1", List.of(), instance("new", "flow", T0), instance("taken", "x", T0)),
            T0);

    assertThat(result.started()).containsExactly("new");
    assertThat(store.getInstance("new").orElseThrow().status()).isEqualTo(RuntimeStatus.PENDING);
    assertThat(store.getInstance("taken").orElseThrow().name()).isEqualTo("flow");
  }

  @Test
  void forgotten_event_keys_are_accepted_again() {
    store.publishEvent(published("old", List.of()), T0);
    store.publishEvent(published("new", List.of()), T0.plusSeconds(10));

    assertThat(store.forgetEvents(T0.plusSeconds(5))).isEqualTo(1);

    assertThat(store.publishEvent(published("old", List.of()), T0.plusSeconds(11)).duplicate())
        .isFalse();
    assertThat(store.publishEvent(published("new", List.of()), T0.plusSeconds(11)).duplicate())
        .isTrue();
  }

  @Test
  void counts_instances_by_status_and_the_work_waiting() {
    scheduled("busy", 2);
    started_("running");
    started_("ended");
    complete("ended");
    store.createInstance(instance("pending", "flow", T0));
    store.enqueue("running", event("later"), T0.plusSeconds(60));

    StoreCounts counts = store.counts(T0);

    assertThat(counts.instances())
        .containsEntry(RuntimeStatus.PENDING, 1L)
        .containsEntry(RuntimeStatus.RUNNING, 2L)
        .containsEntry(RuntimeStatus.COMPLETED, 1L)
        .containsEntry(RuntimeStatus.FAILED, 0L)
        .hasSize(RuntimeStatus.values().length);
    assertThat(counts.readyMessages()).isEqualTo(1); // pending's start; the later one is not due
    assertThat(counts.queuedActivities()).isEqualTo(2);
    assertThat(store.counts(T0.plusSeconds(60)).readyMessages()).isEqualTo(2);
  }

  private List<String> ids(InstanceQuery query) {
    return store.listInstances(query).items().stream().map(InstanceState::instanceId).toList();
  }
}
