package io.swirl.interpreter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swirl.dsl.CompileResult;
import io.swirl.dsl.WorkflowCompiler;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.replay.OrchestrationRuntime;
import io.swirl.engine.replay.StepOutcome;
import io.swirl.interpreter.SlwfRuntime;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Swirl with no store: each run is a fresh {@link OrchestrationRuntime} (engine-core's pure replay
 * state machine) stepped once with an {@code ExecutionStarted} message, exactly as the engine's
 * dispatcher steps an instance, minus the store reads and the commit. For workflows with no
 * activity, timer or event the first step completes the instance; the step's history events (what
 * the engine would commit) are built but not serialized.
 */
public final class SwirlInMemory {

  private final SlwfRuntime slwf = SlwfRuntime.builder().build();
  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final Map<BenchWorkflows, WorkflowPlan> plans = new EnumMap<>(BenchWorkflows.class);
  private long next;

  public SwirlInMemory() {
    for (BenchWorkflows w : BenchWorkflows.values()) {
      CompileResult compiled = new WorkflowCompiler().compile(w.name() + ".yaml", w.yaml);
      if (!compiled.isValid()) {
        throw new IllegalStateException(w + ": " + compiled.validation());
      }
      plans.put(w, slwf.register(compiled.plan()));
    }
  }

  /** Runs one instance of {@code workflow} to completion and returns its output. */
  public JsonNode run(BenchWorkflows workflow, JsonNode input) {
    WorkflowPlan plan = plans.get(workflow);
    OrchestrationRuntime runtime = new OrchestrationRuntime("bench-" + next++, slwf, mapper);
    StepOutcome outcome =
        runtime.step(
            Instant.EPOCH,
            List.of(
                new HistoryEvent.ExecutionStarted(
                    SlwfRuntime.orchestrationName(plan.namespace(), plan.name()),
                    plan.version(),
                    plan.definitionHash(),
                    input,
                    null,
                    null)));
    if (outcome.status() != RuntimeStatus.COMPLETED) {
      throw new IllegalStateException(workflow + " ended " + outcome.status() + ": " + outcome);
    }
    return outcome.output();
  }
}
