package io.swirl.server.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.store.StoreUrl;
import io.swirl.server.cli.CliRun;
import io.swirl.server.http.SwirlServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client verbs against a real {@link SwirlServer} on a temporary SQLite file. */
class ClientVerbsIT {

  static final String HELLO =
      """
      document: { dsl: '1.0.0', namespace: cli, name: hello, version: '1.0.0' }
      do:
        - greet:
            set:
              greeting: ${ "hello " + .name }
      """;

  /** Waits for an event of type {@code approve}, then outputs {@code {approved: <data.ok>}}. */
  static final String WAITER =
      """
      document: { dsl: '1.0.0', namespace: cli, name: waiter, version: '1.0.0' }
      do:
        - awaitApproval:
            listen:
              to:
                one:
                  with:
                    type: approve
        - decide:
            set:
              approved: ${ .[0].ok }
      """;

  static final String FAILING =
      """
      document: { dsl: '1.0.0', namespace: cli, name: failing, version: '1.0.0' }
      do:
        - boom:
            raise:
              error:
                type: https://example.com/boom
                status: 418
                title: Boom
      """;

  @TempDir static Path dir;
  static SwirlServer server;
  static Cli cli;

  @BeforeAll
  static void start() throws Exception {
    server =
        SwirlServer.start(
            new SwirlServer.Settings(
                "127.0.0.1", 0, StoreUrl.parse("sqlite:" + dir.resolve("swirl.db"))));
    cli = new Cli("http://127.0.0.1:" + server.port());
    CliRun deployed =
        cli.run(
            "deploy",
            write("hello.yaml", HELLO),
            write("waiter.yaml", WAITER),
            write("failing.yaml", FAILING));
    assertThat(deployed.exitCode()).as(deployed.toString()).isZero();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  /** Polls {@code swirl get --json} until the status is {@code status}, with a deadline. */
  static JsonNode awaitStatus(String id, String status) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode view = null;
    while (System.nanoTime() < deadline) {
      CliRun get = cli.run("get", id, "--json");
      assertThat(get.exitCode()).as(get.toString()).isZero();
      view = get.json();
      if (status.equals(view.path("status").asText())) {
        return view;
      }
      Thread.sleep(50); // a pause between polls, not a wait for the outcome
    }
    throw new AssertionError(id + " did not become " + status + ": " + view);
  }

