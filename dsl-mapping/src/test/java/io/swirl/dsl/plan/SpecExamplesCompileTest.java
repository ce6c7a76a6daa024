package io.swirl.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of the pinned specification compiles to a consistent plan. */
class SpecExamplesCompileTest {

  static List<Path> examples() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(Plans.EXAMPLES), "spec examples not found at " + Plans.EXAMPLES);
    try (Stream<Path> list = Files.list(Plans.EXAMPLES)) {
      List<Path> files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(files).hasSize(66);
      return files;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void spec_example_compiles_to_a_plan_with_resolved_flow(Path file) throws IOException {
    WorkflowPlan plan = Plans.compile(file.toString(), Files.readString(file));

    assertThat(plan.name()).isNotBlank();
    assertThat(plan.definitionHash()).hasSize(64);
    assertThat(plan.root().size()).isPositive();
    checkList(plan.root());
  }

  private static void checkList(TaskList list) {
    for (int i = 0; i < list.size(); i++) {
      TaskNode task = list.get(i);
      assertThat(list.index()).containsEntry(task.name(), i);
      assertThat(task.pointer()).startsWith(list.pointer() + "/" + i + "/");
      checkTarget(list, task.common().then());
      if (task instanceof SwitchTask s) {
        s.cases().forEach(c -> checkTarget(list, c.then()));
      }
      Plans.children(task).forEach(SpecExamplesCompileTest::checkList);
    }
  }

  private static void checkTarget(TaskList list, FlowTarget target) {
    if (target instanceof FlowTarget.Goto jump) {
      assertThat(list.get(jump.index()).name()).isEqualTo(jump.name());
    }
  }

  @Test
  void unsupported_features_compile_to_flagged_nodes_and_an_unrunnable_plan() {
    WorkflowPlan grpc = Plans.example("call-grpc.yaml");
    CallTask call = (CallTask) grpc.root().get(0);

    assertThat(call.kind()).isEqualTo(CallTask.Kind.GRPC);
    assertThat(call.activityName()).isEqualTo("swirl.call.grpc");
    assertThat(call.unsupported()).isEqualTo("gRPC calls");
    assertThat(grpc.isRunnable()).isFalse();
    assertThat(grpc.unsupported()).containsKey(call.pointer() + "/call");

    WorkflowPlan container = Plans.example("run-container.yaml");
    RunTask run = (RunTask) container.root().get(0);
    assertThat(run.kind()).isEqualTo(RunTask.Kind.CONTAINER);
    assertThat(run.unsupported()).isNotNull();
    assertThat(container.isRunnable()).isFalse();
  }

  @Test
  void plan_collections_cannot_be_modified() {
    WorkflowPlan plan = Plans.example("switch-then-string.yaml");

    assertThatThrownBy(() -> plan.root().tasks().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> plan.root().index().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((SwitchTask) plan.root().get(0)).cases().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void a_plain_http_example_is_runnable() {
    WorkflowPlan plan = Plans.example("call-http-query-parameters.yaml");

    assertThat(plan.isRunnable()).isTrue();
    assertThat(((CallTask) plan.root().get(0)).activityName()).isEqualTo("swirl.call.http");
  }
}
