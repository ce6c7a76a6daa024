package io.swirl.dsl.plan;

/**
 * {@code fork}: runs each branch concurrently.
 *
 * @param branches one task per branch
 * @param compete true when the first branch to finish wins and the others are cancelled
 */
public record ForkTask(TaskCommon common, TaskList branches, boolean compete) implements TaskNode {}
