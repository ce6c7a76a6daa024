package io.swirl.dsl.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A valid workflow definition compiled for the interpreter: flow resolved, every runtime expression
 * compiled once, references to {@code use} entries resolved. Immutable: its collections are
 * unmodifiable; {@link com.fasterxml.jackson.databind.JsonNode} values inside (schemas, literal
 * templates, configs) are deep copies owned by the plan, which callers must not mutate.
 *
 * @param namespace {@code document.namespace}
 * @param name {@code document.name}
 * @param version {@code document.version}
 * @param dsl {@code document.dsl}
 * @param definitionHash SHA-256 (lower-case hex) of the canonical JSON of the document: object
 *     members sorted by name, no whitespace, numbers in plain decimal without trailing zeros; YAML
 *     and equivalent JSON hash the same
 * @param source the source text as given
 * @param input the workflow's {@code input.schema} and {@code input.from}
 * @param output the workflow's {@code output.as} and {@code output.schema}
 * @param timeout the workflow timeout, or {@code null}
 * @param root the top-level {@code do}
 * @param errors {@code use.errors}
 * @param retries {@code use.retries}
 * @param authentications {@code use.authentications}
 * @param secrets {@code use.secrets}
 * @param schedule {@code schedule}, or {@code null}
 * @param subscriptions every event filter in the document ({@code listen} anywhere, {@code
 *     schedule.on}), in document order, for correlation indexing
 * @param unsupported the JSON pointers of features Swirl cannot run yet, with the reason; the
 *     interpreter refuses to start a plan where this is not empty
 */
public record WorkflowPlan(
    String namespace,
    String name,
    String version,
    String dsl,
    String definitionHash,
    String source,
    DataFilter input,
    DataFilter output,
    TimeSpan timeout,
    TaskList root,
    Map<String, ErrorTemplate> errors,
    Map<String, RetryPlan> retries,
    Map<String, AuthenticationPlan> authentications,
    Set<String> secrets,
    Schedule schedule,
    List<EventFilter> subscriptions,
    Map<String, String> unsupported) {

  public WorkflowPlan {
    errors = Map.copyOf(errors);
    retries = Map.copyOf(retries);
    authentications = Map.copyOf(authentications);
    secrets = Set.copyOf(secrets);
    subscriptions = List.copyOf(subscriptions);
    unsupported = Map.copyOf(unsupported);
  }

  /** True when every feature the plan uses is one Swirl runs. */
  public boolean isRunnable() {
    return unsupported.isEmpty();
  }
}
