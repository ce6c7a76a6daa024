package io.swirl.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event-driven orchestration: it never blocks, it composes {@link Task}s and returns the task of
 * its output. The DSL interpreter is one. It is started once per instance life in memory, on the
 * engine's thread, and driven by callbacks as history is applied.
 */
@FunctionalInterface
public interface Orchestration {

  /** Starts the orchestration; the returned task's result is the instance's output. */
  Task<JsonNode> start(OrchestrationContext ctx);
}
