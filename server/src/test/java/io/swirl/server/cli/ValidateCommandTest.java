package io.swirl.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {

  private static final Path DIR = Path.of("src", "test", "resources", "validate");
  private static final String OK = DIR.resolve("ok").toString();
  private static final String BAD = DIR.resolve("bad").resolve("order.yml").toString();

  @Test
  void valid_directory_exits_0_and_counts_the_definitions_it_found() {
    CliRun run = CliRun.exec("validate", OK);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("2 files checked, 0 invalid: 0 errors, 0 warnings");
  }

  @Test
  void error_exits_1_with_a_compiler_style_line() {
    CliRun run = CliRun.exec("validate", OK, BAD);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            BAD
                + ":10:13: error: then: 'shipOrdr' names no task in this list; use one of"
                + " checkStock, shipOrder or continue, exit, end; did you mean 'shipOrder'?"
                + " [/do/0/checkStock/then]")
        .contains(BAD + ":11:5: warning: task 'shipOrder' is never run")
        .contains("3 files checked, 1 invalid: 1 error, 1 warning");
  }

  @Test
  void json_format_prints_an_array_of_diagnostics() throws Exception {
    CliRun run = CliRun.exec("validate", "--format", "json", BAD);
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode array = new ObjectMapper().readTree(run.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(2);
    JsonNode first = array.get(0);
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("code").asText()).isEqualTo("unknown-then-target");
    assertThat(first.get("file").asText()).isEqualTo(BAD);
    assertThat(first.get("line").asInt()).isEqualTo(10);
    assertThat(first.get("column").asInt()).isEqualTo(13);
    assertThat(first.get("pointer").asText()).isEqualTo("/do/0/checkStock/then");
  }

  @Test
  void json_format_of_valid_files_is_an_empty_array_and_exit_0() throws Exception {
    CliRun run = CliRun.exec("validate", "--format=json", OK);
    assertThat(run.exitCode()).isZero();
    assertThat(new ObjectMapper().readTree(run.out())).isEmpty();
  }

  @Test
  void missing_path_is_a_usage_error_with_exit_2() {
    CliRun run = CliRun.exec("validate", DIR.resolve("no-such-file.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such file or directory");
  }

  @Test
  void no_path_and_unknown_format_are_usage_errors_with_exit_2() {
    assertThat(CliRun.exec("validate").exitCode()).isEqualTo(2);
    CliRun run = CliRun.exec("validate", "--format", "xml", OK);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--format");
  }

  @Test
  void help_lists_validate() {
    assertThat(CliRun.exec("--help").out()).contains("validate");
  }
}
