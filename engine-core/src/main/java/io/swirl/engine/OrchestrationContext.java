package io.swirl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an orchestrator may do. Everything here is recorded in, or derived from, the instance's
 * history, so a replay makes the same decisions: use {@link #currentInstant()} instead of the
 * clock, {@link #newUuid()} instead of random ids, and activities for all I/O.
 */
public interface OrchestrationContext {

  String instanceId();

  /** The orchestrator's registered name. */
  String name();

  /** The version the instance was started with (may be null). */
  String version();

  /** The instance's input as JSON ({@code NullNode} when none). */
  JsonNode input();

  /** The input converted to {@code type}. */
  <T> T getInput(Class<T> type);

  /** The deterministic current time: when the current step began, as recorded in history. */
  Instant currentInstant();

  /** True while the orchestrator re-executes code for events already in history. */
  boolean isReplaying();

  /** A new UUID, the same on every replay (name-based, from the instance id and a counter). */
  UUID newUuid();

  /** Schedules an activity; its result comes back as JSON. */
  Task<JsonNode> callActivity(String name, Object input, TaskOptions options);

  /** Schedules an activity; its result is converted to {@code resultType}. */
  default <T> Task<T> callActivity(
      String name, Object input, TaskOptions options, Class<T> resultType) {
    return callActivity(name, input, options).thenApply(json -> convert(json, resultType));
  }

  /** Schedules an activity with no retry; its result is converted to {@code resultType}. */
  default <T> Task<T> callActivity(String name, Object input, Class<T> resultType) {
    return callActivity(name, input, TaskOptions.NONE).thenApply(json -> convert(json, resultType));
  }

  /** A durable timer that fires after {@code delay}. */
  default Task<Void> createTimer(Duration delay) {
    return createTimer(currentInstant().plus(delay));
  }

  /** A durable timer that fires at {@code fireAt}. */
  Task<Void> createTimer(Instant fireAt);

  /**
   * Waits for an external event named {@code name} (events raised before the wait are kept and
   * delivered in order). With a timeout, the task fails with {@link FailureDetails#TIMEOUT} if no
   * event comes in time; null means wait forever.
   */
  Task<JsonNode> waitForExternalEvent(String name, Duration timeout);

  default <T> Task<T> waitForExternalEvent(String name, Class<T> type) {
    return waitForExternalEvent(name, null, type);
  }

  /** Waits for an event with a timeout (null: forever); its payload converted to {@code type}. */
  default <T> Task<T> waitForExternalEvent(String name, Duration timeout, Class<T> type) {
    return waitForExternalEvent(name, timeout).thenApply(json -> convert(json, type));
  }

  /**
   * Starts a child orchestration and waits for its output.
   *
   * @param instanceId the child's id, or null for a deterministic generated one
   */
  Task<JsonNode> callSubOrchestration(
      String name, String version, Object input, String instanceId, TaskOptions options);

  default <T> Task<T> callSubOrchestration(String name, Object input, Class<T> resultType) {
    return callSubOrchestration(name, null, input, null, TaskOptions.NONE)
        .thenApply(json -> convert(json, resultType));
  }

  /** Raises an event on another instance (fire and forget). */
  void sendEvent(String instanceId, String eventName, Object payload);

  /** A task that completes with all results in order, or fails with the first failure. */
  <T> Task<List<T>> allOf(List<? extends Task<T>> tasks);

  /** A task that completes with the first of {@code tasks} to finish (success or failure). */
  Task<Task<?>> anyOf(List<? extends Task<?>> tasks);

  /**
   * Restarts the instance with {@code input} and an empty history once the orchestrator returns;
   * what it returns is ignored.
   */
  void continueAsNew(Object input);

  /**
   * Registers what hears this instance being suspended, resumed or terminated (replacing any
   * earlier listener; null removes it). See {@link ExecutionListener} for when it is called.
   */
  void setExecutionListener(ExecutionListener listener);

  /** A small JSON status clients can read while the instance runs. */
  void setCustomStatus(Object status);

  /** Converts JSON to a Java type with the engine's mapper. */
  <T> T convert(JsonNode json, Class<T> type);

  /** Converts a Java value to JSON with the engine's mapper. */
  JsonNode toJson(Object value);
}
