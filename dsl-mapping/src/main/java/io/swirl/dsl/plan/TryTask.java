package io.swirl.dsl.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code try}/{@code catch}. */
public record TryTask(TaskCommon common, TaskList tasks, TryTask.Catch handler)
    implements TaskNode {

  /**
   * @param errors {@code catch.errors.with}: the properties a caught error must match, or {@code
   *     null} to catch any; shared, do not mutate
   * @param as the error variable's name (without {@code $}), {@code error} by default
   * @param when {@code catch.when}, or {@code null}
   * @param exceptWhen {@code catch.exceptWhen}, or {@code null}
   * @param retry the retry policy, inline or resolved from {@code use.retries}, or {@code null}
   * @param tasks {@code catch.do}, or {@code null}
   */
  public record Catch(
      JsonNode errors,
      String as,
      Expression when,
      Expression exceptWhen,
      RetryPlan retry,
      TaskList tasks) {}
}
