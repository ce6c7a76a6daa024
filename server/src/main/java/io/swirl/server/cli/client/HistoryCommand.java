package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code swirl history ID}: the durable history ({@code GET /api/v1/instances/{id}/history}). */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Print an instance's durable history, one event a line.",
      "Each line: sequence number, timestamp, event type and its members as JSON.",
      "Exit status: 0 printed, 1 refused (e.g. no such instance), 2 usage error,"
          + " 3 server unreachable."
    })
public final class HistoryCommand extends ClientCommand {

  private static final Set<String> COLUMNS = Set.of("seq", "timestamp", "type");

  @Parameters(index = "0", paramLabel = "ID", description = "The instance id.")
  String id;

  @Override
  int run(ApiClient api, Output out) {
    JsonNode history = api.get("/api/v1/instances/" + ApiClient.segment(id) + "/history").body();
    if (out.json()) {
      out.printJson(history);
      return 0;
    }
    for (JsonNode event : history.path("events")) {
      ObjectNode members = event.deepCopy();
      members.remove(COLUMNS);
      String line =
          String.format(
              "%4s  %s  %-20s  %s",
              event.path("seq").asText(),
              event.path("timestamp").asText(),
              event.path("type").asText(),
              members.isEmpty() ? "" : members.toString());
      out.println(line.stripTrailing());
    }
    return 0;
  }
}
