package io.swirl.interpreter;

import io.swirl.engine.InstanceState;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.HistoryRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The DSL's status phases, derived from an engine instance and its history. */
public enum WorkflowPhase {
  PENDING,
  RUNNING,
  WAITING,
  SUSPENDED,
  CANCELLED,
  FAULTED,
  COMPLETED;

  /** The phase as the DSL spells it ({@code waiting}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The phase of {@code state}. A running instance is {@code waiting} when it has no activity or
   * child in flight and at least one open timer or event wait: all it can do is wait (a {@code
   * wait}, a {@code listen}, a retry backoff).
   */
  public static WorkflowPhase of(InstanceState state, List<HistoryRecord> history) {
    return switch (state.status()) {
      case PENDING -> PENDING;
      case SUSPENDED -> SUSPENDED;
      case COMPLETED -> COMPLETED;
      case FAILED -> FAULTED;
      case TERMINATED -> CANCELLED;
      case RUNNING -> onlyWaiting(history) ? WAITING : RUNNING;
    };
  }

  private static boolean onlyWaiting(List<HistoryRecord> history) {
    Set<Integer> openWork = new HashSet<>();
    for (HistoryRecord record : history) {
      HistoryEvent event = record.event();
      if (event instanceof HistoryEvent.TaskScheduled s) {
        openWork.add(s.taskId());
      } else if (event instanceof HistoryEvent.SubOrchestrationCreated c) {
        openWork.add(c.taskId());
      } else if (event instanceof HistoryEvent.TaskCompleted c) {
        openWork.remove(c.taskId());
      } else if (event instanceof HistoryEvent.TaskFailed f) {
        openWork.remove(f.taskId());
      } else if (event instanceof HistoryEvent.SubOrchestrationCompleted c) {
        openWork.remove(c.taskId());
      } else if (event instanceof HistoryEvent.SubOrchestrationFailed f) {
        openWork.remove(f.taskId());
      }
    }
    // An event wait leaves no scheduling record; with no work in flight the instance can only wait.
    return openWork.isEmpty();
  }
}
