package io.swirl.dsl.validation;

import java.util.Map;

/**
 * What the DSL allows and Swirl does not run yet: the one list. A definition using one of these is
 * valid (a warning, not an error) but the interpreter will refuse to start it.
 */
public final class Unsupported {

  /** {@code call:} values Swirl cannot invoke yet, with the reason shown to users. */
  public static final Map<String, String> CALLS =
      Map.of(
          "grpc", "gRPC calls",
          "asyncapi", "AsyncAPI calls",
          "a2a", "A2A (agent-to-agent) calls",
          "mcp", "MCP (Model Context Protocol) calls");

  /** {@code run:} kinds Swirl cannot run yet. */
  public static final Map<String, String> RUNS = Map.of("container", "running containers");

  /** Top-level features Swirl does not implement yet, by JSON pointer. */
  public static final Map<String, String> FEATURES =
      Map.of(
          "/use/extensions",
          "extensions (use.extensions)",
          "/schedule/on/all",
          "starts on a combination of events (schedule.on.all)");

  /** Said of a function called by URI or from a catalog: Swirl fetches no definitions yet. */
  public static final String EXTERNAL_FUNCTION =
      "functions loaded from a URI or a catalog (Swirl does not fetch function definitions yet)";

  private Unsupported() {}
}
