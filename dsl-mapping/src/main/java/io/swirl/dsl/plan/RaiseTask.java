package io.swirl.dsl.plan;

/** {@code raise}: faults with the error, inline or resolved from {@code use.errors}. */
public record RaiseTask(TaskCommon common, ErrorTemplate error) implements TaskNode {}
