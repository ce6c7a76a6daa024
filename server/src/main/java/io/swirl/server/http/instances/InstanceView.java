package io.swirl.server.http.instances;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.store.HistoryRecord;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.SlwfRuntime;
import io.swirl.interpreter.WorkflowPhase;
import java.util.List;

/** The JSON shapes of an instance and its history in {@code /api/v1}. Blocking (reads history). */
public final class InstanceView {

  private InstanceView() {}

  /** The DSL phase; reads the history only for a running instance (running vs waiting). */
  public static WorkflowPhase phase(EngineClient client, InstanceState state) {
    List<HistoryRecord> history =
        state.status() == RuntimeStatus.RUNNING ? client.getHistory(state.instanceId()) : List.of();
    return WorkflowPhase.of(state, history);
  }

  /**
   * {@code {id, workflow: {namespace, name, version}, status, input, output, error, createdAt,
   * updatedAt}}; a code workflow has no namespace.
   */
  public static ObjectNode of(ObjectMapper mapper, InstanceState state, WorkflowPhase phase) {
    ObjectNode view = mapper.createObjectNode();
    view.put("id", state.instanceId());
    ObjectNode workflow = view.putObject("workflow");
    int slash = state.name().indexOf('/');
    workflow.put("namespace", slash < 0 ? null : state.name().substring(0, slash));
    workflow.put("name", slash < 0 ? state.name() : state.name().substring(slash + 1));
    workflow.put("version", state.version());
    view.put("status", phase.label());
    view.set("input", state.input());
    view.set("output", state.status() == RuntimeStatus.COMPLETED ? state.output() : null);
    Problem problem = SlwfRuntime.problem(state);
    view.set("error", problem == null ? null : problem.toJson());
    view.put("createdAt", String.valueOf(state.createdAt()));
    view.put("updatedAt", String.valueOf(state.updatedAt()));
    if (state.completedAt() != null) {
      view.put("completedAt", state.completedAt().toString());
    }
    return view;
  }

  /** {@code {id, events: [{seq, timestamp, type, ...event members}]}}. */
  public static ObjectNode history(ObjectMapper mapper, String id, List<HistoryRecord> history) {
    ObjectNode view = mapper.createObjectNode();
    view.put("id", id);
    ArrayNode events = view.putArray("events");
    for (HistoryRecord record : history) {
      ObjectNode event = events.addObject();
      event.put("seq", record.seq());
      event.put("timestamp", String.valueOf(record.timestamp()));
      event.put("type", record.event().getClass().getSimpleName());
      if (HistoryCodec.toTree(record.event()) instanceof ObjectNode members) {
        members.properties().forEach(f -> event.putIfAbsent(f.getKey(), f.getValue()));
      }
    }
    return view;
  }
}
