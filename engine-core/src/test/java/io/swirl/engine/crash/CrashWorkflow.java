package io.swirl.engine.crash;

import io.swirl.engine.Engine;
import io.swirl.engine.Task;
import java.time.Duration;
import java.util.List;

/**
 * The workflow the crash tests run: activities and durable timers mixed, with a small fan-out, so
 * that a kill can land between any two of its steps. Its output is a pure function of the input.
 */
final class CrashWorkflow {

  static final String NAME = "crash-mix";

  private CrashWorkflow() {}

  /** Registers the workflow and its activities on {@code engine}. */
  static void register(Engine engine) {
    engine.registerActivity(
        "add",
        ctx -> {
          int[] xy = ctx.getInput(int[].class);
          return xy[0] + xy[1];
        });
    engine.registerActivity(
        "multiply",
        ctx -> {
          int[] xy = ctx.getInput(int[].class);
          return xy[0] * xy[1];
        });
    engine.registerOrchestrator(
        NAME,
        ctx -> {
          int n = ctx.getInput(Integer.class);
          int a = ctx.callActivity("add", new int[] {n, 7}, Integer.class).await();
          ctx.createTimer(Duration.ofMillis(20 + n % 31)).await();
          int b = ctx.callActivity("multiply", new int[] {a, 3}, Integer.class).await();
          List<Task<Integer>> fanOut =
              List.of(
                  ctx.callActivity("add", new int[] {b, 1}, Integer.class),
                  ctx.callActivity("add", new int[] {b, 2}, Integer.class),
                  ctx.callActivity("add", new int[] {b, 3}, Integer.class));
          int sum = ctx.allOf(fanOut).await().stream().mapToInt(Integer::intValue).sum();
          ctx.createTimer(Duration.ofMillis(20 + n % 17)).await();
          return ctx.callActivity("add", new int[] {sum, 1000}, Integer.class).await();
        });
  }

  /** What {@link #NAME} returns for input {@code n}: 3 * (3 * (n + 7)) + 6 + 1000. */
  static int expectedOutput(int n) {
    return 9 * (n + 7) + 1006;
  }
}
