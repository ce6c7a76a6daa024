package io.swirl.server.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.server.cli.CliRun;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** What the client verbs do before any request, and how failures read. */
class ClientCommandsTest {

  @Test
  void help_lists_every_client_verb() {
    CliRun run = CliRun.exec("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("deploy", "start", "get", "list", "history", "suspend", "resume", "cancel")
        .contains("raise", "send-event");
  }

  @Test
  void each_verb_documents_server_and_json_and_its_exit_status() {
    for (String verb :
        new String[] {
          "deploy",
          "start",
          "get",
          "list",
          "history",
          "suspend",
          "resume",
          "cancel",
          "raise",
          "send-event"
        }) {
      CliRun run = CliRun.exec(verb, "--help");
      assertThat(run.exitCode()).as(verb).isZero();
      assertThat(run.out())
          .as(verb)
          .contains("--server=URL", "SWIRL_SERVER", "SWIRL_API_TOKEN", "--json", "Exit status:");
    }
  }

  @Test
  void a_missing_argument_is_a_usage_error() {
    CliRun run = CliRun.exec("get");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter: 'ID'");
  }

  @Test
  void a_negative_wait_is_a_usage_error() {
    CliRun run = CliRun.exec("start", "ns/name", "--wait=-1", "--server", "http://127.0.0.1:1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--wait takes seconds, 0 or more");
  }

  @Test
  void unreachable_reasons_name_the_cause_even_when_the_jdk_wraps_it_without_a_message() {
    ConnectException unknownHost = new ConnectException();
    unknownHost.initCause(new UnresolvedAddressException());
    assertThat(ServerUnreachableException.reason(unknownHost)).isEqualTo("unknown host");
    assertThat(ServerUnreachableException.reason(new ConnectException()))
        .isEqualTo("connection refused");
    assertThat(ServerUnreachableException.reason(new ConnectException("Connection refused")))
        .isEqualTo("Connection refused");
  }
}
