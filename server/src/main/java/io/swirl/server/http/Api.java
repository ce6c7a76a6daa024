package io.swirl.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.interpreter.SlwfRuntime;
import io.swirl.server.http.definitions.DefinitionCatalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * What every route handler shares: the engine, the DSL runtime, the definition catalog, and the two
 * rules of the server — blocking work (every store and client call) runs on a worker, never on the
 * event loop, and answers are JSON.
 */
public final class Api {

  private final Vertx vertx;
  private final Engine engine;
  private final SlwfRuntime slwf;
  private final DefinitionCatalog definitions;

  public Api(Vertx vertx, Engine engine, SlwfRuntime slwf, DefinitionCatalog definitions) {
    this.vertx = vertx;
    this.engine = engine;
    this.slwf = slwf;
    this.definitions = definitions;
  }

  public Vertx vertx() {
    return vertx;
  }

  public EngineClient client() {
    return engine.client();
  }

  public Engine engine() {
    return engine;
  }

  public SlwfRuntime slwf() {
    return slwf;
  }

  public DefinitionCatalog definitions() {
    return definitions;
  }

  public ObjectMapper mapper() {
    return engine.mapper();
  }

  /** Runs {@code work} on a worker thread; unordered, so slow requests do not queue others. */
  public <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  /**
   * Runs {@code work} on a worker and answers with its result as JSON and {@code status}; a failure
   * goes to the failure handler.
   */
  public <T> void respond(RoutingContext ctx, int status, Callable<T> work) {
    blocking(work).onSuccess(body -> json(ctx, status, body)).onFailure(ctx::fail);
  }

  /** Ends the request with {@code body} encoded as JSON (no body when it is null). */
  public void json(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status);
    if (body == null) {
      ctx.response().end();
      return;
    }
    try {
      String encoded =
          body instanceof JsonObject o
              ? o.encode()
              : body instanceof JsonArray a ? a.encode() : mapper().writeValueAsString(body);
      ctx.response().putHeader("Content-Type", "application/json").end(encoded);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
