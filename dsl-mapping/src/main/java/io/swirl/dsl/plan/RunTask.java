package io.swirl.dsl.plan;

/**
 * {@code run}: a process (an activity) or a child workflow (a child orchestration).
 *
 * @param kind what runs
 * @param process {@code run.shell}, {@code run.script} or {@code run.container} as a template;
 *     {@code null} for {@link Kind#WORKFLOW}
 * @param workflow the child workflow, for {@link Kind#WORKFLOW}; {@code null} otherwise
 * @param await whether the task waits for the process ({@code true} by default)
 * @param returns {@code stdout} (default), {@code stderr}, {@code code}, {@code all} or {@code
 *     none}
 * @param unsupported why Swirl cannot run it, or {@code null}
 */
public record RunTask(
    TaskCommon common,
    Kind kind,
    ValueTemplate process,
    ChildWorkflow workflow,
    boolean await,
    String returns,
    String unsupported)
    implements TaskNode {

  /** What {@code run} runs. */
  public enum Kind {
    SHELL,
    SCRIPT,
    CONTAINER,
    WORKFLOW
  }

  /**
   * A child orchestration.
   *
   * @param namespace the child definition's namespace
   * @param name its name
   * @param version its version ({@code latest} when absent)
   * @param input its input, or {@code null} for the task's transformed input
   */
  public record ChildWorkflow(String namespace, String name, String version, ValueTemplate input) {}

  /**
   * The activity for a process ({@code swirl.run.shell}, {@code swirl.run.script}, {@code
   * swirl.run.container}); {@code null} for a child workflow, which is an orchestration.
   */
  public String activityName() {
    return kind == Kind.WORKFLOW ? null : "swirl.run." + kind.name().toLowerCase();
  }

  /** True when this starts a child orchestration rather than an activity. */
  public boolean isChildWorkflow() {
    return kind == Kind.WORKFLOW;
  }
}
