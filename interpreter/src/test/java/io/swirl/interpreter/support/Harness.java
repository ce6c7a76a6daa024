package io.swirl.interpreter.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swirl.dsl.CompileResult;
import io.swirl.dsl.WorkflowCompiler;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.Engine;
import io.swirl.engine.InstanceState;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import io.swirl.interpreter.SecretsProvider;
import io.swirl.interpreter.SlwfRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** An engine on in-memory SQLite with the interpreter installed, for tests. */
public final class Harness implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(30);
  public static final ObjectMapper YAML = new YAMLMapper();

  public final Engine engine;
  public final SlwfRuntime slwf;
  public final List<JsonNode> emitted = new CopyOnWriteArrayList<>();
  public final List<JsonNode> lifecycle = new CopyOnWriteArrayList<>();

  public Harness(
      String storeUrl,
      Map<String, java.net.URI> hosts,
      Set<String> allowRun,
      SecretsProvider secrets,
      WorkflowPlan... plans) {
    this(storeUrl, b -> b.hostOverrides(hosts).allowRun(allowRun).secrets(secrets), plans);
  }

  /** A harness whose runtime settings {@code settings} adjusts (on top of the captured sinks). */
  public Harness(
      String storeUrl, UnaryOperator<SlwfRuntime.Builder> settings, WorkflowPlan... plans) {
    engine = Engine.builder(Stores.open(StoreUrl.parse(storeUrl))).build();
    slwf =
        settings
            .apply(SlwfRuntime.builder().events(emitted::add).lifecycle(lifecycle::add))
            .build()
            .install(engine);
    for (WorkflowPlan plan : plans) {
      slwf.register(plan);
    }
    engine.start();
  }

  public Harness() {
    this("sqlite::memory:", Map.of(), Set.of(), SecretsProvider.NONE);
  }

  public static WorkflowPlan compile(String yaml) {
    CompileResult result = new WorkflowCompiler().compile("test.yaml", yaml);
    assertThat(result.isValid()).as("valid: %s", result.validation()).isTrue();
    return result.plan();
  }

  public String start(String yaml, String inputYaml) {
    return slwf.start(engine.client(), compile(yaml), json(inputYaml), null);
  }

  public InstanceState run(String yaml, String inputYaml) {
    return await(start(yaml, inputYaml));
  }

  public InstanceState await(String id) {
    InstanceState state = engine.client().waitForCompletion(id, WAIT).orElseThrow();
    assertThat(state.isTerminal()).as("finished in time: %s", state).isTrue();
    return state;
  }

  public static JsonNode json(String yaml) {
    try {
      return yaml == null ? YAML.createObjectNode() : YAML.readTree(yaml);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
