package io.swirl.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swirl.dsl.plan.EmitTask;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.InstanceState;
import io.swirl.engine.Orchestration;
import io.swirl.engine.OrchestrationResolver;
import io.swirl.engine.RetryPolicy;
import io.swirl.engine.StartOptions;
import io.swirl.interpreter.activities.EmitActivity;
import io.swirl.interpreter.activities.HttpCallActivity;
import io.swirl.interpreter.activities.OpenApiCallActivity;
import io.swirl.interpreter.activities.ProcessActivity;
import io.swirl.interpreter.tasks.Services;
import io.swirl.interpreter.tasks.WorkflowOrchestration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs Serverless Workflow definitions on an {@link Engine}. Holds compiled plans by orchestration
 * name ({@code namespace/name}), DSL version and definition hash, resolves instances to them (an
 * instance started on one definition keeps it: its hash is pinned in history), and registers the
 * interpreter's activities.
 *
 * <pre>{@code
 * SlwfRuntime slwf = SlwfRuntime.builder().build();
 * slwf.install(engine);
 * slwf.register(plan);
 * engine.start();
 * String id = slwf.start(engine.client(), plan, input, null);
 * }</pre>
 */
public final class SlwfRuntime implements OrchestrationResolver {

  /**
   * The engine event name under which every CloudEvent for an instance is delivered (its payload
   * the structured JSON envelope); {@code listen} filters pick from it.
   */
  public static final String EVENT_CHANNEL = io.swirl.interpreter.tasks.EventPump.CHANNEL;

  /** How long received events wait for a {@code listen}, unless configured. */
  public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofHours(1);

