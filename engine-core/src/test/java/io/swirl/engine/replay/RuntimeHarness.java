package io.swirl.engine.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.engine.Orchestration;
import io.swirl.engine.Orchestrator;
import io.swirl.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Steps one instance's runtime by hand and keeps the history it builds. */
final class RuntimeHarness implements AutoCloseable {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Orchestration orchestration;
  final List<HistoryEvent> history = new ArrayList<>();
  OrchestrationRuntime runtime;
  private int stepNumber;

  RuntimeHarness(Orchestration orchestration) {
    this.orchestration = orchestration;
    this.runtime = fresh();
  }

  static RuntimeHarness code(Orchestrator code) {
    ExecutorService pool = Executors.newCachedThreadPool();
    return new RuntimeHarness(new CodeOrchestration(code, pool));
  }

  OrchestrationRuntime fresh() {
    return new OrchestrationRuntime("instance-1", (name, version, hash) -> orchestration, MAPPER);
  }

  StepOutcome start(JsonNode input) {
    return step(new HistoryEvent.ExecutionStarted("wf", null, null, input, null, null));
  }

  StepOutcome step(HistoryEvent... messages) {
    StepOutcome outcome = runtime.step(T0.plusSeconds(stepNumber++), Arrays.asList(messages));
    history.addAll(outcome.newHistory());
    return outcome;
  }

  /** Throws the cached state away and rebuilds it from the history, as after a restart. */
  void restart() {
    runtime.destroy();
    runtime = fresh();
    runtime.replay(List.copyOf(history));
  }

  static HistoryEvent.TaskCompleted done(int taskId, Object result) {
    JsonNode json =
        result instanceof Integer i
            ? IntNode.valueOf(i)
            : result instanceof JsonNode n ? n : TextNode.valueOf(String.valueOf(result));
    return new HistoryEvent.TaskCompleted(taskId, json);
  }

  @Override
  public void close() {
    runtime.destroy();
    threads.shutdownNow();
  }
}
