package io.swirl.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The specification's invalid examples are rejected with one precise error each. */
class SpecInvalidExamplesTest {

  static final Path INVALID = Path.of("..", "..", "shared", "spec", "invalid");
  private final DefinitionValidator validator = new DefinitionValidator();

  @BeforeEach
  void needsSpec() {
    Assumptions.assumeTrue(Files.isDirectory(INVALID), "spec not found at " + INVALID);
  }

  private Diagnostic onlyError(String name) {
    ValidationResult result = validator.validate(INVALID.resolve(name));
    assertThat(result.errors()).as(result.diagnostics().toString()).hasSize(1);
    return result.errors().get(0);
  }

  @Test
  void extra_property_in_a_call_is_named_at_its_line() {
    Diagnostic error = onlyError("extra-property-in-call.yaml");
    assertThat(error.message()).startsWith("unknown property 'foo'");
    assertThat(error.pointer()).isEqualTo("/do/0/getPet/foo");
    assertThat(error.line()).isEqualTo(12);
    assertThat(error.column()).isEqualTo(7);
  }

  @Test
  void two_tasks_in_one_list_item_point_at_the_second_task() {
    Diagnostic error = onlyError("two-tasks-in-one-item.yaml");
    assertThat(error.message()).contains("'getPet' and 'setMessage'").contains("its own '-'");
    assertThat(error.pointer()).isEqualTo("/do/0/setMessage");
    assertThat(error.line()).isEqualTo(12);
    assertThat(error.column()).isEqualTo(5);
  }

  @Test
  void duplicate_key_is_a_syntax_error_at_the_second_key() {
    Diagnostic error = onlyError("listen-any-until-any-until.yaml");
    assertThat(error.code()).isEqualTo("syntax");
    assertThat(error.message()).contains("duplicate key 'do'").contains("line 6");
    assertThat(error.line()).isEqualTo(7);
    assertThat(error.column()).isEqualTo(1);
  }

  @Test
  void nested_until_inside_until_is_refused_once_the_duplicate_key_is_gone() throws Exception {
    String text =
        Files.readString(INVALID.resolve("listen-any-until-any-until.yaml"))
            .replaceFirst("do:\n", "");
    ValidationResult result = validator.validate("until.yaml", text);
    assertThat(result.errors()).as(result.diagnostics().toString()).hasSize(1);
    Diagnostic error = result.errors().get(0);
    assertThat(error.pointer()).isEqualTo("/do/0/callDoctor/listen/to/until/until");
    assertThat(error.line()).isEqualTo(13);
  }
}
