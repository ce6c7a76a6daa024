package io.swirl.server.http.instances;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swirl.engine.InstanceIds;
import io.swirl.engine.InstanceNotFoundException;
import io.swirl.engine.InstanceState;
import io.swirl.engine.StartOptions;
import io.swirl.engine.store.DefinitionRecord;
import io.swirl.engine.store.InstancePage;
import io.swirl.interpreter.SlwfRuntime;
import io.swirl.interpreter.WorkflowPhase;
import io.swirl.server.http.Api;
import io.swirl.server.http.ApiException;
import io.swirl.server.http.Bodies;
import io.swirl.server.http.definitions.DefinitionRoutes;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code /api/v1/instances} and starting instances of a registered definition. */
public final class InstanceRoutes {

  /** The longest {@code ?wait=} a client may ask for, in seconds. */
  static final int MAX_WAIT_SECONDS = 3600;

  private final Api api;

  private InstanceRoutes(Api api) {
    this.api = api;
  }

  /** Adds the routes to {@code router}. */
  public static void mount(Router router, Api api) {
    InstanceRoutes routes = new InstanceRoutes(api);
    router.post("/api/v1/workflows/:namespace/:name/:version/instances").handler(routes::start);
    router.get("/api/v1/instances").handler(new InstanceListing(api)::list);
    router.get("/api/v1/instances/:id").handler(routes::get);
    router.delete("/api/v1/instances/:id").handler(routes::purge);
    router.get("/api/v1/instances/:id/history").handler(routes::history);
    router.post("/api/v1/instances/:id/suspend").handler(routes::suspend);
    router.post("/api/v1/instances/:id/resume").handler(routes::resume);
    router.post("/api/v1/instances/:id/cancel").handler(routes::cancel);
    router.post("/api/v1/instances/:id/events/:name").handler(routes::raise);
  }

  private void start(RoutingContext ctx) {
    String namespace = ctx.pathParam("namespace");
    String name = ctx.pathParam("name");
    String version = ctx.pathParam("version");
    String id = ctx.queryParams().get("id");
    if (id != null) {
      InstanceIds.check(id);
    }
    JsonNode input = Bodies.jsonOrEmptyObject(ctx);
    api.blocking(
            () -> {
              DefinitionRecord d =
                  api.definitions()
                      .find(namespace, name, version)
                      .orElseThrow(() -> DefinitionRoutes.notFound(namespace, name, version));
              api.definitions().ensureRunnable(d);
              return api.client()
                  .scheduleNew(
                      SlwfRuntime.orchestrationName(d.namespace(), d.name()),
                      input,
                      new StartOptions(id, d.version(), d.definitionHash(), null));
            })
        .onSuccess(
            started -> {
              ctx.response().putHeader("Location", "/api/v1/instances/" + started);
              ObjectNode body = api.mapper().createObjectNode();
              body.put("id", started).put("status", WorkflowPhase.PENDING.label());
              api.json(ctx, 202, body);
            })
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String id = InstanceIds.check(ctx.pathParam("id"));
    int waitSeconds = waitSeconds(ctx.queryParams().get("wait"));
    if (waitSeconds == 0) {
      api.respond(ctx, 200, () -> view(id));
      return;
    }
    // Long poll: the engine's future completes without holding a thread; a timer bounds it.
    Context context = api.vertx().getOrCreateContext();
    api.blocking(() -> api.client().whenTerminal(id))
        .onSuccess(
            terminal -> {
              long timer =
                  api.vertx()
                      .setTimer(
                          waitSeconds * 1000L,
                          t -> terminal.cancel(false)); // wakes the answer below
              terminal.whenComplete(
                  (state, error) ->
                      context.runOnContext(
                          v -> {
                            api.vertx().cancelTimer(timer);
                            api.respond(ctx, 200, () -> view(id));
                          }));
            })
        .onFailure(ctx::fail);
  }

  private ObjectNode view(String id) {
    InstanceState state =
        api.client().getInstance(id).orElseThrow(() -> new InstanceNotFoundException(id));
    return InstanceView.of(api.mapper(), state, InstanceView.phase(api.client(), state));
  }

  static int waitSeconds(String value) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      int seconds = Integer.parseInt(value);
      if (seconds >= 0 && seconds <= MAX_WAIT_SECONDS) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "query parameter wait='" + value + "' must be whole seconds from 0 to " + MAX_WAIT_SECONDS);
  }

  private void history(RoutingContext ctx) {
    String id = InstanceIds.check(ctx.pathParam("id"));
    api.respond(
        ctx,
        200,
        () -> {
          var records = api.client().getHistory(id);
          if (records.isEmpty() && api.client().getInstance(id).isEmpty()) {
            throw new InstanceNotFoundException(id);
          }
          return InstanceView.history(api.mapper(), id, records);
        });
  }

  private void suspend(RoutingContext ctx) {
    control(ctx, "suspend", id -> api.client().suspend(id, "suspended over HTTP"));
  }

  private void resume(RoutingContext ctx) {
    control(ctx, "resume", id -> api.client().resume(id, "resumed over HTTP"));
  }

  private void cancel(RoutingContext ctx) {
    control(ctx, "cancel", id -> api.client().terminate(id, null, "cancelled over HTTP"));
  }

  private void control(RoutingContext ctx, String action, java.util.function.Consumer<String> op) {
    String id = InstanceIds.check(ctx.pathParam("id"));
    api.respond(
        ctx,
        202,
        () -> {
          op.accept(id);
          return accepted(id, action);
        });
  }

  private ObjectNode accepted(String id, String action) {
    ObjectNode body = api.mapper().createObjectNode();
    body.put("id", id).put("accepted", action);
    return body;
  }

  private void raise(RoutingContext ctx) {
    String id = InstanceIds.check(ctx.pathParam("id"));
    String name = ctx.pathParam("name");
    String type = Bodies.mediaType(ctx);
    String text = Bodies.text(ctx);
    JsonNode data;
    if (text.isEmpty()) {
      data = null;
    } else if (type == null || Bodies.isJson(type)) {
      data = Bodies.parseJson(text, "the event payload");
    } else if (type.startsWith("text/")) {
      data = TextNode.valueOf(text);
    } else {
      throw ApiException.unsupportedMediaType(
          "Content-Type '"
              + type
              + "' is not accepted for an event; send application/json or text/*");
    }
    String dataType = type == null ? "application/json" : type;
    api.respond(
        ctx,
        202,
        () -> {
          InstanceEvents.raise(api.client(), id, name, data, dataType);
          return accepted(id, "event " + name);
        });
  }

  private void purge(RoutingContext ctx) {
    String id = InstanceIds.check(ctx.pathParam("id"));
    api.respond(
        ctx,
        204,
        () -> {
          api.client().purge(id);
          return null;
        });
  }

  /** Items of a page as views. */
  static ArrayNode items(Api api, InstancePage page, List<WorkflowPhase> only) {
    ArrayNode items = api.mapper().createArrayNode();
    for (InstanceState state : page.items()) {
      WorkflowPhase phase = InstanceView.phase(api.client(), state);
      if (only.isEmpty() || only.contains(phase)) {
        items.add(InstanceView.of(api.mapper(), state, phase));
      }
    }
    return items;
  }
}
