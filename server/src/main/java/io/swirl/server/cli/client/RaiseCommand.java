package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swirl raise ID EVENT}: {@code POST /api/v1/instances/{id}/events/{name}}. */
@Command(
    name = "raise",
    mixinStandardHelpOptions = true,
    description = {
      "Deliver an event to one instance's listen.",
      "A CloudEvent of type EVENT with --data as its data"
          + " (POST /api/v1/instances/{id}/events/{name}).",
      "Exit status: 0 accepted, 1 refused (e.g. no such instance), 2 usage error,"
          + " 3 server unreachable."
    })
public final class RaiseCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The instance id.")
  String id;

  @Parameters(index = "1", paramLabel = "EVENT", description = "The event type (name).")
  String event;

  @Option(
      names = "--data",
      paramLabel = "JSON|@FILE",
      description = "The event's data: inline JSON, or @FILE naming a JSON file (default none).")
  String data;

  @Override
  int run(ApiClient api, Output out) {
    byte[] body =
        data == null
            ? null
            : JsonArgument.read(spec, "--data", data).toString().getBytes(StandardCharsets.UTF_8);
    JsonNode answer =
        api.post(
                "/api/v1/instances/"
                    + ApiClient.segment(id)
                    + "/events/"
                    + ApiClient.segment(event),
                body == null ? null : "application/json",
                body)
            .body();
    if (out.json()) {
      out.printJson(answer);
    } else {
      out.println(id + ": event " + event + " accepted");
    }
    return 0;
  }
}
