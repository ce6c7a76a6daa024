package io.swirl.dsl.plan;

/** {@code do}: runs its tasks in order. */
public record DoTask(TaskCommon common, TaskList tasks) implements TaskNode {}
