package io.swirl.engine;

/**
 * Finds the orchestration an instance runs, from what its {@code ExecutionStarted} recorded. Code
 * workflows resolve by name; DSL workflows also by version and definition hash, so a running
 * instance never silently switches definition.
 */
@FunctionalInterface
public interface OrchestrationResolver {

  /**
   * The orchestration, or null when none is known under these coordinates (the instance then fails
   * with a message naming them).
   */
  Orchestration resolve(String name, String version, String definitionHash);
}
