package io.swirl.server.cli;

import io.swirl.engine.store.StoreUrl;
import io.swirl.server.http.SwirlServer;
import io.swirl.server.http.SwirlServer.Settings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code swirl server}: runs the HTTP API until SIGTERM or Ctrl-C. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Run the Swirl server (HTTP API, engine, schedulers).")
final class ServerCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "${env:SWIRL_PORT:-8080}",
      description = "HTTP port (env SWIRL_PORT; default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:SWIRL_HOST:-0.0.0.0}",
      description = "Address to listen on (env SWIRL_HOST; default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--store",
      defaultValue = "${env:SWIRL_STORE:-" + StoreUrl.DEFAULT + "}",
      description =
          "Store URL: sqlite:PATH or postgresql://user@host:port/db "
              + "(env SWIRL_STORE; default ${DEFAULT-VALUE}).")
  String store;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    StoreUrl storeUrl;
    try {
      storeUrl = StoreUrl.parse(store);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("swirl server: " + e.getMessage());
      return 2;
    }
    SwirlServer server;
    try {
      server = SwirlServer.start(new Settings(host, port, storeUrl));
    } catch (IllegalStateException | UnsupportedOperationException e) {
      spec.commandLine().getErr().println("swirl server: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "swirl-shutdown"));
    stopped.await();
    return 0;
  }
}
