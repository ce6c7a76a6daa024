package io.swirl.dsl.plan;

/**
 * A compiled task: one record per DSL task type. The interpreter switches on the type once; it
 * never looks at the document again.
 */
public sealed interface TaskNode
    permits DoTask,
        SetTask,
        SwitchTask,
        ForTask,
        ForkTask,
        TryTask,
        RaiseTask,
        WaitTask,
        EmitTask,
        ListenTask,
        CallTask,
        RunTask {

  /** Name, pointer, {@code if}, data filters, timeout and {@code then}. */
  TaskCommon common();

  default String name() {
    return common().name();
  }

  default String pointer() {
    return common().pointer();
  }

  /**
   * Why Swirl cannot run this task (e.g. "gRPC calls"), or {@code null} when it can. A plan that
   * holds such a task compiles, so tools can show it, but the interpreter refuses to start it.
   */
  default String unsupported() {
    return null;
  }
}
