package io.swirl.dsl.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.plan.EmitTask;
import io.swirl.dsl.plan.EventFilter;
import io.swirl.dsl.plan.EventStrategy;
import io.swirl.dsl.plan.ListenTask;
import io.swirl.dsl.plan.TaskCommon;
import io.swirl.dsl.source.Pointers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code listen} (event subscriptions), {@code emit} (publish) and event consumption strategies.
 * Every filter compiled is also recorded as a subscription of the plan.
 */
final class Events {

  private final PlanCompiler plan;
  private final List<EventFilter> subscriptions = new ArrayList<>();

  Events(PlanCompiler plan) {
    this.plan = plan;
  }

  List<EventFilter> subscriptions() {
    return subscriptions;
  }

  EmitTask emit(TaskCommon common, JsonNode task) {
    String p = common.pointer() + "/emit/event/with";
    return new EmitTask(
        common, plan.expressions().template(p, task.path("emit").path("event").get("with")));
  }

  ListenTask listen(TaskCommon common, JsonNode task) {
    String p = common.pointer();
    JsonNode listen = task.get("listen");
    ListenTask.Foreach foreach = null;
    JsonNode each = task.get("foreach");
    if (each != null) {
      foreach =
          new ListenTask.Foreach(
              FlowTasks.strip(each.path("item").asText("item")),
              FlowTasks.strip(each.path("at").asText("index")),
              plan.tasks().list(p + "/foreach/do", each.get("do")),
              plan.tasks().filter(p + "/foreach/output", each.path("output")),
              plan.tasks().filter(p + "/foreach/export", each.path("export")));
    }
    return new ListenTask(
        common,
        strategy(p + "/listen/to", listen.path("to")),
        listen.path("read").asText("data"),
        foreach);
  }

  /** {@code listen.to}, {@code until} or {@code schedule.on}. */
  EventStrategy strategy(String pointer, JsonNode to) {
    List<EventFilter> filters = new ArrayList<>();
    EventStrategy.Mode mode;
    if (to.has("one")) {
      mode = EventStrategy.Mode.ONE;
      filters.add(filter(pointer + "/one", to.get("one")));
    } else {
      mode = to.has("all") ? EventStrategy.Mode.ALL : EventStrategy.Mode.ANY;
      String key = mode == EventStrategy.Mode.ALL ? "all" : "any";
      JsonNode list = to.path(key);
      for (int i = 0; i < list.size(); i++) {
        filters.add(filter(Pointers.child(pointer + "/" + key, i), list.get(i)));
      }
      if (list.isEmpty()) {
        // any event at all: subscribed to everything
        subscriptions.add(new EventFilter(pointer + "/" + key, null, Map.of()));
      }
    }
    JsonNode until = to.path("until");
    return new EventStrategy(
        mode,
        filters,
        plan.expressions().expression(pointer + "/until", until.isTextual() ? until : null),
        until.isObject() ? strategy(pointer + "/until", until) : null);
  }

  private EventFilter filter(String pointer, JsonNode filter) {
    Map<String, EventFilter.Correlation> correlate = new LinkedHashMap<>();
    Expressions ex = plan.expressions();
    filter
        .path("correlate")
        .fields()
        .forEachRemaining(
            c -> {
              String p = pointer + "/correlate/" + c.getKey();
              correlate.put(
                  c.getKey(),
                  new EventFilter.Correlation(
                      ex.expression(p + "/from", c.getValue().get("from")),
                      ex.template(p + "/expect", c.getValue().get("expect"))));
            });
    EventFilter compiled =
        new EventFilter(pointer, ex.template(pointer + "/with", filter.get("with")), correlate);
    subscriptions.add(compiled);
    return compiled;
  }
}
