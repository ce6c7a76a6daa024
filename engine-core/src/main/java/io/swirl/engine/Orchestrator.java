package io.swirl.engine;

/**
 * A workflow written as plain Java code. It runs on its own thread and blocks on {@link
 * Task#await()}; the engine replays it from history, so it must be deterministic: time, ids and
 * randomness come only from the {@link OrchestrationContext}, and all I/O goes through activities.
 *
 * <pre>{@code
 * engine.registerOrchestrator("greet", ctx -> {
 *   String name = ctx.getInput(String.class);
 *   return ctx.callActivity("sayHello", name, String.class).await();
 * });
 * }</pre>
 */
@FunctionalInterface
public interface Orchestrator {

  /** Runs the workflow; the returned value (serialized to JSON) is the instance's output. */
  Object run(OrchestrationContext ctx) throws Exception;
}
