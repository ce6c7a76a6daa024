package io.swirl.server.http;

import io.swirl.server.http.dapr.DaprRoutes;
import io.swirl.server.http.definitions.DefinitionRoutes;
import io.swirl.server.http.events.EventRoutes;
import io.swirl.server.http.instances.InstanceRoutes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Assembles the HTTP API: request metrics, health, metrics and the OpenAPI document (always open),
 * the optional token check, the body limit, one router per resource, and the one failure handler
 * that answers every error as a problem.
 */
final class Routes {

  private Routes() {}

  /** Where the schemas module puts the OpenAPI document on the class path. */
  static final String OPENAPI_RESOURCE = "io/swirl/schemas/openapi.yaml";

  static Router router(Api api, SwirlServer.Settings settings, Metrics metrics) {
    Router router = Router.router(api.vertx());
    router.route().handler(metrics::record);
    router.get("/health").handler(Routes::health);
    router.get("/metrics").handler(metrics::scrape);
    String openapi = openapi();
    router
        .get("/openapi.yaml")
        .handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml").end(openapi));
    if (settings.apiToken() != null && !settings.apiToken().isEmpty()) {
      BearerAuth auth = new BearerAuth(settings.apiToken());
      router.route("/api/*").handler(auth);
      router.route("/v1.0/*").handler(auth);
      router.route("/v1.0-beta1/*").handler(auth);
    }
    router
        .route()
        .handler(
            BodyHandler.create(false)
                .setBodyLimit(settings.maxBodyBytes())
                .setHandleFileUploads(false));
    DefinitionRoutes.mount(router, api);
    InstanceRoutes.mount(router, api);
    DaprRoutes.mount(router, api);
    EventRoutes.mount(router, api);
    FailureHandler failures = new FailureHandler(settings.maxBodyBytes());
    router.route().failureHandler(failures::handle);
    router.errorHandler(404, failures::handle);
    router.errorHandler(405, failures::handle);
    router.errorHandler(500, failures::handle);
    metrics.learnRoutes(router);
    return router;
  }

  private static String openapi() {
    try (InputStream in = Routes.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void health(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "UP").encode());
  }
}
