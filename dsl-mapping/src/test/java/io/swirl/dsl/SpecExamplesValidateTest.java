package io.swirl.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of the pinned specification validates without errors. */
class SpecExamplesValidateTest {

  static final Path EXAMPLES = Path.of("..", "..", "shared", "spec", "examples");
  private static final DefinitionValidator VALIDATOR = new DefinitionValidator();

  static List<Path> examples() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "spec examples not found at " + EXAMPLES);
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      List<Path> files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(files).hasSize(66);
      return files;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void spec_example_validates_without_errors(Path file) {
    ValidationResult result = VALIDATOR.validate(file);
    assertThat(result.errors()).as(file.toString()).isEmpty();
  }
}
