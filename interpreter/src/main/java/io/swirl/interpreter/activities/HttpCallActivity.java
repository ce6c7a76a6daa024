package io.swirl.interpreter.activities;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.Activity;
import io.swirl.engine.ActivityContext;
import io.swirl.interpreter.SecretsProvider;
import java.net.URI;
import java.util.Map;

/**
 * {@code swirl.call.http}: sends the request the orchestrator rendered ({@code method}, {@code
 * endpoint.uri} already expanded, {@code headers}, {@code query}, {@code body}, {@code output},
 * {@code redirect}, {@code endpoint.authentication}) with {@code Idempotency-Key} set to the task's
 * stable key unless the definition sets that header.
 */
public final class HttpCallActivity implements Activity {

  private final HttpInvoker http;

  /**
   * @param hostOverrides hosts to send elsewhere (tests: a local stub)
   */
  public HttpCallActivity(SecretsProvider secrets, Map<String, URI> hostOverrides) {
    this.http =
        new HttpInvoker(
            new HostRewrite(hostOverrides),
            (client, hosts) -> new Authenticator(secrets, client, hosts));
  }

  HttpInvoker invoker() {
    return http;
  }

  @Override
  public Object run(ActivityContext ctx) throws Exception {
    JsonNode in = ctx.input();
    JsonNode endpoint = in.path("endpoint");
    return http.call(
        new HttpInvoker.Exchange(
            in.path("method").asText("get"),
            endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText(),
            in.get("headers"),
            in.get("query"),
            in.get("body"),
            in.path("output").asText("content"),
            in.path("redirect").asBoolean(false),
            endpoint.get("authentication"),
            in.path(AuthorizationSeal.REQUEST).asBoolean(false)),
        ctx.idempotencyKey());
  }
}
