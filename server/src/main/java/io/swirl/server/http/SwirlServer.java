package io.swirl.server.http;

import io.swirl.engine.Engine;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import io.swirl.interpreter.EventSink;
import io.swirl.interpreter.HttpEventSink;
import io.swirl.interpreter.SlwfRuntime;
import io.swirl.server.http.definitions.DefinitionCatalog;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Swirl HTTP server: owns a Vert.x instance, the engine with the DSL runtime installed, and the
 * routes. Java code workflows may be registered on {@link #engine()} before or after start (names
 * resolve when an instance starts).
 */
public final class SwirlServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SwirlServer.class);

  private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

  /** The default request body limit: 1 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /**
   * What the server listens on, which store it uses, the largest request body it reads, the bearer
   * token the API requires (null or empty: none), how long accepted events are remembered (their
   * keys, against duplicates) and wait for a {@code listen}, and where {@code emit} publishes
   * (null: to the log).
   */
  public record Settings(
      String host,
      int port,
      StoreUrl store,
      long maxBodyBytes,
      String apiToken,
      Duration eventRetention,
      URI eventSink) {

    public Settings {
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException(
            "the request body limit must be positive, not " + maxBodyBytes);
      }
      if (eventRetention == null || eventRetention.isNegative() || eventRetention.isZero()) {
        throw new IllegalArgumentException(
            "the event retention must be positive, not " + eventRetention);
      }
    }

    /** Default body limit, no token, default retention, events emitted to the log. */
    public Settings(String host, int port, StoreUrl store) {
      this(host, port, store, DEFAULT_MAX_BODY_BYTES, null);
    }

    /** Default retention, events emitted to the log. */
    public Settings(String host, int port, StoreUrl store, long maxBodyBytes, String apiToken) {
      this(host, port, store, maxBodyBytes, apiToken, SlwfRuntime.DEFAULT_EVENT_RETENTION, null);
    }

    public Settings withEventRetention(Duration value) {
      return new Settings(host, port, store, maxBodyBytes, apiToken, value, eventSink);
    }

    public Settings withEventSink(URI value) {
      return new Settings(host, port, store, maxBodyBytes, apiToken, eventRetention, value);
    }
  }

  private final Vertx vertx;
  private final HttpServer http;
  private final Engine engine;
  private final SlwfRuntime slwf;
  private final Api api;
  private final Metrics metrics;

  private SwirlServer(
      Vertx vertx, HttpServer http, Engine engine, SlwfRuntime slwf, Api api, Metrics metrics) {
    this.vertx = vertx;
    this.api = api;
    this.http = http;
    this.engine = engine;
    this.slwf = slwf;
    this.metrics = metrics;
  }

  /**
   * Opens the store, makes every stored definition runnable, starts the engine and the HTTP server,
   * and waits until it listens; port 0 picks a free port.
   */
  public static SwirlServer start(Settings settings) throws Exception {
    Engine engine = Engine.builder(Stores.open(settings.store())).build();
    Vertx vertx = null;
    Metrics metrics = null;
    try {
      SlwfRuntime slwf =
          SlwfRuntime.builder()
              .eventRetention(settings.eventRetention())
              .events(eventSink(settings))
              .build()
              .install(engine);
      DefinitionCatalog definitions =
          new DefinitionCatalog(engine.store(), slwf, Clock.systemUTC());
      engine.addResolver(definitions);
      int loaded = definitions.loadAll();
      engine.start();
      vertx = Vertx.vertx();
      Api api = new Api(vertx, engine, slwf, definitions);
      metrics = new Metrics(engine);
      forgetOldEvents(vertx, engine, settings.eventRetention());
      HttpServer http =
          await(
              vertx
                  // No h2c upgrade: the JDK's HttpClient asks for one by default and then stalls
                  // on larger answers (seen with /openapi.yaml); HTTP/1.1 serves every client.
                  .createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
                  .requestHandler(Routes.router(api, settings, metrics))
                  .listen(settings.port(), settings.host()));
      LOG.info(
          "Swirl listening on http://{}:{} with store {} ({} definitions loaded{})",
          settings.host(),
          http.actualPort(),
          settings.store().display(),
          loaded,
          settings.apiToken() == null || settings.apiToken().isEmpty()
              ? ""
              : ", bearer token required");
      return new SwirlServer(vertx, http, engine, slwf, api, metrics);
    } catch (Exception e) {
      if (vertx != null) {
        await(vertx.close());
      }
      if (metrics != null) {
        metrics.close();
      }
      engine.close();
      throw e;
    }
  }

  private static EventSink eventSink(Settings settings) {
    if (settings.eventSink() != null) {
      return new HttpEventSink(settings.eventSink());
    }
    Logger emitted = LoggerFactory.getLogger("io.swirl.emit");
    return event -> emitted.info("emitted {}", event);
  }

  /** Every minute (and now), drops the keys of events accepted longer ago than the retention. */
  private static void forgetOldEvents(Vertx vertx, Engine engine, Duration retention) {
    Handler<Long> forget =
        tick ->
            vertx
                .executeBlocking(
                    () -> engine.store().forgetEvents(Instant.now().minus(retention)), false)
                .onFailure(e -> LOG.warn("forgetting old events failed: {}", e.getMessage()));
    forget.handle(0L);
    vertx.setPeriodic(FORGET_EVERY.toMillis(), forget);
  }

  /** The port the server listens on. */
  public int port() {
    return http.actualPort();
  }

  /** The engine behind the API; register Java code workflows and activities on it. */
  public Engine engine() {
    return engine;
  }

  /** What the route handlers share (for tests that build a router). */
  Api api() {
    return api;
  }

  /** The DSL runtime installed on the engine. */
  public SlwfRuntime slwf() {
    return slwf;
  }

  /** Stops accepting requests, then stops the engine and closes the store. */
  @Override
  public void close() {
    try {
      await(vertx.close());
      metrics.close();
      engine.close();
      LOG.info("Swirl stopped");
    } catch (Exception e) {
      LOG.warn("Swirl did not stop cleanly", e);
    }
  }

  private static <T> T await(Future<T> future)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
