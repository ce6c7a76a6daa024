package io.swirl.engine;

/** Where an instance is in its life. */
public enum RuntimeStatus {
  /** Created; its first step has not run yet. */
  PENDING,
  /** Started and not finished (it may be waiting for a task, a timer or an event). */
  RUNNING,
  /** Paused by a client; events are kept and delivered on resume. */
  SUSPENDED,
  /** Finished with an output. */
  COMPLETED,
  /** Finished with a failure. */
  FAILED,
  /** Stopped by a client. */
  TERMINATED;

  /** True for completed, failed and terminated: nothing will change any more. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == TERMINATED;
  }
}
