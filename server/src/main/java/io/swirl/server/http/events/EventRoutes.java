package io.swirl.server.http.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.store.PublishedEvent;
import io.swirl.interpreter.EventRouter;
import io.swirl.server.http.Api;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code POST /api/v1/events}: accepts CloudEvents (structured, binary or batch), stores each with
 * its deliveries and the instances it starts in one transaction, and answers 202 once they are
 * committed. An event whose source and id were accepted before (within the retention) is a
 * duplicate: accepted again, changing nothing.
 */
public final class EventRoutes {

  private final Api api;
  private final Consumer<Boolean> accepted;
  private final EventRouter router = new EventRouter();

  private EventRoutes(Api api, Consumer<Boolean> accepted) {
    this.api = api;
    this.accepted = accepted;
  }

  /**
   * @param accepted told of each accepted event: whether it was a duplicate
   */
  public static void mount(Router router, Api api, Consumer<Boolean> accepted) {
    router.post("/api/v1/events").handler(new EventRoutes(api, accepted)::accept);
  }

  private void accept(RoutingContext ctx) {
    CloudEventBodies.Read read = CloudEventBodies.read(ctx);
    api.respond(
        ctx,
        202,
        () -> {
          List<WorkflowPlan> plans = api.definitions().plans();
          JsonArray answers = new JsonArray();
          for (JsonNode event : read.events()) {
            PublishedEvent.Result result = router.publish(api.client(), plans, event);
            accepted.accept(result.duplicate());
            answers.add(answer(event, result));
          }
          return read.batch() ? new JsonObject().put("events", answers) : answers.getJsonObject(0);
        });
  }

  private static JsonObject answer(JsonNode event, PublishedEvent.Result result) {
    return new JsonObject()
        .put("id", event.path("id").asText())
        .put("source", event.path("source").asText())
        .put("type", event.path("type").asText())
        .put("duplicate", result.duplicate())
        .put("delivered", result.delivered())
        .put("started", new JsonArray(List.copyOf(result.started())));
  }
}
