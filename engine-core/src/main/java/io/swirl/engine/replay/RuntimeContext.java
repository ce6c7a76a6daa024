package io.swirl.engine.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.swirl.engine.ExecutionListener;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.OrchestrationContext;
import io.swirl.engine.RetryPolicy;
import io.swirl.engine.Task;
import io.swirl.engine.TaskFailedException;
import io.swirl.engine.TaskOptions;
import io.swirl.engine.history.HistoryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/** The {@link OrchestrationContext} of one instance, issuing commands to its runtime. */
final class RuntimeContext implements OrchestrationContext {

  private static final CompletableTask.Blocker CANNOT_BLOCK =
      task -> {
        throw new IllegalStateException(
            "await() on an unfinished task in an event-driven orchestration; compose with"
                + " thenApply/thenCompose/handle instead");
      };

  private final OrchestrationRuntime runtime;
  private final ObjectMapper mapper;
  private CompletableTask.Blocker blocker = CANNOT_BLOCK;
  private Runnable onDestroy = () -> {};
  private int sequence;
  private long uuidCounter;
  private JsonNode customStatus;
  private JsonNode continueAsNewInput;
  private ExecutionListener listener;

  RuntimeContext(OrchestrationRuntime runtime, ObjectMapper mapper) {
    this.runtime = runtime;
    this.mapper = mapper;
  }

  /** Lets a code orchestrator block on tasks; {@code onDestroy} releases its thread. */
  void useBlocker(CompletableTask.Blocker codeBlocker, Runnable destroyer) {
    this.blocker = codeBlocker;
    this.onDestroy = destroyer;
  }

  void destroy() {
    Runnable destroyer = onDestroy;
    onDestroy = () -> {};
    destroyer.run();
  }

  int nextSequence() {
    return sequence++;
  }

  JsonNode customStatus() {
    return customStatus;
  }

  JsonNode continueAsNewInput() {
    return continueAsNewInput;
  }

  /** The registered listener, or null. */
  ExecutionListener listener() {
    return listener;
  }

  <T> CompletableTask<T> newTask() {
    return new CompletableTask<>(blocker);
  }

  // ---- OrchestrationContext --------------------------------------------------------------

  @Override
  public String instanceId() {
    return runtime.instanceId();
  }

  @Override
  public String name() {
    return runtime.started().name();
  }

  @Override
  public String version() {
    return runtime.started().version();
  }

  @Override
  public JsonNode input() {
    JsonNode input = runtime.started().input();
    return input == null ? NullNode.getInstance() : input;
  }

  @Override
  public <T> T getInput(Class<T> type) {
    return convert(input(), type);
  }

  @Override
  public Instant currentInstant() {
    return runtime.now();
  }

  @Override
  public boolean isReplaying() {
    return runtime.isReplaying();
  }

