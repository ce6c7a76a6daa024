package io.swirl.engine;

/**
 * A side effect run on behalf of an orchestration: an HTTP call, a publish, a computation. It runs
 * at least once per scheduled task, so it should be idempotent or pass {@link
 * ActivityContext#idempotencyKey()} to the system it calls. Throwing fails the task ({@link
 * NonRetriableException} fails it for good).
 */
@FunctionalInterface
public interface Activity {

  /** Runs the activity; the returned value, serialized to JSON, is the task's result. */
  Object run(ActivityContext ctx) throws Exception;
}
