package io.swirl.server.cli;

import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.postgres.PostgresOptions;
import io.swirl.interpreter.HttpEventSink;
import io.swirl.server.http.SwirlServer;
import io.swirl.server.http.SwirlServer.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
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

  @Option(
      names = "--pg-pool-size",
      description =
          "PostgreSQL store: connections in the pool (env SWIRL_PG_POOL_SIZE; default 8).")
  Integer pgPoolSize;

  @Option(
      names = "--pg-connect-timeout-ms",
      description =
          "PostgreSQL store: how long opening a connection may take "
              + "(env SWIRL_PG_CONNECT_TIMEOUT_MS; default 10000).")
  Long pgConnectTimeoutMs;

  @Option(
      names = "--pg-idle-timeout-ms",
      description =
          "PostgreSQL store: how long an unused pooled connection is kept, 0 = forever "
              + "(env SWIRL_PG_IDLE_TIMEOUT_MS; default 300000).")
  Long pgIdleTimeoutMs;

  @Option(
      names = "--pg-query-timeout-ms",
      description =
          "PostgreSQL store: how long one store call may wait for the database "
              + "(env SWIRL_PG_QUERY_TIMEOUT_MS; default 30000).")
  Long pgQueryTimeoutMs;

  @Option(
      names = "--max-body-size",
      defaultValue = "${env:SWIRL_MAX_BODY_SIZE:-1m}",
      description =
          "Largest request body the API reads: bytes, or with k/m suffix, e.g. 512k "
              + "(env SWIRL_MAX_BODY_SIZE; default ${DEFAULT-VALUE}). "
              + "Set SWIRL_API_TOKEN to require 'Authorization: Bearer <token>' on the API.")
  String maxBodySize;

  @Option(
      names = "--event-retention",
      defaultValue = "${env:SWIRL_EVENT_RETENTION:-1h}",
      description =
          "How long an accepted event is remembered against duplicates and waits for a listen"
              + " that starts after it: 90s, 30m, 1h, 2d or ISO-8601 like PT1H"
              + " (env SWIRL_EVENT_RETENTION; default ${DEFAULT-VALUE}).")
  String eventRetention;

  @Option(
      names = "--event-sink",
      defaultValue = "${env:SWIRL_EVENT_SINK}",
      description =
          "URL that emitted CloudEvents are POSTed to (structured JSON); unset: they are logged"
              + " (env SWIRL_EVENT_SINK).")
  String eventSink;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * A duration from {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT1H}).
   */
  static Duration parseDuration(String text, String option) {
    String value = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      Duration parsed;
      if (value.startsWith("p")) {
        parsed = Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
      } else {
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        parsed =
            switch (value.charAt(value.length() - 1)) {
              case 's' -> Duration.ofSeconds(amount);
              case 'm' -> Duration.ofMinutes(amount);
              case 'h' -> Duration.ofHours(amount);
              case 'd' -> Duration.ofDays(amount);
              default -> throw new IllegalArgumentException();
            };
      }
      if (!parsed.isNegative() && !parsed.isZero()) {
        return parsed;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        option + " '" + text + "' is not a positive duration; use e.g. 90s, 30m, 1h, 2d or PT1H");
  }

  /** An http(s) URL, or null when {@code text} is empty. */
  static URI parseSink(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(text.trim());
      if (HttpEventSink.isTarget(uri)) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        "--event-sink '" + text + "' is not an http(s) URL, e.g. http://localhost:9000/events");
  }

  /** Bytes from {@code 1048576}, {@code 512k}, {@code 1m} or {@code 1mb} (case-insensitive). */
  static long parseSize(String text) {
    String value = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (value.endsWith("b")) {
      value = value.substring(0, value.length() - 1);
    }
    long unit = 1;
    if (value.endsWith("k")) {
      unit = 1024;
    } else if (value.endsWith("m")) {
      unit = 1024 * 1024;
    }
    String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
    try {
      long size = Long.parseLong(digits.trim()) * unit;
      if (size > 0) {
        return size;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        "--max-body-size '" + text + "' is not a size; use bytes or a k/m suffix, e.g. 512k");
  }

  /** Hands the PostgreSQL options to the store, which reads them as system properties. */
  private void applyPostgresOptions() {
    setIfGiven(PostgresOptions.POOL_SIZE, pgPoolSize);
    setIfGiven(PostgresOptions.CONNECT_TIMEOUT_MS, pgConnectTimeoutMs);
    setIfGiven(PostgresOptions.IDLE_TIMEOUT_MS, pgIdleTimeoutMs);
    setIfGiven(PostgresOptions.QUERY_TIMEOUT_MS, pgQueryTimeoutMs);
  }

  private static void setIfGiven(String name, Number value) {
    if (value != null) {
      System.setProperty(name, value.toString());
    }
  }

  @Override
  public Integer call() throws Exception {
    StoreUrl storeUrl;
    try {
      storeUrl = StoreUrl.parse(store);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("swirl server: " + e.getMessage());
      return 2;
    }
    long maxBodyBytes;
    Duration retention;
    URI sink;
    try {
      maxBodyBytes = parseSize(maxBodySize);
      retention = parseDuration(eventRetention, "--event-retention");
      sink = parseSink(eventSink);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("swirl server: " + e.getMessage());
      return 2;
    }
    applyPostgresOptions();
    SwirlServer server;
    try {
      server =
          SwirlServer.start(
              new Settings(
                  host,
                  port,
                  storeUrl,
                  maxBodyBytes,
                  System.getenv("SWIRL_API_TOKEN"),
                  retention,
                  sink));
    } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
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
