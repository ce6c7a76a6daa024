package io.swirl.server.cli.client;

import io.swirl.server.cli.CliRun;
import io.swirl.server.cli.Main;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code swirl} verbs in-process through {@link Main}, with stdout and stderr captured. */
final class Cli {

  private final String server;

  Cli(String server) {
    this.server = server;
  }

  /** {@code swirl VERB ARGS... --server URL}. */
  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--server");
    all.add(server);
    return CliRun.exec(all.toArray(String[]::new));
  }
}
