package io.swirl.engine.replay;

import io.swirl.engine.Task;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * The thread a code orchestrator runs on, handing control to and from the engine's thread: the
 * engine resumes it and waits until it blocks on an unfinished task or ends.
 */
final class WorkflowThread implements CompletableTask.Blocker {

  /** Unwinds a destroyed orchestrator's stack; code must not catch it (it is an Error). */
  static final class Destroyed extends Error {
    Destroyed() {
      super("orchestrator thread destroyed", null, false, false);
    }
  }

  private final Executor executor;
  private final Semaphore toCode = new Semaphore(0);
  private final Semaphore toEngine = new Semaphore(0);
  private volatile boolean destroyed;
  private volatile boolean ended;

  WorkflowThread(Executor executor) {
    this.executor = executor;
  }

  /** Starts {@code body} and returns when it first blocks or ends. */
  void start(Runnable body) {
    executor.execute(
        () -> {
          toCode.acquireUninterruptibly();
          try {
            if (!destroyed) {
              body.run();
            }
          } catch (Destroyed expected) {
            // evicted or ended: nothing more to do
          } finally {
            ended = true;
            toEngine.release();
          }
        });
    resumeAndWait();
  }

  private void resumeAndWait() {
    if (ended || destroyed) {
      return;
    }
    toCode.release();
    toEngine.acquireUninterruptibly();
  }

  @Override
  public void awaitDone(Task<?> task) {
    if (destroyed) {
      throw new Destroyed();
    }
    boolean[] registered = {false};
    while (!task.isDone()) {
      if (!registered[0]) {
        registered[0] = true;
        task.onDone(done -> resumeAndWait());
      }
      toEngine.release();
      toCode.acquireUninterruptibly();
      if (destroyed) {
        throw new Destroyed();
      }
    }
  }

  /** Releases the thread: a blocked orchestrator unwinds; the engine does not wait for it. */
  void destroy() {
    if (destroyed) {
      return;
    }
    destroyed = true;
    if (!ended) {
      toCode.release();
    }
  }
}
