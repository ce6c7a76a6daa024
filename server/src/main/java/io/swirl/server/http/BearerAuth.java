package io.swirl.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Optional bearer-token check ({@code SWIRL_API_TOKEN}): every API route requires {@code
 * Authorization: Bearer <token>}. Dapr SDKs send the sidecar token as {@code dapr-api-token}, which
 * is accepted too, so a Dapr client configured with the same token works unchanged.
 */
public final class BearerAuth implements Handler<RoutingContext> {

  private final byte[] token;

  public BearerAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().path().endsWith("/healthz") || ctx.request().path().endsWith("/outbound")) {
      ctx.next(); // a sidecar's liveness checks are open, as Dapr's are
      return;
    }
    String authorization = ctx.request().getHeader("Authorization");
    String given = null;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = authorization.substring(7).trim();
    } else if (ctx.request().getHeader("dapr-api-token") != null) {
      given = ctx.request().getHeader("dapr-api-token");
    }
    if (given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"swirl\"");
    ctx.fail(
        new ApiException(
            401,
            "Unauthorized",
            given == null
                ? "this server requires a token: send the header 'Authorization: Bearer <token>'"
                : "the bearer token is not the one this server was started with (SWIRL_API_TOKEN)",
            null));
  }
}
