package io.swirl.dsl.plan;

/** Where control goes after a task or a switch case, resolved when the plan is built. */
public sealed interface FlowTarget {

  /** The next task of the same list; when none, the list ends. The default. */
  record Continue() implements FlowTarget {}

  /** Leave the current list, as if its last task had ended, and carry on in the parent. */
  record Exit() implements FlowTarget {}

  /** End the whole workflow gracefully, with the current output. */
  record End() implements FlowTarget {}

  /**
   * Jump to another task of the same list.
   *
   * @param index the task's position in its {@link TaskList}
   * @param name the task's name, for messages
   */
  record Goto(int index, String name) implements FlowTarget {}

  FlowTarget CONTINUE = new Continue();
  FlowTarget EXIT = new Exit();
  FlowTarget END = new End();
}
