package io.swirl.engine.internal;

import io.swirl.engine.FailureDetails;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.replay.Command;
import io.swirl.engine.replay.StepOutcome;
import io.swirl.engine.store.ActivityResult;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.StepCommit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a step's decision into the store changes that carry it out. */
final class StepCommits {

  private StepCommits() {}

  /**
   * The step of instance {@code self} whose history held {@code historySize} events before it,
   * expecting the token {@code lockToken}.
   */
  static StepCommit of(
      String self,
      long lockToken,
      int historySize,
      List<Long> consumed,
      List<ActivityResult> results,
      StepOutcome outcome,
      HistoryEvent.ExecutionStarted started,
      Instant now) {
    List<StepCommit.NewActivity> activities = new ArrayList<>();
    List<StepCommit.OutboundMessage> messages = new ArrayList<>();
    List<NewInstance> children = new ArrayList<>();
    for (Command.Scheduling command : outcome.commands()) {
      if (command instanceof Command.ScheduleTask task) {
        activities.add(
            new StepCommit.NewActivity(
                task.taskId(), task.name(), task.input(), task.idempotencyKey()));
      } else if (command instanceof Command.CreateTimer timer) {
        messages.add(
            new StepCommit.OutboundMessage(
                self, new HistoryEvent.TimerFired(timer.taskId(), timer.fireAt()), timer.fireAt()));
      } else if (command instanceof Command.SendEvent send) {
        messages.add(
            new StepCommit.OutboundMessage(
                send.instanceId(), new HistoryEvent.EventRaised(send.name(), send.payload()), now));
      } else if (command instanceof Command.StartChild child) {
        HistoryEvent.ExecutionStarted childStart =
            new HistoryEvent.ExecutionStarted(
                child.name(), child.version(), null, child.input(), self, child.taskId());
        children.add(new NewInstance(child.instanceId(), childStart, now, now));
      }
    }
    RuntimeStatus status = outcome.status();
    if (status.isTerminal() && started != null && started.parentInstanceId() != null) {
      messages.add(
          new StepCommit.OutboundMessage(
              started.parentInstanceId(), toParent(outcome, started.parentTaskId()), now));
    }
    boolean reset = outcome.continueAsNew() != null;
    if (reset) {
      for (HistoryEvent restart : outcome.restart()) {
        messages.add(new StepCommit.OutboundMessage(self, restart, now));
      }
    }
    int newSize = reset ? outcome.newHistory().size() : historySize + outcome.newHistory().size();
    StepCommit.InstanceUpdate update =
        new StepCommit.InstanceUpdate(
            status,
            reset ? outcome.continueAsNew().input() : null,
            outcome.output(),
            outcome.failure(),
            outcome.customStatus(),
            now,
            status.isTerminal() ? now : null,
            newSize);
    return new StepCommit(
        self,
        lockToken,
        reset,
        reset ? 0 : historySize,
        outcome.newHistory(),
        consumed,
        results,
        activities,
        messages,
        children,
        update);
  }

  private static HistoryEvent toParent(StepOutcome outcome, Integer parentTaskId) {
    int taskId = parentTaskId == null ? -1 : parentTaskId;
    return switch (outcome.status()) {
      case COMPLETED -> new HistoryEvent.SubOrchestrationCompleted(taskId, outcome.output());
      case FAILED -> new HistoryEvent.SubOrchestrationFailed(taskId, outcome.failure());
      default ->
          new HistoryEvent.SubOrchestrationFailed(
              taskId,
              new FailureDetails(
                  FailureDetails.TERMINATED,
                  "the child orchestration was terminated",
                  outcome.output(),
                  false));
    };
  }

  /** A step that only consumes messages and results: the instance is already terminal. */
  static StepCommit drop(
      InstanceState instance, long lockToken, List<Long> consumed, List<ActivityResult> results) {
    return new StepCommit(
        instance.instanceId(),
        lockToken,
        false,
        instance.historySize(),
        List.of(),
        consumed,
        results,
        List.of(),
        List.of(),
        List.of(),
        new StepCommit.InstanceUpdate(
            instance.status(),
            null,
            instance.output(),
            instance.failure(),
            instance.customStatus(),
            instance.updatedAt(),
            instance.completedAt(),
            instance.historySize()));
  }
}
