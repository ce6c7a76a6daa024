package io.swirl.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.List;

/**
 * Everything one orchestration step changes, applied atomically by {@link Store#commitSteps}.
 *
 * <p>The instance's lock token is its version: leasing the instance and committing a step each
 * advance it by one. A step applies only when it presents the current token, with the instance
 * leased to the committer or to nobody. So a step either holds the lease ({@link
 * OrchestrationWorkItem#lockToken()}), or — the sticky path — follows the committer's own previous
 * step of an instance nobody has leased since ({@code lockToken + 1} of that step).
 *
 * @param lockToken the instance's token as the step expects it (see above)
 * @param resetHistory true after continue-as-new: the old history is deleted first and {@code
 *     newHistory} starts at sequence 0
 * @param historyOffset the sequence number of the first event in {@code newHistory}
 * @param newHistory events appended to the history
 * @param consumedMessages inbox message ids the step consumed (deleted)
 * @param consumedResults activity results the step applied without their passing through the inbox;
 *     the step applies only if every one of their activities is still leased to the committer, and
 *     deletes them. When the step is rejected, the results whose activities were still leased are
 *     put in the instance's inbox instead, as {@link Store#completeActivities} would.
 * @param activities activities to enqueue
 * @param messages messages for inboxes (timers for this instance, results for a parent, events for
 *     other instances); a message for an instance that does not exist is dropped
 * @param newInstances child instances to create (skipped when the id exists)
 * @param update the instance row after the step
 */
public record StepCommit(
    String instanceId,
    long lockToken,
    boolean resetHistory,
    int historyOffset,
    List<HistoryEvent> newHistory,
    List<Long> consumedMessages,
    List<ActivityResult> consumedResults,
    List<NewActivity> activities,
    List<OutboundMessage> messages,
    List<NewInstance> newInstances,
    InstanceUpdate update) {

  public StepCommit {
    newHistory = List.copyOf(newHistory);
    consumedMessages = List.copyOf(consumedMessages);
    consumedResults = List.copyOf(consumedResults);
    activities = List.copyOf(activities);
    messages = List.copyOf(messages);
    newInstances = List.copyOf(newInstances);
  }

  /** An activity to enqueue for this instance. */
  public record NewActivity(int taskId, String name, JsonNode input, String idempotencyKey) {}

  /** A message for an inbox, visible from {@code visibleAt}. */
  public record OutboundMessage(String instanceId, HistoryEvent event, Instant visibleAt) {}

  /**
   * The instance row after the step. {@code input} changes only on continue-as-new.
   *
   * @param completedAt set when the status is terminal
   */
  public record InstanceUpdate(
      RuntimeStatus status,
      JsonNode input,
      JsonNode output,
      FailureDetails failure,
      JsonNode customStatus,
      Instant updatedAt,
      Instant completedAt,
      int historySize) {}
}
