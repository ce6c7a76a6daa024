package io.swirl.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of {@code swirl ARGS...} through {@link Main}, stdout and stderr captured. */
public record CliRun(int exitCode, String out, String err) {

  public static final ObjectMapper JSON = new ObjectMapper();

  /** Runs {@code swirl ARGS...} as given. */
  public static CliRun exec(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Stdout as JSON. */
  public JsonNode json() {
    try {
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
