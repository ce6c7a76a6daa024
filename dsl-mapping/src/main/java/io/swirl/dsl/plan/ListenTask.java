package io.swirl.dsl.plan;

/**
 * {@code listen}: waits for events (an event subscription with correlation).
 *
 * @param to which events, and how many
 * @param read what the task reads of each event: {@code data}, {@code envelope} or {@code raw}
 * @param foreach what to do with each consumed event, or {@code null}
 */
public record ListenTask(TaskCommon common, EventStrategy to, String read, Foreach foreach)
    implements TaskNode {

  /**
   * A subscription iterator.
   *
   * @param item the event variable's name (without {@code $})
   * @param at the index variable's name
   * @param tasks {@code foreach.do}, or {@code null}
   * @param output {@code foreach.output}
   * @param export {@code foreach.export}
   */
  public record Foreach(
      String item, String at, TaskList tasks, DataFilter output, DataFilter export) {}
}
