package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code swirl suspend|resume|cancel ID}: {@code POST
 * /api/v1/instances/{id}/suspend|resume|cancel}. The server answers 202 once the request is
 * durable; the instance acts on it shortly after.
 */
public final class InstanceControl {

  private InstanceControl() {}

  abstract static class Action extends ClientCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The instance id.")
    String id;

    abstract String action();

    @Override
    int run(ApiClient api, Output out) {
      JsonNode answer =
          api.post("/api/v1/instances/" + ApiClient.segment(id) + "/" + action(), null, null)
              .body();
      if (out.json()) {
        out.printJson(answer);
      } else {
        out.println(id + ": " + action() + " accepted");
      }
      return 0;
    }
  }

  /** {@code swirl suspend ID}. */
  @Command(
      name = "suspend",
      mixinStandardHelpOptions = true,
      description = {
        "Suspend an instance; it does nothing until resumed.",
        "Exit status: 0 accepted, 1 refused (e.g. 409: already suspended or ended), 2 usage"
            + " error, 3 server unreachable."
      })
  public static final class Suspend extends Action {
    @Override
    String action() {
      return "suspend";
    }
  }

  /** {@code swirl resume ID}. */
  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = {
        "Resume a suspended instance.",
        "Exit status: 0 accepted, 1 refused (e.g. 409: not suspended), 2 usage error,"
            + " 3 server unreachable."
      })
  public static final class Resume extends Action {
    @Override
    String action() {
      return "resume";
    }
  }

  /** {@code swirl cancel ID}. */
  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = {
        "Cancel an instance that has not ended; its status becomes cancelled.",
        "Exit status: 0 accepted, 1 refused (e.g. 409: already ended), 2 usage error,"
            + " 3 server unreachable."
      })
  public static final class Cancel extends Action {
    @Override
    String action() {
      return "cancel";
    }
  }
}
