package io.swirl.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.HistoryRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/** What the crash tests share: launching children, waiting on the database, checking histories. */
final class CrashChecks {

  private CrashChecks() {}

  /** Starts a {@link CrashChild} on {@code database}, appending its output to {@code log}. */
  static Process launch(CrashDatabase database, Path log, String mode, int instances)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
    command.addAll(database.childOptions());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            CrashChild.class.getName(),
            database.storeUrl(),
            mode,
            Integer.toString(instances)));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return builder.start();
  }

  interface Reading {
    long read() throws Exception;
  }

  /**
   * Polls {@code reading} until it satisfies {@code done}, failing if any of {@code children} dies
   * first or {@code limit} passes.
   */
  static void waitUntil(
      Reading reading,
      LongPredicate done,
      Duration limit,
      Path log,
      String what,
      Process... children)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    long last = -1;
    while (System.nanoTime() < deadline) {
      for (Process child : children) {
        if (!child.isAlive()) {
          throw new AssertionError(
              "child exited with " + child.exitValue() + " waiting for " + what + "\n" + tail(log));
        }
      }
      try {
        last = reading.read();
        if (done.test(last)) {
          return;
        }
      } catch (Exception notYet) {
        // the child has not created the schema yet
      }
      Thread.sleep(2);
    }
    for (Process child : children) {
      child.destroyForcibly();
    }
    throw new AssertionError(
        "no " + what + " within " + limit + " (last reading " + last + ")\n" + tail(log));
  }

  static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no child output)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** At most one scheduling event and one answer per task id; start and end exactly once. */
  static void assertNoDuplicates(String id, List<HistoryRecord> history) {
    Map<String, Integer> seen = new HashMap<>();
    for (HistoryRecord record : history) {
      HistoryEvent event = record.event();
      String key = null;
      if (event instanceof HistoryEvent.TaskScheduled e) {
        key = "TaskScheduled#" + e.taskId();
      } else if (event instanceof HistoryEvent.TimerCreated e) {
        key = "TimerCreated#" + e.taskId();
      } else if (event instanceof HistoryEvent.Completion e) {
        key = "Completion#" + e.taskId();
      } else if (event instanceof HistoryEvent.ExecutionStarted) {
        key = "ExecutionStarted";
      } else if (event instanceof HistoryEvent.ExecutionCompleted) {
        key = "ExecutionCompleted";
      }
      if (key != null) {
        seen.merge(key, 1, Integer::sum);
      }
    }
    seen.forEach(
        (key, count) ->
            assertThat(count)
                .as("%s: %s appears %d times in %s", id, key, count, history)
                .isEqualTo(1));
    assertThat(seen.keySet())
        .as("%s history shape", id)
        .contains("ExecutionStarted", "ExecutionCompleted", "TaskScheduled#0", "TimerCreated#1");
  }
}
