package io.swirl.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ValidateCommandTest {

  private static final Path DIR = Path.of("src", "test", "resources", "validate");
  private static final String OK = DIR.resolve("ok").toString();
  private static final String BAD = DIR.resolve("bad").resolve("order.yml").toString();

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void valid_directory_exits_0_and_counts_the_definitions_it_found() {
    Run run = run("validate", OK);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("2 files checked, 0 invalid: 0 errors, 0 warnings");
  }

  @Test
  void error_exits_1_with_a_compiler_style_line() {
    Run run = run("validate", OK, BAD);
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
    Run run = run("validate", "--format", "json", BAD);
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
    Run run = run("validate", "--format=json", OK);
    assertThat(run.exitCode()).isZero();
    assertThat(new ObjectMapper().readTree(run.out())).isEmpty();
  }

  @Test
  void missing_path_is_a_usage_error_with_exit_2() {
    Run run = run("validate", DIR.resolve("no-such-file.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such file or directory");
  }

  @Test
  void no_path_and_unknown_format_are_usage_errors_with_exit_2() {
    assertThat(run("validate").exitCode()).isEqualTo(2);
    Run run = run("validate", "--format", "xml", OK);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--format");
  }

  @Test
  void help_lists_validate() {
    assertThat(run("--help").out()).contains("validate");
  }
}
