package io.swirl.interpreter.tasks;

/**
 * Marks a subtree of the workflow as abandoned (a losing {@code fork} branch, a task past its
 * timeout): work already scheduled still completes in the engine, but its result is ignored and no
 * further task of the subtree starts.
 */
public final class Cancellation {

  public static final Cancellation NEVER = new Cancellation(null);

  private final Cancellation parent;
  private boolean cancelled;

  private Cancellation(Cancellation parent) {
    this.parent = parent;
  }

  /** A token cancelled with this one, or on its own. */
  public Cancellation child() {
    return new Cancellation(this);
  }

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    for (Cancellation c = this; c != null; c = c.parent) {
      if (c.cancelled) {
        return true;
      }
    }
    return false;
  }
}
