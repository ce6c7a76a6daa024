package io.swirl.engine.replay;

import io.swirl.engine.FailureDetails;
import io.swirl.engine.Task;
import io.swirl.engine.TaskFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine's {@link Task}: completed by the runtime as history is applied. Callbacks run
 * synchronously, in registration order, on the thread that completes the task — the single thread
 * stepping the instance — so their order is a function of history alone.
 */
public final class CompletableTask<T> implements Task<T> {

  private enum State {
    PENDING,
    SUCCEEDED,
    FAILED
  }

  private final Blocker blocker;
  private State state = State.PENDING;
  private T value;
  private TaskFailedException failure;
  private List<Consumer<? super Task<T>>> callbacks = new ArrayList<>(2);

  /** Suspends the calling code orchestrator until a task is done. */
  public interface Blocker {
    void awaitDone(Task<?> task);
  }

  public CompletableTask(Blocker blocker) {
    this.blocker = blocker;
  }

  public static <T> CompletableTask<T> completed(Blocker blocker, T value) {
    CompletableTask<T> task = new CompletableTask<>(blocker);
    task.complete(value);
    return task;
  }

  /** Completes the task; a second completion is ignored. */
  public void complete(T result) {
    if (state != State.PENDING) {
      return;
    }
    value = result;
    state = State.SUCCEEDED;
    fire();
  }

  /** Fails the task; a second completion is ignored. */
  public void fail(TaskFailedException error) {
    if (state != State.PENDING) {
      return;
    }
    failure = error;
    state = State.FAILED;
    fire();
  }

  /** Fails the task with whatever {@code error} describes. */
  public void fail(Throwable error) {
    fail(
        error instanceof TaskFailedException failed
            ? failed
            : new TaskFailedException(FailureDetails.from(error)));
  }

  private void fire() {
    List<Consumer<? super Task<T>>> toRun = callbacks;
    callbacks = null;
    for (Consumer<? super Task<T>> callback : toRun) {
      callback.accept(this);
    }
  }

  @Override
  public boolean isDone() {
    return state != State.PENDING;
  }

  @Override
  public boolean isFailed() {
    return state == State.FAILED;
  }

  @Override
  public TaskFailedException failure() {
    return failure;
  }

  @Override
  public T await() {
    if (!isDone()) {
      blocker.awaitDone(this);
    }
    if (state == State.FAILED) {
      throw failure;
    }
    if (state == State.PENDING) {
      throw new IllegalStateException("task is not done");
    }
    return value;
  }

  @Override
  public Task<T> onDone(Consumer<? super Task<T>> action) {
    if (isDone()) {
      action.accept(this);
    } else {
      callbacks.add(action);
    }
    return this;
  }

  @Override
  public <R> Task<R> thenApply(Function<? super T, ? extends R> fn) {
    CompletableTask<R> next = new CompletableTask<>(blocker);
    onDone(
        done -> {
          if (isFailed()) {
            next.fail(failure);
            return;
          }
          R mapped;
          try {
            mapped = fn.apply(value);
          } catch (RuntimeException e) {
            next.fail(e);
            return;
          }
          next.complete(mapped);
        });
    return next;
  }

  @Override
  public <R> Task<R> thenCompose(Function<? super T, ? extends Task<R>> fn) {
    return handle((result, error) -> error != null ? failedTask(error) : fn.apply(result));
  }

  @Override
  public <R> Task<R> handle(BiFunction<? super T, TaskFailedException, ? extends Task<R>> fn) {
    CompletableTask<R> next = new CompletableTask<>(blocker);
    onDone(
        done -> {
          Task<R> inner;
          try {
            inner = fn.apply(isFailed() ? null : value, failure);
          } catch (RuntimeException e) {
            next.fail(e);
            return;
          }
          if (inner == null) {
            next.complete(null);
            return;
          }
          inner.onDone(
              r -> {
                if (r.isFailed()) {
                  next.fail(r.failure());
                } else {
                  next.complete(r.await());
                }
              });
        });
    return next;
  }

  private <R> Task<R> failedTask(TaskFailedException error) {
    CompletableTask<R> failed = new CompletableTask<>(blocker);
    failed.fail(error);
    return failed;
  }
}
