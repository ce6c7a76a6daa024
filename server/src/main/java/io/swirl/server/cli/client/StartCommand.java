package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code swirl start NS/NAME[/VERSION]}: starts an instance, optionally waits for its end. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start an instance of a registered workflow and print its id.",
      "POST /api/v1/workflows/{ns}/{name}/{version}/instances.",
      "With --wait, follow it until it ends (long polls) and print it as 'swirl get' does.",
      "Exit status: 0 started (with --wait: completed), 1 refused, or with --wait faulted or"
          + " cancelled, 2 usage error, 3 server unreachable, 4 --wait ran out before it ended."
    })
public final class StartCommand extends ClientCommand {

  static final int STILL_RUNNING = 4;

  @Parameters(
      index = "0",
      paramLabel = "NS/NAME[/VERSION]",
      description = "The workflow; the version defaults to latest (the last registered).")
  String workflow;

  @Option(
      names = "--input",
      paramLabel = "JSON|@FILE",
      description = "The input: inline JSON, or @FILE naming a JSON file (default {}).")
  String input;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "The instance id (default: one the server makes up).")
  String id;

  @Option(
      names = "--wait",
      arity = "0..1",
      fallbackValue = "0",
      paramLabel = "SECONDS",
      description = "Wait until the instance ends, at most SECONDS when given.")
  Integer wait;

  @Override
  int run(ApiClient api, Output out) {
    String[] parts = workflow.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || Arrays.asList(parts).contains("")) {
      throw new ParameterException(
          spec.commandLine(),
          "'"
              + workflow
              + "' does not name a workflow; write NAMESPACE/NAME or NAMESPACE/NAME/VERSION");
    }
    if (wait != null && wait < 0) {
      throw new ParameterException(spec.commandLine(), "--wait takes seconds, 0 or more");
    }
    byte[] body =
        input == null
            ? null
            : JsonArgument.read(spec, "--input", input).toString().getBytes(StandardCharsets.UTF_8);
    String path =
        "/api/v1/workflows/"
            + ApiClient.segment(parts[0])
            + "/"
            + ApiClient.segment(parts[1])
            + "/"
            + ApiClient.segment(parts.length == 3 ? parts[2] : "latest")
            + "/instances"
            + (id == null ? "" : "?id=" + ApiClient.segment(id));
    JsonNode started = api.post(path, body == null ? null : "application/json", body).body();
    String startedId = started.path("id").asText();
    if (wait == null) {
      if (out.json()) {
        out.printJson(started);
      } else {
        out.println(startedId);
      }
      return 0;
    }
    JsonNode view = Waiting.untilEnded(api, startedId, wait);
    if (out.json()) {
      out.printJson(view);
    } else {
      out.instance(view);
    }
    return switch (view.path("status").asText()) {
      case "completed" -> 0;
      case "faulted", "cancelled" -> API_ERROR;
      default -> {
        spec.commandLine()
            .getErr()
            .println(
                prefix()
                    + startedId
                    + " is still "
                    + view.path("status").asText()
                    + " after "
                    + wait
                    + " s");
        yield STILL_RUNNING;
      }
    };
  }
}
