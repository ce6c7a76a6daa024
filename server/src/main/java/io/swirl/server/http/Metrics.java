package io.swirl.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swirl.engine.Engine;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The server's Prometheus metrics: engine counters read from {@link Engine#stats()} on each scrape
 * (in memory, no store access), HTTP request counts and latencies per route template, and a few JVM
 * meters. Each server has its own registry.
 */
final class Metrics {

  /** The Prometheus text exposition format this endpoint answers with. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private volatile List<Template> templates = List.of();

  private record Template(Pattern pattern, String route) {}

  Metrics(Engine engine) {
    FunctionCounter.builder("swirl.steps", engine, e -> e.stats().steps())
        .description("orchestration steps the engine has run")
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

  /** {@code GET /metrics}: the registry in the Prometheus text format. */
  void scrape(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(registry.scrape(CONTENT_TYPE));
  }

  void close() {
    registry.close();
  }
}