  @Override
  public UUID newUuid() {
    String name = instanceId() + "/" + runtime.executionStart() + "/" + uuidCounter++;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Task<JsonNode> callActivity(String name, Object input, TaskOptions options) {
    JsonNode json = toJson(input);
    RetryPolicy policy = options == null ? null : options.retryPolicy();
    if (policy == null) {
      return scheduleActivity(name, json, null);
    }
    String key = instanceId() + ":" + sequence;
    return withRetry(policy, attempt -> scheduleActivity(name, json, key));
  }

  private Task<JsonNode> scheduleActivity(String name, JsonNode input, String key) {
    int id = nextSequence();
    CompletableTask<JsonNode> task = newTask();
    String idempotencyKey = key == null ? instanceId() + ":" + id : key;
    runtime.issue(
        new Command.ScheduleTask(id, name, input, idempotencyKey),
        completion -> {
          if (completion instanceof HistoryEvent.TaskCompleted done) {
            task.complete(done.result());
          } else if (completion instanceof HistoryEvent.TaskFailed failed) {
            task.fail(new TaskFailedException("activity '" + name + "' failed", failed.failure()));
          }
        });
    return task;
  }

  private Task<JsonNode> withRetry(RetryPolicy policy, IntFunction<Task<JsonNode>> attempt) {
    return attempt(policy, attempt, 1);
  }

  private Task<JsonNode> attempt(
      RetryPolicy policy, IntFunction<Task<JsonNode>> attempt, int number) {
    return attempt
        .apply(number)
        .handle(
            (result, error) -> {
              if (error == null) {
                return CompletableTask.completed(blocker, result);
              }
              if (!error.failure().retriable() || number >= policy.maxAttempts()) {
                CompletableTask<JsonNode> failed = newTask();
                failed.fail(error);
                return failed;
              }
              return createTimer(policy.delayAfter(number))
                  .thenCompose(fired -> attempt(policy, attempt, number + 1));
            });
  }

  @Override
  public Task<Void> createTimer(Instant fireAt) {
    int id = nextSequence();
    CompletableTask<Void> task = newTask();
    runtime.issue(new Command.CreateTimer(id, fireAt), fired -> task.complete(null));
    return task;
  }

  @Override
  public Task<JsonNode> waitForExternalEvent(String name, Duration timeout) {
    CompletableTask<JsonNode> task = newTask();
    if (runtime.events().take(name, task) || timeout == null) {
      return task;
    }
    createTimer(timeout)
        .onDone(
            fired -> {
              if (!task.isDone()) {
                runtime.events().cancel(name, task);
                task.fail(
                    new TaskFailedException(
                        "external event '" + name + "' did not arrive",
                        FailureDetails.of(
                            FailureDetails.TIMEOUT,
                            "no event '" + name + "' arrived within " + timeout)));
              }
            });
    return task;
  }

  @Override
  public Task<JsonNode> callSubOrchestration(
      String name, String version, Object input, String instanceId, TaskOptions options) {
    JsonNode json = toJson(input);
    RetryPolicy policy = options == null ? null : options.retryPolicy();
    if (policy == null) {
      return startChild(name, version, json, instanceId);
    }
    return withRetry(
        policy,
        attempt ->
            startChild(
                name,
                version,
                json,
                instanceId == null || attempt == 1 ? instanceId : instanceId + "-" + attempt));
  }

  private Task<JsonNode> startChild(String name, String version, JsonNode input, String childId) {
    String id = childId != null ? childId : newUuid().toString();
    int taskId = nextSequence();
    CompletableTask<JsonNode> task = newTask();
    runtime.issue(
        new Command.StartChild(taskId, name, version, id, input),
        completion -> {
          if (completion instanceof HistoryEvent.SubOrchestrationCompleted done) {
            task.complete(done.result());
          } else if (completion instanceof HistoryEvent.SubOrchestrationFailed failed) {
            task.fail(
                new TaskFailedException(
                    "child orchestration '" + name + "' (" + id + ") failed", failed.failure()));
          }
        });
    return task;
  }

  @Override
  public void sendEvent(String instanceId, String eventName, Object payload) {
    runtime.issue(
        new Command.SendEvent(nextSequence(), instanceId, eventName, toJson(payload)), null);
  }

  @Override
  public <T> Task<List<T>> allOf(List<? extends Task<T>> tasks) {
    CompletableTask<List<T>> all = newTask();
    if (tasks.isEmpty()) {
      all.complete(List.of());
      return all;
    }
    int[] remaining = {tasks.size()};
    for (Task<T> task : tasks) {
      task.onDone(
          done -> {
            if (all.isDone()) {
              return;
            }
            if (done.isFailed()) {
              all.fail(done.failure());
            } else if (--remaining[0] == 0) {
              List<T> results = new ArrayList<>(tasks.size());
              for (Task<T> each : tasks) {
                results.add(each.await());
              }
              all.complete(results);
            }
          });
    }
    return all;
  }

  @Override
  public Task<Task<?>> anyOf(List<? extends Task<?>> tasks) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("anyOf needs at least one task");
    }
    CompletableTask<Task<?>> any = newTask();
    for (Task<?> task : tasks) {
      task.onDone(done -> any.complete(done));
    }
    return any;
  }

  @Override
  public void continueAsNew(Object input) {
    continueAsNewInput = toJson(input);
  }

  @Override
  public void setExecutionListener(ExecutionListener value) {
    listener = value;
  }

  @Override
  public void setCustomStatus(Object status) {
    customStatus = status == null ? null : toJson(status);
  }

  @Override
  public <T> T convert(JsonNode json, Class<T> type) {
    if (type == JsonNode.class) {
      return type.cast(json);
    }
    if (type == Void.class || json == null || json.isNull()) {
      return null;
    }
    try {
      return mapper.treeToValue(json, type);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "cannot convert " + json + " to " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public JsonNode toJson(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode json) {
      return json;
    }
    return mapper.valueToTree(value);
  }
}
