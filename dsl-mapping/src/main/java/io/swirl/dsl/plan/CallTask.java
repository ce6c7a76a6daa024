package io.swirl.dsl.plan;

/**
 * {@code call}: a service invocation, run as an activity.
 *
 * @param kind what {@code call} names
 * @param function the {@code call} value as written ({@code http}, {@code getPetById}, {@code
 *     log:1.0.0@default}, ...)
 * @param with the arguments
 * @param definition for {@link Kind#FUNCTION}: the {@code use.functions} entry, compiled once and
 *     shared by every call to it (its {@code pointer} is {@code /use/functions/<name>}); the
 *     interpreter runs it with {@code with} as the function's input. {@code null} otherwise.
 * @param unsupported why Swirl cannot run it, or {@code null}
 */
public record CallTask(
    TaskCommon common,
    Kind kind,
    String function,
    ValueTemplate with,
    TaskNode definition,
    String unsupported)
    implements TaskNode {

  /** What a {@code call} names. */
  public enum Kind {
    HTTP("swirl.call.http"),
    OPENAPI("swirl.call.openapi"),
    GRPC("swirl.call.grpc"),
    ASYNCAPI("swirl.call.asyncapi"),
    A2A("swirl.call.a2a"),
    MCP("swirl.call.mcp"),
    /** A {@code use.functions} entry; see {@link #definition}. */
    FUNCTION(null),
    /** {@code name:version@catalog}: kept as a reference; catalogs are not fetched yet. */
    CATALOG("swirl.call.catalog"),
    /** A function definition at a URI: kept as a reference; not fetched yet. */
    URI("swirl.call.uri");

    private final String activity;

    Kind(String activity) {
      this.activity = activity;
    }
  }

  /**
   * The activity this call maps to ({@code swirl.call.http}, ...); for a {@code use.functions}
   * entry, the activity of its definition ({@code null} when that is not a call or a run).
   */
  public String activityName() {
    if (kind != Kind.FUNCTION) {
      return kind.activity;
    }
    if (definition instanceof CallTask call) {
      return call.activityName();
    }
    return definition instanceof RunTask run ? run.activityName() : null;
  }

  @Override
  public String unsupported() {
    if (unsupported == null && definition != null) {
      return definition.unsupported();
    }
    return unsupported;
  }
}
