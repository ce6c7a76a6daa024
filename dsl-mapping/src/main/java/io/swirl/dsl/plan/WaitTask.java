package io.swirl.dsl.plan;

/** {@code wait}: a durable timer. */
public record WaitTask(TaskCommon common, TimeSpan duration) implements TaskNode {}
