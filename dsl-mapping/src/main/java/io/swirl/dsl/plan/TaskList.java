package io.swirl.dsl.plan;

import java.util.List;
import java.util.Map;

/**
 * An ordered list of tasks ({@code do}, {@code try}, {@code catch.do}, {@code fork.branches},
 * {@code foreach.do}) with a name lookup.
 *
 * @param pointer the list's JSON pointer (e.g. {@code /do})
 * @param tasks the tasks, in document order
 * @param index task name to position in {@code tasks}
 */
public record TaskList(String pointer, List<TaskNode> tasks, Map<String, Integer> index) {

  public TaskList {
    tasks = List.copyOf(tasks);
    index = Map.copyOf(index);
  }

  public int size() {
    return tasks.size();
  }

  public TaskNode get(int i) {
    return tasks.get(i);
  }

  /** The task named {@code name}, or {@code null}. */
  public TaskNode named(String name) {
    Integer i = index.get(name);
    return i == null ? null : tasks.get(i);
  }
}
