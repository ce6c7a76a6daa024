package io.swirl.interpreter.ctk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.interpreter.support.Harness;
import java.util.List;

/** The CTK's task-order steps, checked against the lifecycle events of one instance. */
final class TaskOrder {

  private TaskOrder() {}

  static void check(Harness harness, String instanceId, String step) {
    List<String> started = names(harness, instanceId, "io.serverlessworkflow.task.started.v1");
    List<String> completed = names(harness, instanceId, "io.serverlessworkflow.task.completed.v1");
    List<String> faulted = names(harness, instanceId, "io.serverlessworkflow.task.faulted.v1");
    String[] words = step.split(" ");
    String task = words[0];
    if (step.endsWith("should run first")) {
      assertThat(started).as(step).first().isEqualTo(task);
    } else if (step.endsWith("should run last")) {
      assertThat(started).as(step).last().isEqualTo(task);
    } else if (step.contains(" should run after ")) {
      String other = words[words.length - 1];
      assertThat(started.indexOf(task))
          .as(step + " " + started)
          .isGreaterThan(started.indexOf(other));
      assertThat(started.indexOf(other)).as(step).isNotNegative();
    } else if (step.contains(" should run before ")) {
      String other = words[words.length - 1];
      assertThat(started.indexOf(task)).as(step + " " + started).isLessThan(started.indexOf(other));
      assertThat(started.indexOf(task)).as(step).isNotNegative();
    } else if (step.endsWith("should complete")) {
      assertThat(completed).as(step).contains(task);
    } else if (step.endsWith("should fault")) {
      assertThat(faulted).as(step).contains(task);
    } else {
      throw new AssertionError("unknown CTK step: " + step);
    }
  }

  private static List<String> names(Harness harness, String instanceId, String type) {
    return harness.lifecycle.stream()
        .filter(e -> e.path("type").asText().equals(type))
        .map(e -> e.path("data"))
        .filter(d -> d.path("workflow").asText().equals(instanceId))
        .map(TaskOrder::name)
        .toList();
  }

  private static String name(JsonNode data) {
    String pointer = data.path("task").asText();
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }
}
