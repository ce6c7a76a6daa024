package io.swirl.interpreter.tasks;

import io.swirl.engine.Task;
import io.swirl.engine.replay.CompletableTask;

/** Engine tasks that are already done: a synchronous step in the interpreter. */
final class Tasks {

  private static final CompletableTask.Blocker NO_BLOCK =
      task -> {
        throw new IllegalStateException("the interpreter never blocks");
      };

  private Tasks() {}

  static <T> Task<T> done(T value) {
    return CompletableTask.completed(NO_BLOCK, value);
  }

  static <T> CompletableTask<T> pending() {
    return new CompletableTask<>(NO_BLOCK);
  }

  /** The result of a done task that never fails (the interpreter's own tasks). */
  static <T> T now(Task<T> task) {
    return task.await();
  }
}
