package io.swirl.server.http.instances;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.InstancePage;
import io.swirl.engine.store.InstanceQuery;
import io.swirl.interpreter.WorkflowPhase;
import io.swirl.server.http.Api;
import io.swirl.server.http.ApiException;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GET /api/v1/instances?status=&namespace=&name=&limit=&cursor=}: newest first, paged.
 * {@code status} takes DSL phases, comma-separated. {@code running} and {@code waiting} are both
 * the engine's RUNNING and are told apart after reading, so such a page may hold fewer than {@code
 * limit} items; follow {@code nextCursor} until it is null. {@code name} without {@code namespace}
 * matches a code workflow's name.
 */
final class InstanceListing {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  private final Api api;

  InstanceListing(Api api) {
    this.api = api;
  }

  void list(RoutingContext ctx) {
    List<WorkflowPhase> phases = phases(ctx.queryParams().get("status"));
    int limit = limit(ctx.queryParams().get("limit"));
    String namespace = blankToNull(ctx.queryParams().get("namespace"));
    String name = blankToNull(ctx.queryParams().get("name"));
    String cursor = blankToNull(ctx.queryParams().get("cursor"));
    Set<RuntimeStatus> statuses = EnumSet.noneOf(RuntimeStatus.class);
    phases.forEach(p -> statuses.add(engineStatus(p)));
    String exact = namespace != null && name != null ? namespace + "/" + name : name;
    String prefix = namespace != null && name == null ? namespace + "/" : null;
    InstanceQuery query = new InstanceQuery(statuses, exact, prefix, null, null, limit, cursor);
    boolean splitRunning =
        phases.contains(WorkflowPhase.RUNNING) != phases.contains(WorkflowPhase.WAITING);
    List<WorkflowPhase> only = splitRunning ? phases : List.of();
    api.respond(
        ctx,
        200,
        () -> {
          InstancePage page = api.client().listInstances(query);
          ObjectNode body = api.mapper().createObjectNode();
          body.set("items", InstanceRoutes.items(api, page, only));
          body.put("nextCursor", page.nextCursor());
          return body;
        });
  }

  private static List<WorkflowPhase> phases(String value) {
    List<WorkflowPhase> phases = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return phases;
    }
    for (String part : value.split(",")) {
      String label = part.trim().toLowerCase(Locale.ROOT);
      WorkflowPhase found = null;
      for (WorkflowPhase phase : WorkflowPhase.values()) {
        if (phase.label().equals(label)) {
          found = phase;
        }
      }
      if (found == null) {
        throw ApiException.badRequest(
            "query parameter status='"
                + part
                + "' is not a status; use pending, running, waiting, suspended, cancelled,"
                + " faulted or completed");
      }
      phases.add(found);
    }
    return phases;
  }

  private static RuntimeStatus engineStatus(WorkflowPhase phase) {
    return switch (phase) {
      case PENDING -> RuntimeStatus.PENDING;
      case RUNNING, WAITING -> RuntimeStatus.RUNNING;
      case SUSPENDED -> RuntimeStatus.SUSPENDED;
      case CANCELLED -> RuntimeStatus.TERMINATED;
      case FAULTED -> RuntimeStatus.FAILED;
      case COMPLETED -> RuntimeStatus.COMPLETED;
    };
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "query parameter limit='" + value + "' must be a whole number from 1 to " + MAX_LIMIT);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
