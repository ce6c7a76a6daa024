package io.swirl.dsl.plan;

/**
 * {@code for}: runs {@code tasks} for each item of {@code in}.
 *
 * @param each the item variable's name (without {@code $}), {@code item} by default
 * @param at the index variable's name, {@code index} by default
 * @param in the collection expression
 * @param whileCondition {@code while}, or {@code null}
 */
public record ForTask(
    TaskCommon common,
    String each,
    String at,
    Expression in,
    Expression whileCondition,
    TaskList tasks)
    implements TaskNode {}
