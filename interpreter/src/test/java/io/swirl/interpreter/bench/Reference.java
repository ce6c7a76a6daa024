package io.swirl.interpreter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverlessworkflow.api.WorkflowFormat;
import io.serverlessworkflow.api.WorkflowReader;
import io.serverlessworkflow.impl.WorkflowApplication;
import io.serverlessworkflow.impl.WorkflowDefinition;
import io.serverlessworkflow.impl.jackson.JsonUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The CNCF reference implementation ({@code serverlessworkflow-impl-jackson}), in memory as it
 * always runs, with lifecycle CloudEvent and status-change publishing turned off. Each run creates
 * an instance of a definition built once and joins its future.
 */
public final class Reference implements AutoCloseable {

  private final WorkflowApplication app =
      WorkflowApplication.builder()
          .disableLifeCycleCEPublishing()
          .disableStatusChangePublishing()
          .build();
  private final Map<BenchWorkflows, WorkflowDefinition> definitions =
      new EnumMap<>(BenchWorkflows.class);

  public Reference() {
    for (BenchWorkflows w : BenchWorkflows.values()) {
      try {
        definitions.put(
            w,
            app.workflowDefinition(
                WorkflowReader.readWorkflowFromString(w.yaml, WorkflowFormat.YAML)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public JsonNode run(BenchWorkflows workflow, JsonNode input) {
    return JsonUtils.modelToJson(definitions.get(workflow).instance(input).start().join());
  }

  /** What the application would notify (must stay off for the benchmark). */
  public String listeners() {
    return app.listeners().toString();
  }

  @Override
  public void close() {
    app.close();
  }
}
