package io.swirl.engine;

/** Options for a durable task: for now, its retry policy (null for none). */
public record TaskOptions(RetryPolicy retryPolicy) {

  public static final TaskOptions NONE = new TaskOptions(null);

  public static TaskOptions retry(RetryPolicy policy) {
    return new TaskOptions(policy);
  }
}
