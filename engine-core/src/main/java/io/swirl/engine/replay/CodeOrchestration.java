package io.swirl.engine.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.Orchestration;
import io.swirl.engine.OrchestrationContext;
import io.swirl.engine.Orchestrator;
import io.swirl.engine.Task;
import java.util.concurrent.Executor;

/**
 * Runs a blocking {@link Orchestrator} as an {@link Orchestration}: the code gets a thread of its
 * own, and control passes back and forth with the engine's thread so that exactly one of them runs
 * at any time. The code therefore sees events in history order, as if it ran on the engine's
 * thread.
 */
public final class CodeOrchestration implements Orchestration {

  private final Orchestrator code;
  private final Executor threads;

  public CodeOrchestration(Orchestrator code, Executor threads) {
    this.code = code;
    this.threads = threads;
  }

  @Override
  public Task<JsonNode> start(OrchestrationContext ctx) {
    RuntimeContext context = (RuntimeContext) ctx;
    WorkflowThread thread = new WorkflowThread(threads);
    context.useBlocker(thread, thread::destroy);
    CompletableTask<JsonNode> output = context.newTask();
    thread.start(
        () -> {
          try {
            Object result = code.run(ctx);
            output.complete(ctx.toJson(result));
          } catch (WorkflowThread.Destroyed destroyed) {
            throw destroyed;
          } catch (Exception | AssertionError e) {
            output.fail(e);
          }
        });
    return output;
  }
}
