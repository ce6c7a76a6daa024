package io.swirl.engine;

/**
 * A durable task (activity, child orchestration, event wait, timer race) failed. Orchestrators
 * catch it to handle the failure; uncaught, it fails the instance with the same details.
 */
public class TaskFailedException extends RuntimeException {

  private final transient FailureDetails failure;

  public TaskFailedException(String message, FailureDetails failure) {
    super(message + ": " + failure, null, false, false);
    this.failure = failure;
  }

  public TaskFailedException(FailureDetails failure) {
    this("task failed", failure);
  }

  /** Why the task failed. */
  public FailureDetails failure() {
    return failure;
  }
}
