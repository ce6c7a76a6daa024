package io.swirl.server.http;

import io.swirl.engine.Engine;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Swirl HTTP server: owns a Vert.x instance and the routes on it. */
public final class SwirlServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SwirlServer.class);

  /** What the server listens on and which store it uses. */
  public record Settings(String host, int port, StoreUrl store) {}

  private final Vertx vertx;
  private final HttpServer http;
  private final Engine engine;

  private SwirlServer(Vertx vertx, HttpServer http, Engine engine) {
    this.vertx = vertx;
    this.http = http;
    this.engine = engine;
  }

  /**
   * Opens the store, starts the engine and the HTTP server, and waits until it listens; port 0
   * picks a free port.
   */
  public static SwirlServer start(Settings settings) throws Exception {
    Engine engine = Engine.builder(Stores.open(settings.store())).build().start();
    Vertx vertx = Vertx.vertx();
    try {
      Router router = router(vertx);
      HttpServer http =
          await(
              vertx
                  .createHttpServer()
                  .requestHandler(router)
                  .listen(settings.port(), settings.host()));
      LOG.info(
          "Swirl listening on http://{}:{} with store {}",
          settings.host(),
          http.actualPort(),
          settings.store().display());
      return new SwirlServer(vertx, http, engine);
    } catch (Exception e) {
      await(vertx.close());
      engine.close();
      throw e;
    }
  }

  static Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.get("/health").handler(SwirlServer::health);
    router
        .route()
        .last()
        .handler(
            ctx ->
                Problems.send(
                    ctx,
                    404,
                    "Not Found",
                    "no route for " + ctx.request().method() + " " + ctx.request().path()));
    router.errorHandler(
        405,
        ctx ->
            Problems.send(
                ctx,
                405,
                "Method Not Allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
    router.errorHandler(500, SwirlServer::internalError);
    return router;
  }

  private static void health(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "UP").encode());
  }

  private static void internalError(RoutingContext ctx) {
    LOG.error("unexpected error on {}", ctx.request().path(), ctx.failure());
    Problems.send(ctx, 500, "Internal Server Error", "the server failed; see its log");
  }

  /** The port the server listens on. */
  public int port() {
    return http.actualPort();
  }

  /** The engine behind the API. */
  public Engine engine() {
    return engine;
  }

  /** Stops accepting requests, then stops the engine and closes the store. */
  @Override
  public void close() {
    try {
      await(vertx.close());
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
