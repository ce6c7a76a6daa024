package io.swirl.server.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What the client verbs print on stdout: the server's JSON with {@code --json}, else text. */
final class Output {

  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintWriter out;
  private final boolean json;

  Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  void println(String line) {
    out.println(line);
  }

  /** Prints {@code answer} as indented JSON ({@code null} as {@code null}). */
  void printJson(JsonNode answer) {
    out.println(pretty(answer));
  }

  void flush() {
    out.flush();
  }

  static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line of JSON, {@code null} for a missing node. */
  static String compact(JsonNode node) {
    return node == null || node.isMissingNode() ? "null" : node.toString();
  }

  /** {@code ns/name version}, or {@code name version} for a code workflow. */
  static String workflow(JsonNode workflow) {
    String namespace = workflow.path("namespace").asText("");
    String name = workflow.path("name").asText("");
    String version = workflow.path("version").asText("");
    return (namespace.isEmpty() ? "" : namespace + "/")
        + name
        + (version.isEmpty() ? "" : " " + version);
  }

  /** The text form of an instance view ({@code GET /api/v1/instances/{id}}), one field a line. */
  void instance(JsonNode view) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"id", view.path("id").asText()});
    rows.add(new String[] {"workflow", workflow(view.path("workflow"))});
    rows.add(new String[] {"status", view.path("status").asText()});
    rows.add(new String[] {"created", view.path("createdAt").asText()});
    rows.add(new String[] {"updated", view.path("updatedAt").asText()});
    if (view.hasNonNull("completedAt")) {
      rows.add(new String[] {"ended", view.path("completedAt").asText()});
    }
    rows.add(new String[] {"input", compact(view.get("input"))});
    if (view.hasNonNull("output")) {
      rows.add(new String[] {"output", compact(view.get("output"))});
    }
    if (view.hasNonNull("error")) {
      rows.add(new String[] {"error", problem(view.get("error"))});
    }
    for (String[] row : rows) {
      out.printf("%-9s %s%n", row[0] + ":", row[1]);
    }
  }

  /** A workflow error in one line: {@code title (status, type): detail at /pointer}. */
  static String problem(JsonNode error) {
    StringBuilder text = new StringBuilder(error.path("title").asText("error"));
    List<String> facts = new ArrayList<>();
    if (error.hasNonNull("status")) {
      facts.add(error.path("status").asText());
    }
    if (error.hasNonNull("type")) {
      facts.add(error.path("type").asText());
    }
    if (!facts.isEmpty()) {
      text.append(" (").append(String.join(", ", facts)).append(')');
    }
    if (error.hasNonNull("detail")) {
      text.append(": ").append(error.path("detail").asText());
    }
    if (error.hasNonNull("instance")) {
      text.append(" at ").append(error.path("instance").asText());
    }
    return text.toString();
  }

  /** Rows under a header, each column as wide as its widest cell. */
  void table(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < widths.length - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(line);
    }
  }
}
