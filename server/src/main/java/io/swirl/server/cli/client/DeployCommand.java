package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code swirl deploy FILE...}: registers definitions ({@code POST /api/v1/workflows}). */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Register workflow definitions with a Swirl server.",
      "POST /api/v1/workflows for each FILE.",
      "Each file is sent as application/yaml (.yaml, .yml) or application/json (.json) and"
          + " printed as 'created|unchanged NS/NAME VERSION'; a refused file is reported with"
          + " its errors and the others are still sent.",
      "Exit status: 0 all registered, 1 any refused, 2 usage error, 3 server unreachable."
    })
public final class DeployCommand extends ClientCommand {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Definitions (YAML or JSON).")
  List<Path> files;

  @Override
  int run(ApiClient api, Output out) throws IOException {
    for (Path file : files) {
      contentType(file); // every usage error before the first request
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "no such file: " + file);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    int refused = 0;
    for (Path file : files) {
      ApiClient.Answer answer;
      try {
        answer = api.post("/api/v1/workflows", contentType(file), Files.readAllBytes(file));
      } catch (ApiError e) {
        printError(err, file.toString(), e);
        refused++;
        continue;
      }
      JsonNode body = answer.body();
      if (out.json()) {
        out.printJson(body);
        continue;
      }
      out.println(
          (answer.status() == 201 ? "created" : "unchanged")
              + " "
              + body.path("namespace").asText()
              + "/"
              + body.path("name").asText()
              + " "
              + body.path("version").asText());
      for (JsonNode warning : body.path("warnings")) {
        err.println(
            file
                + ":"
                + warning.path("line").asInt()
                + ":"
                + warning.path("column").asInt()
                + ": warning: "
                + warning.path("message").asText()
                + " ["
                + warning.path("pointer").asText()
                + "]");
      }
    }
    return refused == 0 ? 0 : API_ERROR;
  }

  private String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return "application/yaml";
    }
    if (name.endsWith(".json")) {
      return "application/json";
    }
    throw new ParameterException(
        spec.commandLine(),
        file + ": name a .yaml, .yml or .json file (the extension says how to send it)");
  }
}
