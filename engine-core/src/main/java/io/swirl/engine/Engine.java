package io.swirl.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swirl.engine.internal.ActivityDispatcher;
import io.swirl.engine.internal.EngineSettings;
import io.swirl.engine.internal.InstanceWatchers;
import io.swirl.engine.internal.OrchestrationDispatcher;
import io.swirl.engine.internal.Signal;
import io.swirl.engine.replay.CodeOrchestration;
import io.swirl.engine.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A durable orchestration engine on a {@link Store}. Register orchestrations and activities, {@link
 * #start()} it, and use its {@link #client()} to start and steer instances.
 *
 * <pre>{@code
 * try (Engine engine = Engine.builder(store).build()) {
 *   engine.registerActivity("hello", ctx -> "Hello, " + ctx.getInput(String.class));
 *   engine.registerOrchestrator("greet", ctx -> ctx.callActivity("hello", ctx.getInput(String.class), String.class).await());
 *   engine.start();
 *   String id = engine.client().scheduleNew("greet", "Ada");
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {

  private final Store store;
  private final EngineSettings settings;
  private final ObjectMapper mapper;
  private final Map<String, Orchestration> orchestrations = new ConcurrentHashMap<>();
  private final Map<String, Activity> activities = new ConcurrentHashMap<>();
  private final List<OrchestrationResolver> resolvers = new ArrayList<>();
  private final Signal orchestrationWakeUp = new Signal();
  private final InstanceWatchers watchers = new InstanceWatchers();
  private final ExecutorService codeThreads;
  private final ExecutorService activityPool;
  private final ActivityDispatcher activityDispatcher;
  private final OrchestrationDispatcher orchestrationDispatcher;
  private final EngineClient client;
  private final List<Thread> loops = new ArrayList<>();
  private boolean started;

  private Engine(Builder builder) {
    this.store = builder.store;
    this.settings =
        new EngineSettings(
            builder.workerId,
            builder.clock,
            builder.orchestrationBatch,
            builder.orchestrationLease,
            builder.activityThreads,
            builder.activityBatch,
            builder.activityLease,
            builder.cacheSize,
            builder.maxPollInterval);
    this.mapper = builder.mapper;
    this.codeThreads = Executors.newCachedThreadPool(daemon("swirl-orchestrator-"));
    this.activityPool =
        Executors.newFixedThreadPool(settings.activityThreads(), daemon("swirl-activity-"));
    this.activityDispatcher =
        new ActivityDispatcher(
            store, settings, activities::get, mapper, activityPool, orchestrationWakeUp);
    this.orchestrationDispatcher =
        new OrchestrationDispatcher(
            store,
            settings,
            this::resolve,
            mapper,
            activityDispatcher,
            watchers,
            orchestrationWakeUp);
    this.client =
        new EngineClient(
            store,
            settings.clock(),
            mapper,
            watchers,
            orchestrationWakeUp,
            this::resolve,
            orchestrationDispatcher::offerStart);
  }

  public static Builder builder(Store store) {
    return new Builder(store);
  }

  /** Registers a code workflow under {@code name}. */
  public Engine registerOrchestrator(String name, Orchestrator orchestrator) {
    return registerOrchestration(name, new CodeOrchestration(orchestrator, codeThreads));
  }

  /**
   * Registers an event-driven orchestration under {@code name}.
   *
   * @throws IllegalArgumentException when the name is already registered
   */
  public Engine registerOrchestration(String name, Orchestration orchestration) {
    Objects.requireNonNull(orchestration, "orchestration");
    if (orchestrations.putIfAbsent(Objects.requireNonNull(name, "name"), orchestration) != null) {
      throw new IllegalArgumentException(
          "an orchestration named '" + name + "' is already registered");
    }
    return this;
  }

  /**
   * Registers an activity under {@code name}.
   *
   * @throws IllegalArgumentException when the name is already registered
   */
  public Engine registerActivity(String name, Activity activity) {
    Objects.requireNonNull(activity, "activity");
    if (activities.putIfAbsent(Objects.requireNonNull(name, "name"), activity) != null) {
      throw new IllegalArgumentException("an activity named '" + name + "' is already registered");
    }
    return this;
  }

  /**
   * Adds a resolver asked for names not registered directly (the DSL's definitions, for instance).
   */
  public synchronized Engine addResolver(OrchestrationResolver resolver) {
    resolvers.add(resolver);
    return this;
  }

  private Orchestration resolve(String name, String version, String definitionHash) {
    if (definitionHash == null) {
      Orchestration registered = orchestrations.get(name);
      if (registered != null) {
        return registered;
      }
    }
    List<OrchestrationResolver> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(resolvers);
    }
    for (OrchestrationResolver resolver : snapshot) {
      Orchestration found = resolver.resolve(name, version, definitionHash);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Starts the engine's loops; idempotent. */
  public synchronized Engine start() {
    if (started) {
      return this;
    }
    started = true;
    loops.add(loop("swirl-orchestrations", orchestrationDispatcher));
    loops.add(loop("swirl-activity-poller", activityDispatcher::runPoller));
    store.onNewWork(
        () -> {
          orchestrationWakeUp.raise();
          activityDispatcher.wakePoller();
        });
    loops.forEach(Thread::start);
    return this;
  }

  private static Thread loop(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  /** The client for starting and steering instances. */
  public EngineClient client() {
    return client;
  }

  public Store store() {
    return store;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Counters for tests and metrics. */
  public Stats stats() {
    return new Stats(
        orchestrationDispatcher.steps(),
        orchestrationDispatcher.stepNanos(),
        orchestrationDispatcher.replayedEvents(),
        orchestrationDispatcher.cachedInstances(),
        activityDispatcher.inFlight());
  }

  /**
   * Engine counters.
   *
   * @param stepNanos the sum over {@code steps} of the time from leasing the instance to the step
   *     committed
   * @param replayedEvents stored events re-applied to rebuild orchestrator state
   */
  public record Stats(
      long steps,
      long stepNanos,
      long replayedEvents,
      int cachedInstances,
      int activitiesInFlight) {}

  /** Stops the loops, waits briefly for them, and closes the store. */
  @Override
  public void close() {
    orchestrationDispatcher.stop();
    activityDispatcher.stop();
    activityPool.shutdown();
    for (Thread thread : loops) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    codeThreads.shutdownNow();
    client.close();
    try {
      activityPool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Settings for an engine; the defaults suit one process on a small machine. */
  public static final class Builder {
    private final Store store;
    private String workerId = "swirl-" + java.util.UUID.randomUUID();
    private Clock clock = Clock.systemUTC();
    private int orchestrationBatch = 128;
    private Duration orchestrationLease = Duration.ofSeconds(30);
    private int activityThreads = 32;
    private int activityBatch = 256;
    private Duration activityLease = Duration.ofSeconds(60);
    private int cacheSize = 2_000;
    private Duration maxPollInterval = Duration.ofMillis(500);
    private ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Builder(Store store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    public Builder workerId(String value) {
      workerId = value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public Builder orchestrationBatch(int value) {
      orchestrationBatch = value;
      return this;
    }

    public Builder orchestrationLease(Duration value) {
      orchestrationLease = value;
      return this;
    }

    public Builder activityThreads(int value) {
      activityThreads = value;
      return this;
    }

    public Builder activityLease(Duration value) {
      activityLease = value;
      return this;
    }

    /** Instances whose orchestrator state stays in memory (least recently used evicted). */
    public Builder cacheSize(int value) {
      cacheSize = value;
      return this;
    }

    public Builder maxPollInterval(Duration value) {
      maxPollInterval = value;
      return this;
    }

    public Builder mapper(ObjectMapper value) {
      mapper = value;
      return this;
    }

    public Engine build() {
      return new Engine(this);
    }
  }
}
