package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swirl list}: one page of instances, newest first ({@code GET /api/v1/instances}). */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List instances, newest first.",
      "A table of id, workflow, status and creation time.",
      "When there are more, the last line gives the --cursor of the next page.",
      "Exit status: 0 listed, 1 refused, 2 usage error, 3 server unreachable."
    })
public final class ListCommand extends ClientCommand {

  @Option(
      names = "--status",
      split = ",",
      paramLabel = "STATUS",
      description =
          "Only these statuses (comma-separated): pending, running, waiting, suspended,"
              + " cancelled, faulted, completed.")
  List<String> status = List.of();

  @Option(names = "--namespace", paramLabel = "NS", description = "Only this namespace.")
  String namespace;

  @Option(names = "--name", paramLabel = "NAME", description = "Only workflows of this name.")
  String name;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N instances on the page (1-1000; server default 50).")
  Integer limit;

  @Option(
      names = "--cursor",
      paramLabel = "CURSOR",
      description = "Continue after the page that printed this cursor.")
  String cursor;

  @Override
  int run(ApiClient api, Output out) {
    List<String> query = new ArrayList<>();
    if (!status.isEmpty()) {
      query.add("status=" + ApiClient.segment(String.join(",", status)));
    }
    add(query, "namespace", namespace);
    add(query, "name", name);
    add(query, "limit", limit == null ? null : limit.toString());
    add(query, "cursor", cursor);
    JsonNode page =
        api.get("/api/v1/instances" + (query.isEmpty() ? "" : "?" + String.join("&", query)))
            .body();
    if (out.json()) {
      out.printJson(page);
      return 0;
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode item : page.path("items")) {
      rows.add(
          List.of(
              item.path("id").asText(),
              Output.workflow(item.path("workflow")),
              item.path("status").asText(),
              item.path("createdAt").asText()));
    }
    if (rows.isEmpty()) {
      out.println("no instances");
    } else {
      out.table(List.of("ID", "WORKFLOW", "STATUS", "CREATED"), rows);
    }
    if (page.hasNonNull("nextCursor")) {
      out.println("more: --cursor " + page.path("nextCursor").asText());
    }
    return 0;
  }

  private static void add(List<String> query, String key, String value) {
    if (value != null && !value.isBlank()) {
      query.add(key + "=" + ApiClient.segment(value));
    }
  }
}
