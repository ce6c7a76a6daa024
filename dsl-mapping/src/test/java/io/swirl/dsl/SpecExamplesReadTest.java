package io.swirl.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverlessworkflow.api.WorkflowReader;
import io.serverlessworkflow.api.types.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The DSL model reads every example of the specification this build pins. */
class SpecExamplesReadTest {

  static final Path EXAMPLES = Path.of("..", "..", "shared", "spec", "examples");

  @Test
  void sdk_model_reads_every_spec_example_but_the_dsl_1_0_1_run_options() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "spec examples not found at " + EXAMPLES);
    List<Path> files;
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSize(66);
    List<String> unread = new java.util.ArrayList<>();
    for (Path file : files) {
      try {
        Workflow workflow = WorkflowReader.readWorkflow(file, WorkflowReader.noValidation());
        assertThat(workflow.getDocument().getDsl()).as(file.toString()).isEqualTo("1.0.3");
      } catch (IOException e) {
        unread.add(file.getFileName().toString());
      }
    }
    // The 7.13.4 model predates DSL 1.0.1's run.*.stdin/arguments and container pullPolicy;
    // dsl-mapping must read these four without it.
    assertThat(unread)
        .containsExactly(
            "run-container-stdin-and-arguments.yaml",
            "run-container-with-pull-policy.yaml",
            "run-script-with-stdin-and-arguments.yaml",
            "run-shell-stdin-and-arguments.yaml");
  }
}
