package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** An option value that is inline JSON or {@code @FILE} naming a JSON file. */
final class JsonArgument {

  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonArgument() {}

  /**
   * Parses {@code value} as the value of {@code option}.
   *
   * @throws ParameterException (a usage error, exit 2) when the file is missing or the text is not
   *     one JSON value
   */
  static JsonNode read(CommandSpec spec, String option, String value) {
    String text;
    String source;
    if (value.startsWith("@")) {
      Path file = Path.of(value.substring(1));
      source = "file " + file;
      try {
        text = Files.readString(file);
      } catch (NoSuchFileException e) {
        throw new ParameterException(spec.commandLine(), option + ": no such file: " + file);
      } catch (IOException e) {
        throw new ParameterException(
            spec.commandLine(), option + ": cannot read " + file + ": " + e.getMessage());
      }
    } else {
      source = "'" + value + "'";
      text = value;
    }
    try {
      JsonNode node = STRICT.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new ParameterException(spec.commandLine(), option + ": " + source + " is empty");
      }
      return node;
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new ParameterException(
          spec.commandLine(),
          option
              + ": "
              + source
              + " is not JSON ("
              + reason
              + "); give JSON such as '{\"a\":1}' or @FILE");
    }
  }
}
