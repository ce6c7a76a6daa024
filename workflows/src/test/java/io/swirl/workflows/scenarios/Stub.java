package io.swirl.workflows.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Local stand-ins for the services a scenario calls: a real Vert.x HTTP server on a free port that
 * answers JSON from per-route handlers and records every request it got.
 */
final class Stub implements AutoCloseable {

  /** One request as the stub received it. */
  record Call(String method, String path, Map<String, String> params, JsonNode body) {
    String param(String name) {
      return params.get(name);
    }

    @Override
    public String toString() {
      return method + " " + path + (body == null ? "" : " " + body);
    }
  }

  /** An answer: a status and a JSON body (any Jackson-serializable value, or null). */
  record Reply(int status, Object body) {
    static Reply ok(Object body) {
      return new Reply(200, body);
    }

    static Reply status(int status, Object body) {
      return new Reply(status, body);
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final Router router = Router.router(vertx);
  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  Stub() throws Exception {
    router.route().handler(BodyHandler.create());
    server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  /** The base URL of a service the stub plays, e.g. {@code url("/bank-a")}. */
  String url(String prefix) {
    return "http://127.0.0.1:" + server.actualPort() + prefix;
  }

  /** Answers {@code method path} (Vert.x path syntax, {@code :param}) with {@code handler}. */
  Stub on(String method, String path, Function<Call, Reply> handler) {
    return onAsync(method, path, call -> CompletableFuture.completedFuture(handler.apply(call)));
  }

  /** Like {@link #on}, answering when the stage completes (to hold a request open). */
  Stub onAsync(String method, String path, Function<Call, CompletionStage<Reply>> handler) {
    router.route(HttpMethod.valueOf(method), path).handler(ctx -> answer(ctx, handler));
    return this;
  }

  /** Answers after {@code millis}, counting the request as in flight meanwhile. */
  Stub onSlow(String method, String path, long millis, Function<Call, Reply> handler) {
    return onAsync(
        method,
        path,
        call -> {
          CompletableFuture<Reply> later = new CompletableFuture<>();
          vertx.setTimer(millis, t -> later.complete(handler.apply(call)));
          return later;
        });
  }

  private void answer(RoutingContext ctx, Function<Call, CompletionStage<Reply>> handler) {
    Buffer raw = ctx.body().buffer();
    JsonNode body = raw == null || raw.length() == 0 ? null : Swirl.json(raw.toString());
    Call call =
        new Call(ctx.request().method().name(), ctx.request().path(), ctx.pathParams(), body);
    synchronized (calls) {
      calls.add(call);
    }
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    handler
        .apply(call)
        .whenComplete(
            (reply, error) -> {
              inFlight.decrementAndGet();
              if (error != null) {
                ctx.response().setStatusCode(500).end(String.valueOf(error));
                return;
              }
              String json;
              try {
                json = Swirl.JSON.writeValueAsString(reply.body());
              } catch (Exception e) {
                ctx.response().setStatusCode(500).end(e.toString());
                return;
              }
              ctx.response()
                  .setStatusCode(reply.status())
                  .putHeader("Content-Type", "application/json")
                  .end(json);
            });
  }

  /** Every request so far, in arrival order. */
  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** The requests so far to paths starting with {@code prefix}, as {@code "POST /path"}. */
  List<String> requests(String prefix) {
    return calls().stream()
        .filter(c -> c.path().startsWith(prefix))
        .map(c -> c.method() + " " + c.path())
        .toList();
  }

  /** The most requests that were being answered at the same time. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
