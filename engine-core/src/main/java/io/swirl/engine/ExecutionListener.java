package io.swirl.engine;

/**
 * Hears the transitions the engine applies to an instance by itself, on an operator's request:
 * suspend, resume and terminate. An orchestration registers one with {@link
 * OrchestrationContext#setExecutionListener}; by default nothing listens.
 *
 * <p>Callbacks run on the engine's thread when the runtime applies the {@code ExecutionSuspended},
 * {@code ExecutionResumed} or {@code ExecutionTerminated} history event, in history order, and
 * again on every replay of that history (with {@link OrchestrationContext#isReplaying()} true), so
 * they are as deterministic as orchestration code and may use the context the same way. Side
 * effects meant to happen once, such as notifications, belong behind {@code !isReplaying()}.
 *
 * <ul>
 *   <li>{@link #onSuspended} fires when a running instance becomes suspended (not for a repeated
 *       suspend);
 *   <li>{@link #onResumed} fires when a suspended instance resumes, before the completions and
 *       events held while it was suspended are delivered;
 *   <li>{@link #onTerminated} fires when an instance that has not ended is terminated, after it
 *       ended: nothing scheduled from it is recorded.
 * </ul>
 */
public interface ExecutionListener {

  /** The instance was suspended; {@code reason} as given to the client (may be null). */
  default void onSuspended(String reason) {}

  /** The instance was resumed; {@code reason} as given to the client (may be null). */
  default void onResumed(String reason) {}

  /** The instance was terminated; {@code reason} as given to the client (may be null). */
  default void onTerminated(String reason) {}
}
