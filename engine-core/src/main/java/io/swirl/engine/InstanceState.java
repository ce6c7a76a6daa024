package io.swirl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What a client sees of an instance.
 *
 * @param failure set when {@code status} is {@link RuntimeStatus#FAILED}
 * @param completedAt set once the instance is terminal
 * @param parentInstanceId set for a child orchestration
 * @param historySize the number of events in its current history
 */
public record InstanceState(
    String instanceId,
    String name,
    String version,
    String definitionHash,
    RuntimeStatus status,
    JsonNode input,
    JsonNode output,
    FailureDetails failure,
    JsonNode customStatus,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    String parentInstanceId,
    int historySize) {

  public boolean isTerminal() {
    return status.isTerminal();
  }
}
