package io.swirl.engine.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.history.HistoryEvent;
import java.time.Instant;

/**
 * What an orchestrator asks the engine to do. Scheduling commands carry the sequence id the
 * orchestrator gave them and become the matching history event; on replay, history's event is
 * compared with the command the code issued again.
 */
public sealed interface Command {

  /** A command that schedules durable work, identified by its sequence id. */
  sealed interface Scheduling extends Command {
    int taskId();

    /** The history event that records this command. */
    HistoryEvent.Scheduling toEvent();

    /** True when {@code recorded} records this same command (type and identity). */
    boolean matches(HistoryEvent.Scheduling recorded);
  }

  record ScheduleTask(int taskId, String name, JsonNode input, String idempotencyKey)
      implements Scheduling {
    @Override
    public HistoryEvent.Scheduling toEvent() {
      return new HistoryEvent.TaskScheduled(taskId, name, input, idempotencyKey);
    }

    @Override
    public boolean matches(HistoryEvent.Scheduling recorded) {
      return recorded instanceof HistoryEvent.TaskScheduled t && t.name().equals(name);
    }
  }

  record CreateTimer(int taskId, Instant fireAt) implements Scheduling {
    @Override
    public HistoryEvent.Scheduling toEvent() {
      return new HistoryEvent.TimerCreated(taskId, fireAt);
    }

    @Override
    public boolean matches(HistoryEvent.Scheduling recorded) {
      return recorded instanceof HistoryEvent.TimerCreated;
    }
  }

  record StartChild(int taskId, String name, String version, String instanceId, JsonNode input)
      implements Scheduling {
    @Override
    public HistoryEvent.Scheduling toEvent() {
      return new HistoryEvent.SubOrchestrationCreated(taskId, name, version, instanceId, input);
    }

    @Override
    public boolean matches(HistoryEvent.Scheduling recorded) {
      return recorded instanceof HistoryEvent.SubOrchestrationCreated c && c.name().equals(name);
    }
  }

  record SendEvent(int taskId, String instanceId, String name, JsonNode payload)
      implements Scheduling {
    @Override
    public HistoryEvent.Scheduling toEvent() {
      return new HistoryEvent.EventSent(taskId, instanceId, name, payload);
    }

    @Override
    public boolean matches(HistoryEvent.Scheduling recorded) {
      return recorded instanceof HistoryEvent.EventSent e
          && e.name().equals(name)
          && e.instanceId().equals(instanceId);
    }
  }

  /** Finish with an output. */
  record Complete(JsonNode output) implements Command {}

  /** Finish with a failure. */
  record Fail(FailureDetails failure) implements Command {}

  /** Restart with a new input and an empty history. */
  record ContinueAsNew(JsonNode input) implements Command {}
}
