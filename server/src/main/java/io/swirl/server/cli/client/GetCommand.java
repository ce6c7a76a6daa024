package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code swirl get ID}: one instance ({@code GET /api/v1/instances/{id}}). */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Show an instance: status, workflow, times, input, output or error.",
      "Exit status: 0 shown, 1 refused (e.g. no such instance), 2 usage error,"
          + " 3 server unreachable."
    })
public final class GetCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The instance id.")
  String id;

  @Override
  int run(ApiClient api, Output out) {
    JsonNode view = api.get("/api/v1/instances/" + ApiClient.segment(id)).body();
    if (out.json()) {
      out.printJson(view);
    } else {
      out.instance(view);
    }
    return 0;
  }
}
