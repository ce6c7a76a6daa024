package io.swirl.engine.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import java.util.List;

/**
 * The decision of one step: the events to append to history, the new scheduling commands to carry
 * out, and the instance's state after it.
 *
 * @param continueAsNew set when the instance restarts: its history is replaced and {@code restart}
 *     messages are delivered to the new execution
 */
public record StepOutcome(
    List<HistoryEvent> newHistory,
    List<Command.Scheduling> commands,
    RuntimeStatus status,
    JsonNode output,
    FailureDetails failure,
    JsonNode customStatus,
    Command.ContinueAsNew continueAsNew,
    List<HistoryEvent> restart) {

  public StepOutcome {
    newHistory = List.copyOf(newHistory);
    commands = List.copyOf(commands);
    restart = List.copyOf(restart);
  }
}
