package io.swirl.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 7807 {@code application/problem+json} answers. */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {}

  /** Ends the request with a problem document; {@code detail} says what is wrong and where. */
  public static void send(RoutingContext ctx, int status, String title, String detail) {
    send(ctx, problem(status, title, detail).put("instance", ctx.request().path()));
  }

  /** Ends the request with the given problem document (its {@code status} is the HTTP status). */
  public static void send(RoutingContext ctx, JsonObject problem) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(problem.getInteger("status", 500))
        .putHeader("Content-Type", CONTENT_TYPE)
        .end(problem.encode());
  }

  /** A problem document with the standard members. */
  public static JsonObject problem(int status, String title, String detail) {
    JsonObject problem =
        new JsonObject().put("type", "about:blank").put("title", title).put("status", status);
    if (detail != null) {
      problem.put("detail", detail);
    }
    return problem;
  }
}
