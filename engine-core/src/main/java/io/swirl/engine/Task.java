package io.swirl.engine;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A durable future inside an orchestration: the result of an activity, a timer, an external event
 * or a child orchestration. It completes when its answer reaches the instance's history, so it
 * completes identically on every replay.
 *
 * <p>Code orchestrators ({@link Orchestrator}) block on {@link #await()}. Event-driven
 * orchestrations ({@link Orchestration}) compose with {@link #thenApply}, {@link #thenCompose} and
 * {@link #handle}; their callbacks run on the engine's thread, in history order.
 */
public interface Task<T> {

  /** True once the task has a result or a failure. */
  boolean isDone();

  /** True when the task is done and failed. */
  boolean isFailed();

  /**
   * The result, waiting for it in a code orchestrator.
   *
   * @throws TaskFailedException when the task failed
   * @throws IllegalStateException when the task is not done and the caller cannot block (an
   *     event-driven orchestration)
   */
  T await();

  /** A task completed with {@code fn} applied to this task's result. */
  <R> Task<R> thenApply(Function<? super T, ? extends R> fn);

  /** A task completed with the result of the task {@code fn} returns. */
  <R> Task<R> thenCompose(Function<? super T, ? extends Task<R>> fn);

  /**
   * A task completed with the task returned by {@code fn}, called with the result or with the
   * failure (exactly one is non-null).
   */
  <R> Task<R> handle(BiFunction<? super T, TaskFailedException, ? extends Task<R>> fn);

  /** Calls {@code action} with this task once it is done; returns this task. */
  Task<T> onDone(Consumer<? super Task<T>> action);

  /** The failure of a failed task, or null. */
  TaskFailedException failure();
}
