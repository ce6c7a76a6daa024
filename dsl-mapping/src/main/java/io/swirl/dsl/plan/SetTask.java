package io.swirl.dsl.plan;

/** {@code set}: its output is the rendered template (an object, or one expression). */
public record SetTask(TaskCommon common, ValueTemplate set) implements TaskNode {}
