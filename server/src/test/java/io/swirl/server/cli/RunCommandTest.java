package io.swirl.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void a_completed_workflow_prints_its_output_as_json_and_exits_0() throws Exception {
    String file =
        write(
            "greet.yaml",
            """
            document: { dsl: '1.0.0', namespace: cli, name: greet, version: '1.0.0' }
            do:
              - greet:
                  set:
                    greeting: ${ "Hello, " + .name + "!" }
            """);
    CliRun run = CliRun.exec("run", file, "--input", "{\"name\":\"Ada\"}");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree("{\"greeting\":\"Hello, Ada!\"}"));
  }

  @Test
  void input_can_come_from_a_file() throws Exception {
    String file =
        write(
            "echo.yaml",
            """
            document: { dsl: '1.0.0', namespace: cli, name: echo, version: '1.0.0' }
            do:
              - echo:
                  set: ${ .n + 1 }
            """);
    String input = write("input.json", "{\"n\": 41}");
    // "--input=@FILE": picocli would expand a separate "@FILE" argument as an argument file.
    CliRun run = CliRun.exec("run", file, "--input=@" + input);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().trim()).isEqualTo("42");
  }

  @Test
  void a_faulted_workflow_exits_1_with_the_problem_on_stderr() throws Exception {
    String file =
        write(
            "fail.yaml",
            """
            document: { dsl: '1.0.0', namespace: cli, name: fail, version: '1.0.0' }
            do:
              - boom:
                  raise:
                    error:
                      type: https://example.com/errors/boom
                      status: 418
                      title: Boom
            """);
    CliRun run = CliRun.exec("run", file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(JSON.readTree(run.err()))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"https://example.com/errors/boom\",\"status\":418,"
                    + "\"title\":\"Boom\",\"instance\":\"/do/0/boom\"}"));
  }

  @Test
  void an_invalid_definition_exits_1_with_validate_style_diagnostics() throws Exception {
    String file =
        write(
            "bad.yaml",
            """
            document: { dsl: '1.0.0', namespace: cli, name: bad, version: '1.0.0' }
            do:
              - a:
                  set: { x: 1 }
                  then: nowhere
            """);
    CliRun run = CliRun.exec("run", file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(file + ":").contains("error:").contains("[/do/0/a/then]");
  }
}
