package io.swirl.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** What an activity knows about the task it runs. */
public interface ActivityContext {

  String instanceId();

  /** The task's sequence id within the instance. */
  int taskId();

  /** The activity name. */
  String name();

  JsonNode input();

  <T> T getInput(Class<T> type);

  /**
   * A key that is the same on every delivery and retry of this task, even after a restart: pass it
   * on (e.g. as an {@code Idempotency-Key} header) so the callee can deduplicate.
   */
  String idempotencyKey();

  /** How many times this task has been delivered, this time included. */
  int deliveryCount();
}
