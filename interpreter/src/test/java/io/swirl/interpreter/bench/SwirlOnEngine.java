package io.swirl.interpreter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.CompileResult;
import io.swirl.dsl.WorkflowCompiler;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.Engine;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import io.swirl.interpreter.SlwfRuntime;
import java.util.EnumMap;
import java.util.Map;

/**
 * Swirl as deployed: an {@link Engine} on a store (here {@code sqlite::memory:}) with the
 * interpreter installed; each run starts an instance and waits until it is terminal.
 */
public final class SwirlOnEngine implements AutoCloseable {

  private final Engine engine;
  private final SlwfRuntime slwf;
  private final Map<BenchWorkflows, WorkflowPlan> plans = new EnumMap<>(BenchWorkflows.class);

  public SwirlOnEngine(String storeUrl) {
    engine = Engine.builder(Stores.open(StoreUrl.parse(storeUrl))).build();
    slwf = SlwfRuntime.builder().events(event -> {}).build().install(engine);
    for (BenchWorkflows w : BenchWorkflows.values()) {
      CompileResult compiled = new WorkflowCompiler().compile(w.name() + ".yaml", w.yaml);
      plans.put(w, slwf.register(compiled.plan()));
    }
    engine.start();
  }

  public JsonNode run(BenchWorkflows workflow, JsonNode input) {
    String id = slwf.start(engine.client(), plans.get(workflow), input, null);
    InstanceState state = engine.client().whenTerminal(id).join().orElseThrow();
    if (state.status() != RuntimeStatus.COMPLETED) {
      throw new IllegalStateException(workflow + " ended " + state);
    }
    return state.output();
  }

  @Override
  public void close() {
    engine.close();
  }
}
