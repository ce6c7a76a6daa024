package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.dsl.DefinitionValidator;
import io.swirl.dsl.Diagnostic;
import io.swirl.dsl.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every scenario is a directory with a workflow that {@code swirl validate} accepts cleanly. */
class ScenarioDefinitionsTest {

  private static List<Path> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(Swirl.SCENARIOS)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void there_are_nine_scenarios_each_with_a_workflow_and_a_readme() throws IOException {
    List<Path> scenarios = scenarios();
    assertThat(scenarios).hasSize(9);
    for (Path scenario : scenarios) {
      assertThat(scenario.resolve("workflow.yaml")).isRegularFile();
      assertThat(scenario.resolve("README.md")).isRegularFile();
    }
  }

  @Test
  void every_workflow_validates_without_errors_or_warnings() throws IOException {
    DefinitionValidator validator = new DefinitionValidator();
    for (Path scenario : scenarios()) {
      ValidationResult result = validator.validate(scenario.resolve("workflow.yaml"));
      assertThat(result.diagnostics())
          .as(
              () ->
                  String.join("\n", result.diagnostics().stream().map(Diagnostic::format).toList()))
          .isEmpty();
    }
  }
}
