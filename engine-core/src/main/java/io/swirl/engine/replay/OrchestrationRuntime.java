package io.swirl.engine.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.swirl.engine.ExecutionListener;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.Orchestration;
import io.swirl.engine.OrchestrationResolver;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.Task;
import io.swirl.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live state of one instance's orchestrator: a pure function of its history. {@link #replay}
 * rebuilds it from stored history; {@link #step} applies new messages and returns what to record
 * and do. Nothing here does I/O or reads a clock: time comes from {@code OrchestratorStarted}
 * events.
 *
 * <p>Not thread-safe: one thread steps an instance at a time.
 */
public final class OrchestrationRuntime {

  private static final Logger LOG = Logger.getLogger(OrchestrationRuntime.class.getName());

  private final String instanceId;
  private final OrchestrationResolver resolver;
  private final ObjectMapper mapper;

  private HistoryEvent.ExecutionStarted started;
  private RuntimeContext context;
  private RuntimeStatus status = RuntimeStatus.PENDING;
  private Instant now = Instant.EPOCH;
  private Instant executionStart;
  private boolean replaying;
  private int historySize;
  private long replayedEvents;

  private final Map<Integer, Consumer<HistoryEvent.Completion>> open = new HashMap<>();
  private final Map<Integer, Command.Scheduling> unrecorded = new LinkedHashMap<>();
  private final EventBuffer events = new EventBuffer();
  private boolean suspended;
  private final List<HistoryEvent> held = new ArrayList<>();

  /** The decided end (Complete, Fail or ContinueAsNew), recorded at the end of the step. */
  private Command decided;

  private JsonNode terminatedOutput;
  private boolean finished;

  /** Set on a non-determinism error: the orchestration's code is no longer run. */
  private boolean broken;

  public OrchestrationRuntime(
      String instanceId, OrchestrationResolver resolver, ObjectMapper mapper) {
    this.instanceId = instanceId;
    this.resolver = resolver;
    this.mapper = mapper;
  }

  // ---- driving ---------------------------------------------------------------------------

  /** Rebuilds the state by re-running the orchestrator over stored history. */
  public void replay(List<HistoryEvent> history) {
    replaying = true;
    try {
      for (HistoryEvent event : history) {
        apply(event);
        replayedEvents++;
      }
    } finally {
      replaying = false;
    }
    historySize = history.size();
  }

  /**
   * Applies new messages as one step that begins at {@code stepTime}.
   *
   * @return what to append to history, what work to start and the state after the step
   */
  public StepOutcome step(Instant stepTime, List<HistoryEvent> messages) {
    List<HistoryEvent> appended = new ArrayList<>(messages.size() + 4);
    HistoryEvent.OrchestratorStarted begin = new HistoryEvent.OrchestratorStarted(stepTime);
    appended.add(begin);
    apply(begin);
    for (HistoryEvent message : messages) {
      if (finished || decided != null) {
        break; // messages after the end are consumed and dropped
      }
      appended.add(message);
      apply(message);
    }
    List<Command.Scheduling> commands = new ArrayList<>(unrecorded.values());
    unrecorded.clear();
    if (decided instanceof Command.ContinueAsNew again) {
      return continueAsNew(again, commands);
    }
    for (Command.Scheduling command : commands) {
      appended.add(command.toEvent());
    }
    JsonNode output = null;
    FailureDetails failure = null;
    if (!finished && decided != null) {
      HistoryEvent end = endEvent(decided);
      appended.add(end);
      apply(end);
    }
    if (finished) {
      output = decided instanceof Command.Complete c ? c.output() : terminatedOutput;
      failure = decided instanceof Command.Fail f ? f.failure() : null;
    }
    historySize += appended.size();
    return new StepOutcome(
        appended,
        commands,
        status,
        output,
        failure,
        context == null ? null : context.customStatus(),
        null,
        List.of());
  }

  /** A step that ends the instance with {@code failure} (the orchestrator could not run). */
  public StepOutcome failStep(Instant stepTime, FailureDetails failure) {
    decide(new Command.Fail(failure));
    return step(stepTime, List.of());
  }

  private StepOutcome continueAsNew(
      Command.ContinueAsNew again, List<Command.Scheduling> commands) {
    List<Command.Scheduling> kept = new ArrayList<>();
    for (Command.Scheduling command : commands) {
      if (command instanceof Command.SendEvent) {
        kept.add(command); // fire-and-forget events still go out
      }
    }
    List<HistoryEvent> restart = new ArrayList<>();
    restart.add(
        new HistoryEvent.ExecutionStarted(
            started.name(),
            started.version(),
            started.definitionHash(),
            again.input(),
            started.parentInstanceId(),
            started.parentTaskId()));
    restart.addAll(events.drainAsMessages());
    restart.addAll(held);
    finished = true;
    historySize = 1;
    return new StepOutcome(
        List.of(new HistoryEvent.ContinuedAsNew(again.input())),
        kept,
        RuntimeStatus.RUNNING,
        null,
        null,
        context == null ? null : context.customStatus(),
        again,
        restart);
  }

  private static HistoryEvent endEvent(Command end) {
    if (end instanceof Command.Complete c) {
      return new HistoryEvent.ExecutionCompleted(c.output());
    }
    if (end instanceof Command.Fail f) {
      return new HistoryEvent.ExecutionFailed(f.failure());
    }
    throw new IllegalStateException("not an end: " + end);
  }

  // ---- applying one event ----------------------------------------------------------------

  private void apply(HistoryEvent event) {
    if (event instanceof HistoryEvent.OrchestratorStarted e) {
      now = e.now();
      if (executionStart == null) {
        executionStart = e.now();
      }
    } else if (event instanceof HistoryEvent.ExecutionStarted e) {
      start(e);
    } else if (event instanceof HistoryEvent.Scheduling e) {
      match(e);
    } else if (event instanceof HistoryEvent.Completion
        || event instanceof HistoryEvent.EventRaised) {
      deliver(event);
    } else if (event instanceof HistoryEvent.ExecutionSuspended e) {
      suspend(e.reason());
    } else if (event instanceof HistoryEvent.ExecutionResumed e) {
      resume(e.reason());
    } else if (event instanceof HistoryEvent.ExecutionTerminated e) {
      terminate(e);
    } else if (event instanceof HistoryEvent.ExecutionCompleted e) {
      decide(new Command.Complete(e.output()));
      finish(RuntimeStatus.COMPLETED);
    } else if (event instanceof HistoryEvent.ExecutionFailed e) {
      decide(new Command.Fail(e.failure()));
      finish(RuntimeStatus.FAILED);
    }
    // ContinuedAsNew marks the start of an execution that continues an earlier one.
  }

  private void start(HistoryEvent.ExecutionStarted e) {
    if (started != null) {
      return; // a duplicate start message is ignored
    }
    started = e;
    status = RuntimeStatus.RUNNING;
    context = new RuntimeContext(this, mapper);
    Orchestration orchestration = resolver.resolve(e.name(), e.version(), e.definitionHash());
    if (orchestration == null) {
      decide(
          new Command.Fail(
              FailureDetails.of(
                  "swirl.UnknownOrchestration",
                  "no orchestration named '"
                      + e.name()
                      + "'"
                      + (e.version() == null ? "" : " version '" + e.version() + "'")
                      + " is registered")));
      return;
    }
    Task<JsonNode> output;
    try {
      output = orchestration.start(context);
    } catch (RuntimeException error) {
      decide(new Command.Fail(FailureDetails.from(error)));
      return;
    }
    output.onDone(this::orchestrationDone);
  }

  private void orchestrationDone(Task<JsonNode> output) {
    if (context.continueAsNewInput() != null) {
      decide(new Command.ContinueAsNew(context.continueAsNewInput()));
    } else if (output.isFailed()) {
      decide(new Command.Fail(output.failure().failure()));
    } else {
      JsonNode result = output.await();
      decide(new Command.Complete(result == null ? NullNode.getInstance() : result));
    }
  }

  private void decide(Command end) {
    if (decided == null && !finished) {
      decided = end;
    }
  }

  private void finish(RuntimeStatus end) {
    if (finished) {
      return;
    }
    finished = true;
    status = end;
    if (context != null) {
      context.destroy();
    }
  }

  private void match(HistoryEvent.Scheduling recorded) {
    if (finished) {
      return;
    }
    Command.Scheduling issued = unrecorded.remove(recorded.taskId());
    if (issued == null || !issued.matches(recorded)) {
      nonDeterminism(recorded, issued);
    }
  }

  private void nonDeterminism(HistoryEvent.Scheduling recorded, Command.Scheduling issued) {
    String asked = issued == null ? "nothing for that sequence id" : describe(issued);
    decide(
        new Command.Fail(
            FailureDetails.of(
                FailureDetails.NON_DETERMINISM,
                "non-deterministic orchestration '"
                    + (started == null ? "?" : started.name())
                    + "': at sequence id "
                    + recorded.taskId()
                    + " history holds "
                    + recorded.getClass().getSimpleName()
                    + describeRecorded(recorded)
                    + " but the code asked for "
                    + asked
                    + ". Likely cause: the orchestrator's code changed while this instance was"
                    + " running, or it reads the clock, random numbers or I/O directly instead"
                    + " of through the orchestration context.")));
    // Stop running code for this instance: what it does next cannot be trusted.
    broken = true;
    if (context != null) {
      context.destroy();
    }
  }

  private static String describe(Command.Scheduling command) {
    HistoryEvent.Scheduling event = command.toEvent();
    return command.getClass().getSimpleName() + describeRecorded(event);
  }

  private static String describeRecorded(HistoryEvent.Scheduling recorded) {
    if (recorded instanceof HistoryEvent.TaskScheduled t) {
      return "(" + t.name() + ")";
    }
    if (recorded instanceof HistoryEvent.TimerCreated t) {
      return "(" + t.fireAt() + ")";
    }
    if (recorded instanceof HistoryEvent.SubOrchestrationCreated c) {
      return "(" + c.name() + ")";
    }
    HistoryEvent.EventSent s = (HistoryEvent.EventSent) recorded;
    return "(" + s.name() + " to " + s.instanceId() + ")";
  }

  private void deliver(HistoryEvent event) {
    if (finished || decided != null) {
      return;
    }
    if (suspended) {
      held.add(event);
      return;
    }
    if (event instanceof HistoryEvent.Completion completion) {
      Consumer<HistoryEvent.Completion> waiter = open.remove(completion.taskId());
      if (waiter != null) {
        waiter.accept(completion);
      }
    } else if (event instanceof HistoryEvent.EventRaised raised) {
      events.raise(
          raised.name(), raised.payload() == null ? NullNode.getInstance() : raised.payload());
    }
  }

  private void suspend(String reason) {
    if (finished) {
      return;
    }
    boolean was = suspended;
    suspended = true;
    status = RuntimeStatus.SUSPENDED;
    if (!was) {
      notifyListener(l -> l.onSuspended(reason));
    }
  }

  private void resume(String reason) {
    if (!suspended || finished) {
      return;
    }
    suspended = false;
    status = RuntimeStatus.RUNNING;
    notifyListener(l -> l.onResumed(reason));
    List<HistoryEvent> release = new ArrayList<>(held);
    held.clear();
    for (HistoryEvent event : release) {
      deliver(event);
    }
  }

  private void terminate(HistoryEvent.ExecutionTerminated e) {
    if (finished) {
      return;
    }
    terminatedOutput = e.output();
    finish(RuntimeStatus.TERMINATED);
    notifyListener(l -> l.onTerminated(e.reason()));
  }

  /**
   * Calls the orchestration's listener, if the orchestration started and did not stop on a
   * non-determinism error. A listener that throws is a bug in the orchestration: it must not stop
   * the engine from applying history, so the error is dropped.
   */
  private void notifyListener(Consumer<ExecutionListener> call) {
    ExecutionListener listener = context == null || broken ? null : context.listener();
    if (listener == null) {
      return;
    }
    try {
      call.accept(listener);
    } catch (RuntimeException error) {
      LOG.log(Level.WARNING, "execution listener of " + instanceId + " failed", error);
    }
  }

  // ---- services for the context ----------------------------------------------------------

  int issue(Command.Scheduling command, Consumer<HistoryEvent.Completion> onCompletion) {
    if (onCompletion != null) {
      open.put(command.taskId(), onCompletion);
    }
    if (!finished && decided == null) {
      unrecorded.put(command.taskId(), command);
    }
    return command.taskId();
  }

  int nextTaskId() {
    return context.nextSequence();
  }

  EventBuffer events() {
    return events;
  }

  // ---- queries ---------------------------------------------------------------------------

  public String instanceId() {
    return instanceId;
  }

  public HistoryEvent.ExecutionStarted started() {
    return started;
  }

  public Instant now() {
    return now;
  }

  Instant executionStart() {
    return executionStart == null ? now : executionStart;
  }

  public boolean isReplaying() {
    return replaying;
  }

  public RuntimeStatus status() {
    return status;
  }

  /** True once the instance ended (or will end at the end of this step). */
  public boolean isFinished() {
    return finished;
  }

  /** The number of events in the history this state was built from and has added. */
  public int historySize() {
    return historySize;
  }

  /** How many stored events were re-applied to build this state. */
  public long replayedEvents() {
    return replayedEvents;
  }

  /** Releases what the orchestrator holds (a code orchestrator's thread). */
  public void destroy() {
    if (context != null) {
      context.destroy();
    }
  }

  /** Holds external events no one waits for yet, and the waiters for events not yet come. */
  static final class EventBuffer {
    private final Map<String, ArrayDeque<JsonNode>> arrived = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<CompletableTask<JsonNode>>> waiting = new HashMap<>();

    void raise(String name, JsonNode payload) {
      ArrayDeque<CompletableTask<JsonNode>> waiters = waiting.get(name);
      while (waiters != null && !waiters.isEmpty()) {
        CompletableTask<JsonNode> waiter = waiters.poll();
        if (!waiter.isDone()) {
          waiter.complete(payload);
          return;
        }
      }
      arrived.computeIfAbsent(name, k -> new ArrayDeque<>()).add(payload);
    }

    /** Takes a kept event, or registers {@code waiter}; true when the waiter was completed. */
    boolean take(String name, CompletableTask<JsonNode> waiter) {
      ArrayDeque<JsonNode> kept = arrived.get(name);
      if (kept != null && !kept.isEmpty()) {
        waiter.complete(kept.poll());
        return true;
      }
      waiting.computeIfAbsent(name, k -> new ArrayDeque<>()).add(waiter);
      return false;
    }

    void cancel(String name, CompletableTask<JsonNode> waiter) {
      ArrayDeque<CompletableTask<JsonNode>> waiters = waiting.get(name);
      if (waiters != null) {
        waiters.remove(waiter);
      }
    }

    List<HistoryEvent> drainAsMessages() {
      List<HistoryEvent> messages = new ArrayList<>();
      arrived.forEach(
          (name, payloads) ->
              payloads.forEach(p -> messages.add(new HistoryEvent.EventRaised(name, p))));
      arrived.clear();
      return messages;
    }
  }
}
