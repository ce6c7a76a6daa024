package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The frame of every client verb: builds the client, runs the verb, and turns failures into the
 * verbs' shared exit status. 0 done, 1 the server refused (its problem on stderr), 2 usage error
 * (picocli's, from a {@link picocli.CommandLine.ParameterException}), 3 the server is unreachable.
 */
abstract class ClientCommand implements Callable<Integer> {

  static final int API_ERROR = 1;
  static final int UNREACHABLE = 3;

  @Spec CommandSpec spec;

  @Mixin ClientOptions options;

  /** Runs the verb; answers its exit status. */
  abstract int run(ApiClient api, Output out) throws Exception;

  @Override
  public final Integer call() throws Exception {
    ApiClient api = options.client(spec);
    Output out = new Output(spec.commandLine().getOut(), options.json());
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(api, out);
    } catch (ApiError e) {
      printError(err, null, e);
      return API_ERROR;
    } catch (ServerUnreachableException e) {
      err.println(prefix() + e.getMessage());
      return UNREACHABLE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** "swirl VERB: ". */
  String prefix() {
    return spec.qualifiedName() + ": ";
  }

  /**
   * Prints a refusal on stderr: the problem JSON with {@code --json}, else its title, status and
   * detail, then each entry of a 422's {@code errors} as {@code [file:]line:column: message
   * [pointer]}.
   */
  void printError(PrintWriter err, String file, ApiError e) {
    JsonNode problem = e.problem();
    if (problem == null) {
      String body = e.rawBody() == null ? "" : e.rawBody().strip();
      err.println(
          prefix()
              + (file == null ? "" : file + ": ")
              + e.getMessage()
              + (body.isEmpty() ? "" : ": " + abbreviate(body)));
      return;
    }
    if (options.json()) {
      err.println(Output.pretty(problem));
      return;
    }
    String title = problem.path("title").asText("HTTP " + e.status());
    String detail = problem.path("detail").asText("");
    err.println(
        prefix()
            + (file == null ? "" : file + ": ")
            + title
            + " ("
            + e.status()
            + ")"
            + (detail.isEmpty() ? "" : ": " + detail));
    for (JsonNode error : problem.path("errors")) {
      StringBuilder line = new StringBuilder("  ");
      if (file != null) {
        line.append(file).append(':');
      }
      if (error.hasNonNull("line")) {
        line.append(error.path("line").asInt()).append(':');
        line.append(error.path("column").asInt()).append(':');
      }
      line.append(line.length() > 2 ? " " : "").append(error.path("message").asText());
      if (error.hasNonNull("pointer")) {
        line.append(" [").append(error.path("pointer").asText()).append(']');
      }
      err.println(line);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
