package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.RetryPolicy;
import io.swirl.interpreter.EventSink;
import io.swirl.interpreter.SecretsProvider;
import java.time.Duration;
import java.util.Set;

/**
 * What every instance's interpreter shares: configuration, not state.
 *
 * @param secrets resolves {@code $secrets}
 * @param lifecycle receives lifecycle CloudEvents (published only when not replaying)
 * @param allowRun the process kinds ({@code shell}, {@code script}) the operator allows
 * @param runtime the {@code $runtime} descriptor
 * @param orchestrationName the engine orchestration name of a definition (namespace, name)
 * @param eventRetention how long an event an instance received and no {@code listen} took stays
 *     available to a later {@code listen}
 * @param emitRetry how the {@code swirl.emit} activity is retried when the sink refuses an event
 */
public record Services(
    SecretsProvider secrets,
    EventSink lifecycle,
    Set<String> allowRun,
    JsonNode runtime,
    Names orchestrationName,
    Duration eventRetention,
    RetryPolicy emitRetry) {

  /** Maps a definition's namespace and name to its orchestration name. */
  @FunctionalInterface
  public interface Names {
    String of(String namespace, String name);
  }
}