  @Test
  void deploy_prints_created_then_unchanged_for_the_same_content() throws Exception {
    String file = write("again.yaml", HELLO.replace("name: hello", "name: again"));
    CliRun first = cli.run("deploy", file);
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).isEqualTo("created cli/again 1.0.0\n");
    CliRun second = cli.run("deploy", file);
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out()).isEqualTo("unchanged cli/again 1.0.0\n");
  }

  @Test
  void deploy_sends_json_files_as_json_and_json_prints_the_answer() throws Exception {
    String file =
        write(
            "echo.json",
            """
            {"document": {"dsl": "1.0.0", "namespace": "cli", "name": "echo", "version": "2.0.0"},
             "do": [{"echo": {"set": {"x": 1}}}]}
            """);
    CliRun run = cli.run("deploy", file, "--json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.json().path("name").asText()).isEqualTo("echo");
    assertThat(run.json().path("version").asText()).isEqualTo("2.0.0");
    assertThat(run.json().path("definitionHash").asText()).isNotEmpty();
  }

  @Test
  void deploy_reports_each_error_of_a_refused_file_with_line_column_and_pointer_and_sends_the_rest()
      throws Exception {
    String bad =
        write(
            "bad.yaml",
            """
            document: { dsl: '1.0.0', namespace: cli, name: bad, version: '1.0.0' }
            do:
              - first:
                  set: { a: 1 }
                  then: nowhere
            """);
    String good = write("good.yaml", HELLO.replace("name: hello", "name: good"));
    CliRun run = cli.run("deploy", bad, good);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("created cli/good 1.0.0\n");
    assertThat(run.err())
        .contains(
            "swirl deploy: " + bad + ": Unprocessable Content (422): the definition is invalid")
        .containsPattern("  \\Q" + bad + "\\E:5:\\d+: .*nowhere.* \\[/do/0/first/then\\]");
  }

  @Test
  void deploy_of_a_file_with_another_extension_is_a_usage_error() throws Exception {
    CliRun run = cli.run("deploy", write("hello.txt", HELLO));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("hello.txt: name a .yaml, .yml or .json file");
  }

  @Test
  void start_with_wait_prints_the_completed_instance_and_its_output() {
    CliRun run =
        cli.run("start", "cli/hello", "--input", "{\"name\":\"ada\"}", "--id", "ada", "--wait");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("id:       ada\n")
        .contains("workflow: cli/hello 1.0.0\n")
        .contains("status:   completed\n")
        .contains("input:    {\"name\":\"ada\"}\n")
        .contains("output:   {\"greeting\":\"hello ada\"}\n")
        .containsPattern("created:  \\d{4}-");
  }

  @Test
  void start_reads_input_from_a_file_and_json_prints_the_final_instance() throws Exception {
    String input = write("input.json", "{\"name\": \"bo\"}");
    CliRun run =
        cli.run("start", "cli/hello/1.0.0", "--input", "@" + input, "--wait", "30", "--json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.json().path("status").asText()).isEqualTo("completed");
    assertThat(run.json().path("output").path("greeting").asText()).isEqualTo("hello bo");
  }

  @Test
  void start_without_wait_prints_the_id_and_get_shows_the_instance() throws Exception {
    CliRun started = cli.run("start", "cli/hello", "--id", "later");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    assertThat(started.out()).isEqualTo("later\n");
    awaitStatus("later", "completed");
    CliRun get = cli.run("get", "later");
    assertThat(get.exitCode()).as(get.toString()).isZero();
    assertThat(get.out())
        .contains("status:   completed\n")
        .contains("input:    {}\n")
        .containsPattern("ended:    \\d{4}-");
  }

  @Test
  void start_with_wait_of_a_faulting_workflow_prints_the_error_and_exits_1() {
    CliRun run = cli.run("start", "cli/failing", "--wait");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .contains("status:   faulted\n")
        .contains("error:    Boom (418, https://example.com/boom)");
  }

  @Test
  void start_with_wait_exits_4_when_the_time_runs_out_before_the_instance_ends() {
    CliRun run = cli.run("start", "cli/waiter", "--id", "slow", "--wait", "1");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.out()).contains("status:   waiting");
    assertThat(run.err()).contains("swirl start: slow is still waiting after 1 s");
    assertThat(cli.run("cancel", "slow").exitCode()).isZero();
  }

  @Test
  void start_of_an_unregistered_workflow_exits_1_with_the_problem() {
    CliRun run = cli.run("start", "cli/missing");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("swirl start: Not Found (404): no workflow cli/missing version latest");
  }

  @Test
  void start_with_input_that_is_not_json_is_a_usage_error() {
    CliRun run = cli.run("start", "cli/hello", "--input", "{name: ada");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--input: '{name: ada' is not JSON");
    CliRun missing = cli.run("start", "cli/hello", "--input", "@" + dir.resolve("nope.json"));
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
    assertThat(missing.err()).contains("--input: no such file: ");
  }

  @Test
  void start_of_something_that_is_not_ns_slash_name_is_a_usage_error() {
    CliRun run = cli.run("start", "hello");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("'hello' does not name a workflow");
  }

  @Test
  void get_of_an_unknown_id_exits_1_with_the_problem_detail() {
    CliRun run = cli.run("get", "no-such-instance");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo("swirl get: Not Found (404): no instance with id 'no-such-instance'\n");
    CliRun json = cli.run("get", "no-such-instance", "--json");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.err()).contains("\"status\" : 404").contains("\"title\" : \"Not Found\"");
  }

  @Test
  void list_prints_a_table_page_by_page_with_the_next_cursor() {
    for (String id : new String[] {"page-1", "page-2", "page-3"}) {
      assertThat(cli.run("start", "cli/hello/1.0.0", "--id", id, "--wait").exitCode()).isZero();
    }
    CliRun first =
        cli.run(
            "list",
            "--namespace",
            "cli",
            "--name",
            "hello",
            "--status",
            "completed",
            "--limit",
            "2");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    String[] lines = first.out().split("\n");
    assertThat(lines[0]).matches("ID +WORKFLOW +STATUS +CREATED");
    assertThat(lines).hasSize(4);
    assertThat(lines[1]).matches("\\S+ +cli/hello 1\\.0\\.0 +completed +\\d{4}-.*");
    assertThat(lines[3]).startsWith("more: --cursor ");
    String cursor = lines[3].substring("more: --cursor ".length());

    CliRun json =
        cli.run("list", "--namespace", "cli", "--name", "hello", "--cursor", cursor, "--json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.json().path("items").isArray()).isTrue();
    assertThat(json.json().path("items").size()).isPositive();
    assertThat(json.json().has("nextCursor")).isTrue();

    CliRun none = cli.run("list", "--namespace", "nobody");
    assertThat(none.out()).isEqualTo("no instances\n");
  }

  @Test
  void list_with_an_unknown_status_exits_1_with_the_servers_reason() {
    CliRun run = cli.run("list", "--status", "sleeping");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("Bad Request (400)").contains("status='sleeping'");
  }

  @Test
  void history_prints_one_line_per_event() {
    assertThat(cli.run("start", "cli/hello", "--id", "told", "--wait").exitCode()).isZero();
    CliRun run = cli.run("history", "told");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines.length).isGreaterThanOrEqualTo(2);
    assertThat(lines).allMatch(line -> line.matches(" *\\d+  \\S+  [A-Za-z]+( +\\{.*})?"));
    assertThat(lines[0]).startsWith("   0  ");
    CliRun json = cli.run("history", "told", "--json");
    assertThat(json.json().path("events").size()).isEqualTo(lines.length);
    assertThat(cli.run("history", "nobody").exitCode()).isEqualTo(1);
  }

  @Test
  void suspend_resume_and_raise_steer_a_waiting_instance_to_completion() throws Exception {
    assertThat(cli.run("start", "cli/waiter", "--id", "steered").exitCode()).isZero();
    awaitStatus("steered", "waiting");

    CliRun suspend = cli.run("suspend", "steered");
    assertThat(suspend.exitCode()).as(suspend.toString()).isZero();
    assertThat(suspend.out()).isEqualTo("steered: suspend accepted\n");
    awaitStatus("steered", "suspended");
    CliRun again = cli.run("suspend", "steered");
    assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
    assertThat(again.err()).startsWith("swirl suspend: Conflict (409): ");

    CliRun resume = cli.run("resume", "steered", "--json");
    assertThat(resume.exitCode()).as(resume.toString()).isZero();
    assertThat(resume.json().path("accepted").asText()).isEqualTo("resume");
    awaitStatus("steered", "waiting");

    CliRun raise = cli.run("raise", "steered", "approve", "--data", "{\"ok\":true}");
    assertThat(raise.exitCode()).as(raise.toString()).isZero();
    assertThat(raise.out()).isEqualTo("steered: event approve accepted\n");
    JsonNode done = awaitStatus("steered", "completed");
    assertThat(done.path("output").path("approved").asBoolean()).isTrue();
  }

  @Test
  void cancel_ends_an_instance_as_cancelled_and_a_second_cancel_is_refused() throws Exception {
    assertThat(cli.run("start", "cli/waiter", "--id", "doomed").exitCode()).isZero();
    CliRun cancel = cli.run("cancel", "doomed");
    assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
    assertThat(cancel.out()).isEqualTo("doomed: cancel accepted\n");
    awaitStatus("doomed", "cancelled");
    assertThat(cli.run("cancel", "doomed").exitCode()).isEqualTo(1);
  }

  @Test
  void raise_with_data_that_is_not_json_is_a_usage_error_and_to_an_unknown_id_an_api_error() {
    CliRun bad = cli.run("raise", "steered", "approve", "--data", "yes please");
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err()).contains("--data: 'yes please' is not JSON");
    CliRun unknown = cli.run("raise", "nobody", "approve");
    assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
    assertThat(unknown.err()).contains("Not Found (404)").contains("nobody");
  }

  @Test
  void an_unreachable_server_exits_3_naming_the_url() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again below: nothing listens there
    }
    CliRun run = CliRun.exec("list", "--server", "http://127.0.0.1:" + port);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err())
        .startsWith("swirl list: cannot reach the Swirl server at http://127.0.0.1:" + port + " (")
        .contains("start it with 'swirl server'");
  }

  @Test
  void a_server_url_that_is_not_http_is_a_usage_error() {
    CliRun run = CliRun.exec("list", "--server", "localhost:8080");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--server 'localhost:8080' is not an http(s) URL");
  }
}
