package io.swirl.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void help_lists_the_commands() {
    CliRun run = CliRun.exec("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: swirl").contains("server");
  }

  @Test
  void version_names_swirl() {
    CliRun run = CliRun.exec("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("swirl ");
  }

  @Test
  void unknown_option_is_a_usage_error_with_exit_2() {
    CliRun run = CliRun.exec("--no-such-option");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option");
  }
}
