package io.swirl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Why a task, a child or an instance failed: a type (a class name or a URI such as the DSL's error
 * types), a message, optional structured details, and whether retrying can help.
 *
 * @param type what kind of failure, e.g. {@code java.io.IOException} or {@code
 *     https://serverlessworkflow.io/spec/1.0.0/errors/communication}
 * @param message what went wrong, for a person
 * @param details structured data (an RFC 7807 problem, for instance); may be null
 * @param retriable false when the failure is terminal and a retry policy must not retry it
 */
public record FailureDetails(String type, String message, JsonNode details, boolean retriable) {

  /** The type of the failure recorded when a code change made replay diverge from history. */
  public static final String NON_DETERMINISM = "swirl.NonDeterminism";

  /** The type recorded when a task was abandoned because its timeout elapsed. */
  public static final String TIMEOUT = "swirl.Timeout";

  /** The type recorded when an instance was terminated while a parent waited for it. */
  public static final String TERMINATED = "swirl.Terminated";

  public FailureDetails {
    Objects.requireNonNull(type, "type");
    message = message == null ? "" : message;
  }

  /** A retriable failure without details. */
  public static FailureDetails of(String type, String message) {
    return new FailureDetails(type, message, null, true);
  }

  /** Describes a Java exception; {@link NonRetriableException} marks it terminal. */
  public static FailureDetails from(Throwable error) {
    if (error instanceof TaskFailedException failed) {
      return failed.failure();
    }
    if (error instanceof NonRetriableException terminal) {
      return new FailureDetails(
          terminal.type(), String.valueOf(terminal.getMessage()), terminal.details(), false);
    }
    return new FailureDetails(
        error.getClass().getName(), String.valueOf(error.getMessage()), null, true);
  }

  @Override
  public String toString() {
    return type + ": " + message;
  }
}
