package io.swirl.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swirl.engine.Engine;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.StoreCounts;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The server's Prometheus metrics: engine counters read from {@link Engine#stats()} on each scrape
 * (in memory), instance counts by status and the work waiting read from the store on each scrape
 * (on a worker, never the event loop), events accepted, HTTP request counts and latencies per route
 * template, and a few JVM meters. Each server has its own registry.
 */
final class Metrics {

  /** The Prometheus text exposition format this endpoint answers with. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private volatile List<Template> templates = List.of();
  private final Engine engine;
  private final Map<RuntimeStatus, AtomicLong> instances = new EnumMap<>(RuntimeStatus.class);
  private final AtomicLong readyMessages = new AtomicLong();
  private final AtomicLong queuedActivities = new AtomicLong();
  private final Counter eventsAccepted;
  private final Counter eventDuplicates;

  private record Template(Pattern pattern, String route) {}

  Metrics(Engine engine) {
    this.engine = engine;
    FunctionCounter.builder("swirl.steps", engine, e -> e.stats().steps())
        .description("orchestration steps the engine has run")
        .register(registry);
    FunctionTimer.builder(
            "swirl.step.latency",
            engine,
            e -> e.stats().steps(),
            e -> e.stats().stepNanos(),
            TimeUnit.NANOSECONDS)
        .description("time from leasing an instance to its step committed")
        .register(registry);
    for (RuntimeStatus status : RuntimeStatus.values()) {
      AtomicLong count = new AtomicLong();
      instances.put(status, count);
      Gauge.builder("swirl.instances", count, AtomicLong::get)
          .description("instances in the store by engine status (as of the last scrape)")
          .tag("status", status.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    Gauge.builder("swirl.inbox.ready", readyMessages, AtomicLong::get)
        .description("inbox messages due for orchestrations (the orchestration queue depth)")
        .register(registry);
    Gauge.builder("swirl.activity.queue", queuedActivities, AtomicLong::get)
        .description("activities queued or running (the activity queue depth)")
        .register(registry);
    eventsAccepted =
        Counter.builder("swirl.events.received")
            .description("CloudEvents accepted by POST /api/v1/events (duplicates included)")
            .register(registry);
    eventDuplicates =
        Counter.builder("swirl.events.duplicates")
            .description("accepted CloudEvents whose source and id had been accepted before")
            .register(registry);
    FunctionCounter.builder("swirl.replayed.events", engine, e -> e.stats().replayedEvents())
        .description("stored history events re-applied to rebuild orchestrator state")
        .register(registry);
    Gauge.builder("swirl.cached.instances", engine, e -> e.stats().cachedInstances())
        .description("instances whose orchestrator state is cached in memory")
        .register(registry);
    Gauge.builder("swirl.activities.in.flight", engine, e -> e.stats().activitiesInFlight())
        .description("activities running now")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /**
   * Learns the route templates of {@code router} (call after every route is mounted), so requests
   * are labelled by template, never by their concrete path.
   */
  void learnRoutes(Router router) {
    List<Template> learned = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null || !route.isExactPath() || path.contains("*")) {
        continue;
      }
      String regex = "\\Q" + path.replaceAll(":[A-Za-z0-9_]+", "\\\\E[^/]+\\\\Q") + "\\E";
      learned.add(new Template(Pattern.compile(regex), path));
    }
    templates = List.copyOf(learned);
  }

  /** Records the method, route template, status and latency of every request when it ends. */
  void record(RoutingContext ctx) {
    long start = System.nanoTime();
    String method = ctx.request().method().name();
    String path = ctx.request().path();
    ctx.addEndHandler(
        done -> {
          String route = route(path);
          String status = String.valueOf(ctx.response().getStatusCode());
          Counter.builder("swirl.http.requests")
              .description("HTTP requests answered")
              .tags("method", method, "route", route, "status", status)
              .register(registry)
              .increment();
          Timer.builder("swirl.http.request.duration")
              .description("time to answer an HTTP request")
              .tags("method", method, "route", route, "status", status)
              .register(registry)
              .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
    ctx.next();
  }

  private String route(String path) {
    if (path == null) {
      return "unmatched";
    }
    for (Template template : templates) {
      if (template.pattern().matcher(path).matches()) {
        return template.route();
      }
    }
    return "unmatched";
  }

  /** Counts accepted CloudEvents; {@code duplicate}: its key had been accepted before. */
  void eventAccepted(boolean duplicate) {
    eventsAccepted.increment();
    if (duplicate) {
      eventDuplicates.increment();
    }
  }

  /**
   * {@code GET /metrics}: reads the store's counts on a worker, then answers the registry in the
   * Prometheus text format (with the previous counts if the store cannot answer).
   */
  void scrape(RoutingContext ctx) {
    ctx.vertx()
        .executeBlocking(() -> engine.store().counts(Instant.now()), false)
        .onComplete(
            counted -> {
              if (counted.succeeded()) {
                StoreCounts counts = counted.result();
                counts.instances().forEach((status, n) -> instances.get(status).set(n));
                readyMessages.set(counts.readyMessages());
                queuedActivities.set(counts.queuedActivities());
              }
              ctx.response()
                  .putHeader("Content-Type", CONTENT_TYPE)
                  .end(registry.scrape(CONTENT_TYPE));
            });
  }

  void close() {
    registry.close();
  }
}
