package io.swirl.dsl.plan;

/**
 * {@code emit}: publishes a CloudEvent through the outbox.
 *
 * @param event {@code emit.event.with}: the event's attributes and data
 */
public record EmitTask(TaskCommon common, ValueTemplate event) implements TaskNode {

  /** The activity that publishes the event. */
  public static final String ACTIVITY = "swirl.emit";
}
