package io.swirl.dsl.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.ErrorTemplate;
import io.swirl.dsl.plan.RetryPlan;
import io.swirl.dsl.plan.TimeSpan;
import io.swirl.dsl.validation.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Durations, timeouts, retry policies and errors, inline or resolved from {@code use}. */
final class Policies {

  private final JsonNode use;
  private final Expressions expressions;
  private final Map<String, RetryPlan> retries = new LinkedHashMap<>();
  private final Map<String, ErrorTemplate> errors = new LinkedHashMap<>();
  private final Map<String, String> unsupported = new LinkedHashMap<>();

  Policies(JsonNode use, Expressions expressions) {
    this.use = use;
    this.expressions = expressions;
    use.path("retries")
        .fields()
        .forEachRemaining(
            f ->
                retries.put(
                    f.getKey(), retry(f.getKey(), "/use/retries/" + f.getKey(), f.getValue())));
    use.path("errors")
        .fields()
        .forEachRemaining(
            f ->
                errors.put(
                    f.getKey(),
                    new ErrorTemplate(
                        f.getKey(),
                        expressions.template("/use/errors/" + f.getKey(), f.getValue()))));
  }

  Map<String, RetryPlan> retries() {
    return retries;
  }

  Map<String, ErrorTemplate> errors() {
    return errors;
  }

  /** Durations that are runtime expressions where Swirl needs a literal, by pointer. */
  Map<String, String> unsupported() {
    return unsupported;
  }

  /**
   * A literal duration, or {@code null} when absent; a runtime expression is recorded as
   * unsupported (retry and schedule durations must be known when the plan is built).
   */
  Duration duration(String pointer, JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (Durations.isExpression(node)) {
      unsupported.put(
          pointer, "runtime expressions as retry or schedule durations are not supported yet");
      return null;
    }
    return Durations.parse(node);
  }

  /** A duration that may be a runtime expression ({@code wait}, {@code timeout.after}). */
  TimeSpan timeSpan(String pointer, JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (Durations.isExpression(node)) {
      return new TimeSpan(null, expressions.expression(pointer, node));
    }
    return TimeSpan.of(Durations.parse(node));
  }

  /** {@code timeout}: inline {@code {after}} or the name of a {@code use.timeouts} entry. */
  TimeSpan timeout(String pointer, JsonNode timeout) {
    if (timeout.isTextual()) {
      pointer = "/use/timeouts/" + timeout.asText();
      timeout = use.path("timeouts").path(timeout.asText());
    }
    return timeSpan(pointer + "/after", timeout.path("after"));
  }

  /** {@code catch.retry}: inline or the name of a {@code use.retries} entry. */
  RetryPlan retry(JsonNode retry, String pointer) {
    if (retry.isMissingNode()) {
      return null;
    }
    if (retry.isTextual()) {
      return retries.get(retry.asText());
    }
    return retry(null, pointer, retry);
  }

  /** {@code raise.error}: inline or the name of a {@code use.errors} entry. */
  ErrorTemplate error(JsonNode error, String pointer) {
    if (error.isTextual()) {
      return errors.get(error.asText());
    }
    return new ErrorTemplate(null, expressions.template(pointer, error));
  }

  private RetryPlan retry(String name, String pointer, JsonNode policy) {
    Duration delay = duration(pointer + "/delay", policy.path("delay"));
    JsonNode limit = policy.path("limit");
    JsonNode count = limit.path("attempt").path("count");
    return new RetryPlan(
        name,
        expressions.expression(pointer + "/when", policy.get("when")),
        expressions.expression(pointer + "/exceptWhen", policy.get("exceptWhen")),
        delay == null ? Duration.ZERO : delay,
        backoff(policy.path("backoff")),
        count.canConvertToInt() ? count.intValue() : null,
        duration(pointer + "/limit/attempt/duration", limit.path("attempt").path("duration")),
        duration(pointer + "/limit/duration", limit.path("duration")),
        duration(pointer + "/jitter/from", policy.path("jitter").path("from")),
        duration(pointer + "/jitter/to", policy.path("jitter").path("to")));
  }

  private static RetryPlan.Backoff backoff(JsonNode backoff) {
    if (backoff.has("exponential")) {
      return RetryPlan.Backoff.EXPONENTIAL;
    }
    if (backoff.has("linear")) {
      return RetryPlan.Backoff.LINEAR;
    }
    return RetryPlan.Backoff.CONSTANT;
  }
}
