package io.swirl.server.http.definitions;

import io.swirl.engine.store.DefinitionRecord;
import io.swirl.engine.store.Store;
import io.swirl.server.http.Api;
import io.swirl.server.http.ApiException;
import io.swirl.server.http.Bodies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** {@code /api/v1/workflows}: register, list, read and delete definitions. */
public final class DefinitionRoutes {

  private static final Set<String> YAML =
      Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");

  private final Api api;

  private DefinitionRoutes(Api api) {
    this.api = api;
  }

  /** Adds the routes to {@code router}. */
  public static void mount(Router router, Api api) {
    DefinitionRoutes routes = new DefinitionRoutes(api);
    router.post("/api/v1/workflows").handler(routes::register);
    router.get("/api/v1/workflows").handler(routes::list);
    router.get("/api/v1/workflows/:namespace/:name/:version").handler(routes::get);
    router.delete("/api/v1/workflows/:namespace/:name/:version").handler(routes::delete);
  }

  /** The path of a definition. */
  public static String location(DefinitionRecord d) {
    return "/api/v1/workflows/" + d.namespace() + "/" + d.name() + "/" + d.version();
  }

  private void register(RoutingContext ctx) {
    String type = Bodies.mediaType(ctx);
    boolean json = Bodies.isJson(type);
    if (type == null || !json && !YAML.contains(type) && !type.endsWith("+yaml")) {
      throw ApiException.unsupportedMediaType(
          (type == null ? "the request has no Content-Type" : "Content-Type '" + type + "'")
              + " is not a definition format; send application/yaml, text/yaml or"
              + " application/json");
    }
    String source = Bodies.text(ctx);
    if (source.isBlank()) {
      throw ApiException.badRequest("the request body is empty; send a workflow definition");
    }
    if (json) {
      Bodies.parseJson(source, "the definition"); // YAML sent as JSON is refused, not guessed
    }
    String mediaType = json ? "application/json" : "application/yaml";
    api.blocking(() -> api.definitions().register(source, mediaType))
        .onSuccess(
            registered -> {
              DefinitionRecord d = registered.definition();
              JsonObject body =
                  summary(d).put("warnings", DefinitionCatalog.diagnostics(registered.warnings()));
              if (registered.created()) {
                ctx.response().putHeader("Location", location(d));
              }
              api.json(ctx, registered.created() ? 201 : 200, body);
            })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    api.respond(
        ctx,
        200,
        () -> {
          JsonArray items = new JsonArray();
          api.definitions().list().forEach(d -> items.add(summary(d)));
          return new JsonObject().put("items", items);
        });
  }

  private void get(RoutingContext ctx) {
    String namespace = ctx.pathParam("namespace");
    String name = ctx.pathParam("name");
    String version = ctx.pathParam("version");
    api.blocking(() -> require(namespace, name, version))
        .onSuccess(
            d ->
                ctx.response()
                    .putHeader(
                        "Content-Type", d.mediaType() == null ? "application/yaml" : d.mediaType())
                    .putHeader("X-Definition-Hash", d.definitionHash())
                    .end(d.source()))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    String namespace = ctx.pathParam("namespace");
    String name = ctx.pathParam("name");
    String version = ctx.pathParam("version");
    if (DefinitionCatalog.LATEST.equals(version)) {
      throw ApiException.badRequest(
          "name the version to delete; 'latest' is only for reading and starting");
    }
    api.respond(
        ctx,
        204,
        () -> {
          Store.DeleteResult result = api.definitions().delete(namespace, name, version);
          return switch (result) {
            case DELETED -> null;
            case NOT_FOUND -> throw notFound(namespace, name, version);
            case IN_USE ->
                throw ApiException.conflict(
                    "workflow "
                        + namespace
                        + "/"
                        + name
                        + " version "
                        + version
                        + " has instances that have not ended; cancel them or wait for them,"
                        + " then delete it");
          };
        });
  }

  private DefinitionRecord require(String namespace, String name, String version) {
    return api.definitions()
        .find(namespace, name, version)
        .orElseThrow(() -> notFound(namespace, name, version));
  }

  /** 404 for a definition that is not registered. */
  public static ApiException notFound(String namespace, String name, String version) {
    return ApiException.notFound(
        "no workflow "
            + namespace
            + "/"
            + name
            + " version "
            + version
            + " is registered; GET /api/v1/workflows lists them");
  }

  private static JsonObject summary(DefinitionRecord d) {
    return new JsonObject()
        .put("namespace", d.namespace())
        .put("name", d.name())
        .put("version", d.version())
        .put("definitionHash", d.definitionHash())
        .put("createdAt", d.createdAt() == null ? null : d.createdAt().toString());
  }
}