  /**
   * How {@code emit} retries while the sink refuses an event, unless configured: 10 attempts, waits
   * doubling from 1 s up to 1 min (about 4.5 minutes in all).
   */
  public static final RetryPolicy DEFAULT_EMIT_RETRY =
      new RetryPolicy(10, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));

  /** The runtime's name in {@code $runtime}. */
  public static final String NAME = "swirl";

  private final Builder config;
  private final Services services;
  private final Map<String, List<Entry>> plans = new ConcurrentHashMap<>();

  private SlwfRuntime(Builder config) {
    this.config = config;
    ObjectNode runtime = JsonNodeFactory.instance.objectNode();
    runtime.put("name", NAME);
    runtime.put("version", config.version);
    runtime.set("metadata", config.metadata);
    this.services =
        new Services(
            config.secrets,
            config.lifecycle,
            config.allowRun,
            runtime,
            SlwfRuntime::orchestrationName,
            config.eventRetention,
            config.emitRetry);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The engine orchestration name of a definition. */
  public static String orchestrationName(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** Adds this runtime as a resolver of {@code engine} and registers the activities. */
  public SlwfRuntime install(Engine engine) {
    engine.addResolver(this);
    HttpCallActivity http = new HttpCallActivity(config.secrets, config.hostOverrides);
    engine.registerActivity("swirl.call.http", http);
    engine.registerActivity("swirl.call.openapi", new OpenApiCallActivity(http));
    engine.registerActivity(EmitTask.ACTIVITY, new EmitActivity(config.events));
    engine.registerActivity("swirl.run.shell", new ProcessActivity("shell", config.allowRun));
    engine.registerActivity("swirl.run.script", new ProcessActivity("script", config.allowRun));
    return this;
  }

  /**
   * Makes {@code plan} runnable (idempotent for the same hash).
   *
   * @throws IllegalArgumentException when the plan uses a feature Swirl cannot run
   */
  public WorkflowPlan register(WorkflowPlan plan) {
    if (!plan.isRunnable()) {
      throw new IllegalArgumentException("Swirl cannot run this definition: " + plan.unsupported());
    }
    List<Entry> versions =
        plans.computeIfAbsent(
            orchestrationName(plan.namespace(), plan.name()), k -> new ArrayList<>());
    synchronized (versions) {
      for (Entry e : versions) {
        if (e.plan.definitionHash().equals(plan.definitionHash())) {
          return e.plan;
        }
      }
      versions.add(
          new Entry(plan, new WorkflowOrchestration(plan, parse(plan.source()), services)));
    }
    return plan;
  }

  @Override
  public Orchestration resolve(String name, String version, String definitionHash) {
    List<Entry> versions = plans.get(name);
    if (versions == null) {
      return null;
    }
    synchronized (versions) {
      for (int i = versions.size() - 1; i >= 0; i--) {
        Entry e = versions.get(i);
        boolean hashOk = definitionHash == null || e.plan.definitionHash().equals(definitionHash);
        boolean versionOk =
            version == null
                || version.equals("latest")
                || version.equals(e.plan.version())
                || version.equals(e.plan.dsl());
        if (hashOk && (versionOk || definitionHash != null)) {
          return e.orchestration;
        }
      }
    }
    return null;
  }

  /** Starts an instance of a registered plan, pinned to its hash; returns the instance id. */
  public String start(EngineClient client, WorkflowPlan plan, JsonNode input, String instanceId) {
    register(plan);
    return client.scheduleNew(
        orchestrationName(plan.namespace(), plan.name()),
        input,
        new StartOptions(instanceId, plan.version(), plan.definitionHash(), null));
  }

  /** Delivers a CloudEvent (structured JSON) to one instance's {@code listen} tasks. */
  public static void deliver(EngineClient client, String instanceId, JsonNode cloudEvent) {
    client.raiseEvent(instanceId, EVENT_CHANNEL, cloudEvent);
  }

  /** The DSL status phase of an instance, or null when it does not exist. */
  public static WorkflowPhase phase(EngineClient client, String instanceId) {
    return client
        .getInstance(instanceId)
        .map(state -> WorkflowPhase.of(state, client.getHistory(instanceId)))
        .orElse(null);
  }

  /** The problem an instance faulted with, or null when it did not fault. */
  public static Problem problem(InstanceState state) {
    FailureDetails failure = state.failure();
    if (failure == null) {
      return null;
    }
    if (failure.details() != null && failure.details().has("type")) {
      return Problem.fromJson(failure.details());
    }
    return Problem.runtime(failure.message());
  }

  private static JsonNode parse(String source) {
    try {
      return new YAMLMapper().readTree(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Entry(WorkflowPlan plan, Orchestration orchestration) {}

  /** Settings; every one has a safe default (no secrets, no run, events logged). */
  public static final class Builder {
    private SecretsProvider secrets = SecretsProvider.NONE;
    private EventSink events = EventSink.LOG;
    private EventSink lifecycle = null;
    private Set<String> allowRun = Set.of();
    private Map<String, URI> hostOverrides = Map.of();
    private String version = "0.1.0";
    private Duration eventRetention = DEFAULT_EVENT_RETENTION;
    private RetryPolicy emitRetry = DEFAULT_EMIT_RETRY;
    private ObjectNode metadata = JsonNodeFactory.instance.objectNode();

    public Builder secrets(SecretsProvider value) {
      secrets = value;
      return this;
    }

    /** Where {@code emit} publishes. */
    public Builder events(EventSink value) {
      events = value;
      return this;
    }

    /** Where lifecycle CloudEvents go (none by default). */
    public Builder lifecycle(EventSink value) {
      lifecycle = value;
      return this;
    }

    /** The {@code run} process kinds allowed: {@code shell}, {@code script}. Off by default. */
    public Builder allowRun(Set<String> kinds) {
      allowRun = Set.copyOf(kinds);
      return this;
    }

    /** Hosts whose HTTP calls go elsewhere (scheme, host and port replaced). */
    public Builder hostOverrides(Map<String, URI> value) {
      hostOverrides = Map.copyOf(value);
      return this;
    }

    /**
     * How long an event an instance received stays available to a {@code listen} that starts after
     * it arrived (default one hour).
     */
    public Builder eventRetention(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("the event retention cannot be negative: " + value);
      }
      eventRetention = value;
      return this;
    }

    /** How {@code emit} retries while the sink refuses an event. */
    public Builder emitRetry(RetryPolicy value) {
      emitRetry = java.util.Objects.requireNonNull(value, "emitRetry");
      return this;
    }

    public Builder version(String value) {
      version = value;
      return this;
    }

    public Builder metadata(ObjectNode value) {
      metadata = value.deepCopy();
      return this;
    }

    public SlwfRuntime build() {
      return new SlwfRuntime(this);
    }
  }
}
