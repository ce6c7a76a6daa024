package io.swirl.interpreter.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.time.Instant;
import java.util.List;
import net.thisptr.jackson.jq.Expression;
import net.thisptr.jackson.jq.Function;
import net.thisptr.jackson.jq.PathOutput;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.path.Path;

/**
 * jq's {@code now}, answered from the orchestration's deterministic time. The engine steps one
 * instance at a time on one thread, so a thread-local set around each evaluation is enough.
 */
final class DeterministicClock implements Function {

  private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();

  static void set(Instant now) {
    NOW.set(now);
  }

  static void clear() {
    NOW.remove();
  }

  @Override
  public void apply(
      Scope scope, List<Expression> args, JsonNode in, Path path, PathOutput output, Version v)
      throws net.thisptr.jackson.jq.exception.JsonQueryException {
    Instant now = NOW.get();
    if (now == null) {
      throw new net.thisptr.jackson.jq.exception.JsonQueryException(
          "now is only available while a workflow runs");
    }
    output.emit(DoubleNode.valueOf(now.toEpochMilli() / 1000.0), null);
  }
}
