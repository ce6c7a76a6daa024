package io.swirl.engine.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.FailureDetails;
import java.time.Instant;

/**
 * One entry of an instance's append-only history. Events that carry a {@code taskId} refer to the
 * sequence number the orchestrator gave the task when it scheduled it; a scheduling event ({@link
 * Scheduling}) and the completion that answers it share that id.
 *
 * <p>The same types travel through an instance's inbox: a new message for an instance (a task
 * result, a fired timer, a raised event, a client's suspend) is the history event it becomes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HistoryEvent.ExecutionStarted.class, name = "ExecutionStarted"),
  @JsonSubTypes.Type(value = HistoryEvent.OrchestratorStarted.class, name = "OrchestratorStarted"),
  @JsonSubTypes.Type(value = HistoryEvent.TaskScheduled.class, name = "TaskScheduled"),
  @JsonSubTypes.Type(value = HistoryEvent.TaskCompleted.class, name = "TaskCompleted"),
  @JsonSubTypes.Type(value = HistoryEvent.TaskFailed.class, name = "TaskFailed"),
  @JsonSubTypes.Type(value = HistoryEvent.TimerCreated.class, name = "TimerCreated"),
  @JsonSubTypes.Type(value = HistoryEvent.TimerFired.class, name = "TimerFired"),
  @JsonSubTypes.Type(value = HistoryEvent.EventRaised.class, name = "EventRaised"),
  @JsonSubTypes.Type(value = HistoryEvent.EventSent.class, name = "EventSent"),
  @JsonSubTypes.Type(
      value = HistoryEvent.SubOrchestrationCreated.class,
      name = "SubOrchestrationCreated"),
  @JsonSubTypes.Type(
      value = HistoryEvent.SubOrchestrationCompleted.class,
      name = "SubOrchestrationCompleted"),
  @JsonSubTypes.Type(
      value = HistoryEvent.SubOrchestrationFailed.class,
      name = "SubOrchestrationFailed"),
  @JsonSubTypes.Type(value = HistoryEvent.ExecutionSuspended.class, name = "ExecutionSuspended"),
  @JsonSubTypes.Type(value = HistoryEvent.ExecutionResumed.class, name = "ExecutionResumed"),
  @JsonSubTypes.Type(value = HistoryEvent.ExecutionTerminated.class, name = "ExecutionTerminated"),
  @JsonSubTypes.Type(value = HistoryEvent.ExecutionCompleted.class, name = "ExecutionCompleted"),
  @JsonSubTypes.Type(value = HistoryEvent.ExecutionFailed.class, name = "ExecutionFailed"),
  @JsonSubTypes.Type(value = HistoryEvent.ContinuedAsNew.class, name = "ContinuedAsNew"),
})
public sealed interface HistoryEvent {

  /** An event the orchestrator's own command produced; it carries the command's sequence id. */
  sealed interface Scheduling extends HistoryEvent {
    int taskId();
  }

  /** An event that answers a {@link Scheduling} event with the same {@code taskId}. */
  sealed interface Completion extends HistoryEvent {
    int taskId();
  }

  /**
   * The instance started.
   *
   * @param definitionHash the content hash of the definition the instance runs, pinned here so that
   *     a running instance never silently switches definition; null for code workflows
   * @param parentInstanceId set for a child orchestration, with {@code parentTaskId}
   */
  record ExecutionStarted(
      String name,
      String version,
      String definitionHash,
      JsonNode input,
      String parentInstanceId,
      Integer parentTaskId)
      implements HistoryEvent {}

  /** A step began; {@code now} is the deterministic current time for the code in that step. */
  record OrchestratorStarted(Instant now) implements HistoryEvent {}

  /** An activity was scheduled; {@code idempotencyKey} is the same on every attempt. */
  record TaskScheduled(int taskId, String name, JsonNode input, String idempotencyKey)
      implements Scheduling {}

  record TaskCompleted(int taskId, JsonNode result) implements Completion {}

  record TaskFailed(int taskId, FailureDetails failure) implements Completion {}

  record TimerCreated(int taskId, Instant fireAt) implements Scheduling {}

  record TimerFired(int taskId, Instant fireAt) implements Completion {}

  /** An external event reached the instance. */
  record EventRaised(String name, JsonNode payload) implements HistoryEvent {}

  /** The orchestrator raised an event on another instance. */
  record EventSent(int taskId, String instanceId, String name, JsonNode payload)
      implements Scheduling {}

  record SubOrchestrationCreated(
      int taskId, String name, String version, String instanceId, JsonNode input)
      implements Scheduling {}

  record SubOrchestrationCompleted(int taskId, JsonNode result) implements Completion {}

  record SubOrchestrationFailed(int taskId, FailureDetails failure) implements Completion {}

  record ExecutionSuspended(String reason) implements HistoryEvent {}

  record ExecutionResumed(String reason) implements HistoryEvent {}

  record ExecutionTerminated(JsonNode output, String reason) implements HistoryEvent {}

  record ExecutionCompleted(JsonNode output) implements HistoryEvent {}

  record ExecutionFailed(FailureDetails failure) implements HistoryEvent {}

  /** The instance restarts with a new input and an empty history. */
  record ContinuedAsNew(JsonNode input) implements HistoryEvent {}
}
