package io.swirl.server.http;

import io.swirl.server.http.dapr.DaprRoutes;
import io.swirl.server.http.definitions.DefinitionRoutes;
import io.swirl.server.http.instances.InstanceRoutes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Assembles the HTTP API: health (always open), the optional token check, the body limit, one
 * router per resource, and the one failure handler that answers every error as a problem.
 */
final class Routes {

  private Routes() {}

  static Router router(Api api, SwirlServer.Settings settings) {
    Router router = Router.router(api.vertx());
    router.get("/health").handler(Routes::health);
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
    FailureHandler failures = new FailureHandler(settings.maxBodyBytes());
    router.route().failureHandler(failures::handle);
    router.errorHandler(404, failures::handle);
    router.errorHandler(405, failures::handle);
    router.errorHandler(500, failures::handle);
    return router;
  }

  private static void health(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "UP").encode());
  }
}
