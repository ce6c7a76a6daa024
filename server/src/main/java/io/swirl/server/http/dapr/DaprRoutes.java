package io.swirl.server.http.dapr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceIds;
import io.swirl.engine.InstanceNotFoundException;
import io.swirl.engine.InstanceState;
import io.swirl.engine.StartOptions;
import io.swirl.engine.store.DefinitionRecord;
import io.swirl.interpreter.SlwfRuntime;
import io.swirl.server.http.Api;
import io.swirl.server.http.ApiException;
import io.swirl.server.http.Bodies;
import io.swirl.server.http.instances.InstanceEvents;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Dapr's workflow HTTP API ({@code /v1.0} and {@code /v1.0-beta1}, component {@code dapr}), and the
 * sidecar calls a Dapr SDK makes before its first request (health, metadata), so a Dapr SDK's
 * workflow client pointed at Swirl works unchanged. A workflow name is a Java code workflow
 * registered on the engine or, failing that, the most recently registered SLWF definition with that
 * {@code document.name}.
 */
public final class DaprRoutes {

  private final Api api;

  private DaprRoutes(Api api) {
    this.api = api;
  }

  /** Adds the routes under both API versions to {@code router}. */
  public static void mount(Router router, Api api) {
    DaprRoutes routes = new DaprRoutes(api);
    for (String v : new String[] {"/v1.0", "/v1.0-beta1"}) {
      router.get(v + "/healthz").handler(ctx -> ctx.response().setStatusCode(204).end());
      router.get(v + "/healthz/outbound").handler(ctx -> ctx.response().setStatusCode(204).end());
      router.get(v + "/metadata").handler(routes::metadata);
      String base = v + "/workflows/dapr";
      router.post(base + "/:name/start").handler(routes::start);
      router.get(base + "/:id").handler(routes::get);
      router
          .post(base + "/:id/terminate")
          .handler(ctx -> routes.act(ctx, c -> id -> terminate(c, id)));
      router
          .post(base + "/:id/pause")
          .handler(ctx -> routes.act(ctx, c -> id -> c.suspend(id, "paused (Dapr API)")));
      router
          .post(base + "/:id/resume")
          .handler(ctx -> routes.act(ctx, c -> id -> c.resume(id, "resumed (Dapr API)")));
      router.post(base + "/:id/purge").handler(ctx -> routes.act(ctx, c -> c::purge));
      router.post(base + "/:id/raiseEvent/:eventName").handler(routes::raiseEvent);
    }
  }

  private static void terminate(EngineClient client, String id) {
    client.terminate(id, null, "terminated (Dapr API)");
  }

  private void metadata(RoutingContext ctx) {
    api.json(
        ctx,
        200,
        new JsonObject()
            .put("id", "swirl")
            .put("runtimeVersion", "swirl")
            .put("enabledFeatures", new JsonArray())
            .put("actors", new JsonArray())
            .put(
                "components",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("name", "dapr")
                            .put("type", "workflow.dapr")
                            .put("version", "v1")))
            .put("extended", new JsonObject()));
  }

  private void start(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    String requested = ctx.queryParams().get("instanceID");
    String id = requested == null || requested.isEmpty() ? null : InstanceIds.check(requested);
    String text = Bodies.text(ctx);
    JsonNode input = text.isBlank() ? null : Bodies.parseJson(text, "the workflow input");
    api.blocking(() -> start(name, input, id))
        .onSuccess(started -> api.json(ctx, 202, new JsonObject().put("instanceID", started)))
        .onFailure(ctx::fail);
  }

  private String start(String name, JsonNode input, String id) {
    try {
      return api.client().scheduleNew(name, input, StartOptions.withId(id));
    } catch (IllegalArgumentException unknownCodeWorkflow) {
      // The id was checked before, so the engine knows no code workflow by that name.
      DefinitionRecord d =
          api.definitions()
              .latestNamed(name)
              .orElseThrow(
                  () ->
                      ApiException.notFound(
                          "no workflow named '"
                              + name
                              + "': register a Java code workflow or an SLWF definition whose"
                              + " document.name is '"
                              + name
                              + "'"));
      api.definitions().ensureRunnable(d);
      return api.client()
          .scheduleNew(
              SlwfRuntime.orchestrationName(d.namespace(), d.name()),
              input == null ? JsonNodeFactory.instance.objectNode() : input,
              new StartOptions(id, d.version(), d.definitionHash(), null));
    }
  }

  private void get(RoutingContext ctx) {
    String id = InstanceIds.check(ctx.pathParam("id"));
    api.respond(
        ctx,
        200,
        () ->
            view(
                api.client().getInstance(id).orElseThrow(() -> new InstanceNotFoundException(id))));
  }

  /** Dapr's shape of an instance: payloads are JSON strings in {@code properties}. */
  private ObjectNode view(InstanceState state) {
    ObjectNode view = api.mapper().createObjectNode();
    view.put("instanceID", state.instanceId());
    int slash = state.name().indexOf('/');
    view.put("workflowName", slash < 0 ? state.name() : state.name().substring(slash + 1));
    view.put("createdAt", String.valueOf(state.createdAt()));
    view.put("lastUpdatedAt", String.valueOf(state.updatedAt()));
    view.put("runtimeStatus", state.status().name());
    ObjectNode properties = view.putObject("properties");
    properties.put("dapr.workflow.input", encode(state.input()));
    if (state.output() != null && !state.output().isNull()) {
      properties.put("dapr.workflow.output", encode(state.output()));
    }
    if (state.customStatus() != null && !state.customStatus().isNull()) {
      properties.put("dapr.workflow.custom_status", encode(state.customStatus()));
    }
    if (state.failure() != null) {
      properties.put("dapr.workflow.failure.error_type", state.failure().type());
      properties.put("dapr.workflow.failure.error_message", state.failure().message());
    }
    return view;
  }

  private String encode(JsonNode value) {
    try {
      return api.mapper().writeValueAsString(value == null ? TextNode.valueOf("") : value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void act(
      RoutingContext ctx, java.util.function.Function<EngineClient, Consumer<String>> op) {
    String id = InstanceIds.check(ctx.pathParam("id"));
    api.respond(
        ctx,
        202,
        () -> {
          op.apply(api.client()).accept(id);
          return null;
        });
  }

  private void raiseEvent(RoutingContext ctx) {
    String id = InstanceIds.check(ctx.pathParam("id"));
    String name = ctx.pathParam("eventName");
    String text = Bodies.text(ctx);
    JsonNode data = text.isBlank() ? null : Bodies.parseJson(text, "the event payload");
    api.respond(
        ctx,
        202,
        () -> {
          InstanceEvents.raise(api.client(), id, name, data, "application/json");
          return null;
        });
  }
}
