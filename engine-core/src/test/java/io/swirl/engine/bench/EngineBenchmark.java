package io.swirl.engine.bench;

import com.fasterxml.jackson.databind.node.IntNode;
import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.InstanceQuery;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine benchmark the issue asks for (not a test; run it with {@code engine-core/bench.sh}):
 *
 * <ol>
 *   <li>throughput: a code workflow of 5 sequential no-op activities on a file SQLite store, 100
 *       instances kept in flight, reported as workflows completed per second;
 *   <li>latency: one such workflow at a time, start ({@code scheduleNew}) to complete ({@code
 *       waitForCompletion} returns), reported as p50/p90/p99/max.
 * </ol>
 *
 * <p>Options: {@code --seconds N} (throughput run, default 10), {@code --warmup N} (seconds,
 * default 5), {@code --inflight N} (default 100), {@code --runs N} (latency runs, default 1000),
 * {@code --driver waiters|poll|both} (how completions are detected, default both), {@code --dir
 * PATH} (where the database goes, default a temporary directory), {@code --store URL} (another
 * store instead of a fresh SQLite file, e.g. {@code postgresql://postgres@127.0.0.1/swirl_bench}),
 * {@code --api blocking|events} (the workflow as a blocking {@code Orchestrator}, run on a thread
 * per instance, or as an event-driven {@code Orchestration} composing tasks, the API the DSL
 * interpreter uses; default blocking).
 */
public final class EngineBenchmark {

  static final String WORKFLOW = "five-noops";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final EngineClient client;
  private final Engine engine;
  private final TimedStore store;

  private EngineBenchmark(Engine engine, TimedStore store) {
    this.engine = engine;
    this.client = engine.client();
    this.store = store;
  }

  public static void main(String[] args) throws Exception {
    int seconds = intOption(args, "--seconds", 10);
    int warmup = intOption(args, "--warmup", 5);
    int inflight = intOption(args, "--inflight", 100);
    int runs = intOption(args, "--runs", 1000);
    String driver = option(args, "--driver", "both");
    boolean events = option(args, "--api", "blocking").equals("events");
    Path dir =
        option(args, "--dir", null) == null
            ? Files.createTempDirectory("swirl-bench")
            : Path.of(option(args, "--dir", null));
    Path db = dir.resolve("bench.db");
    // --store URL: benchmark another store (a PostgreSQL one: bench.sh gives it a fresh database
    // and measures pgbench on it); by default a fresh SQLite file in --dir.
    String storeOption = option(args, "--store", null);
    StoreUrl storeUrl =
        storeOption == null ? StoreUrl.parse("sqlite:" + db) : StoreUrl.parse(storeOption);
    if (storeUrl instanceof StoreUrl.Sqlite) {
      db = ((StoreUrl.Sqlite) storeUrl).path();
      for (String suffix : List.of("", "-wal", "-shm", ".lock")) {
        Files.deleteIfExists(Path.of(db + suffix));
      }
      System.out.printf("store: %s (fresh)%n", storeUrl.display());
      SqliteBaseline.run(dir.resolve("baseline.db"), 3000);
    } else {
      System.out.printf("store: %s%n", storeUrl.display());
    }

    TimedStore store = TimedStore.wrap(Stores.open(storeUrl));
    try (Engine engine = Engine.builder(store.store()).build()) {
      engine.registerActivity("noop", ctx -> ctx.getInput(Integer.class));
      if (events) {
        engine.registerOrchestration(
            WORKFLOW,
            ctx -> {
              io.swirl.engine.Task<Integer> x =
                  ctx.callActivity("noop", ctx.getInput(Integer.class), Integer.class);
              for (int i = 1; i < 5; i++) {
                x = x.thenCompose(v -> ctx.callActivity("noop", v, Integer.class));
              }
              return x.thenApply(v -> (com.fasterxml.jackson.databind.JsonNode) IntNode.valueOf(v));
            });
      } else {
        engine.registerOrchestrator(
            WORKFLOW,
            ctx -> {
              int x = ctx.getInput(Integer.class);
              for (int i = 0; i < 5; i++) {
                x = ctx.callActivity("noop", x, Integer.class).await();
              }
              return x;
            });
      }
      System.out.printf("workflow API: %s%n", events ? "events (Orchestration)" : "blocking");
      engine.start();
      EngineBenchmark bench = new EngineBenchmark(engine, store);

      List<String> drivers =
          driver.equals("both") ? List.of("futures", "waiters") : List.of(driver);
      for (String d : drivers) {
        System.out.printf("%n== throughput, driver=%s, %d in flight ==%n", d, inflight);
        bench.throughput(d, inflight, warmup, false);
        bench.throughput(d, inflight, seconds, true);
      }

      System.out.printf("%n== latency, one workflow at a time ==%n");
      bench.latency(Math.max(200, runs / 5), false);
      bench.latency(runs, true);
      if (storeUrl instanceof StoreUrl.Sqlite) {
        System.out.printf(
            "%ndatabase size: %d KiB (+ WAL %d KiB)%n",
            Files.size(db) / 1024,
            Files.exists(Path.of(db + "-wal")) ? Files.size(Path.of(db + "-wal")) / 1024 : 0);
      }
    }
  }

  private void throughput(String driver, int inflight, int seconds, boolean report)
      throws InterruptedException {
    store.reset();
    long steps0 = engine.stats().steps();
    long start = System.nanoTime();
    long end = start + Duration.ofSeconds(seconds).toNanos();
    long completed =
        switch (driver) {
          case "poll" -> pollDriver(inflight, end);
          case "futures" -> futuresDriver(inflight, end);
          default -> waiterDriver(inflight, end);
        };
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!report) {
      System.out.printf(
          "warm-up: %d workflows in %.1f s (%.0f/s)%n", completed, elapsed, completed / elapsed);
      return;
    }
    long steps = engine.stats().steps() - steps0;
    System.out.printf(
        "RESULT throughput driver=%s: %d workflows in %.2f s = %.0f workflows/s "
            + "(%.0f orchestration steps/s, %.1f steps/workflow)%n",
        driver,
        completed,
        elapsed,
        completed / elapsed,
        steps / elapsed,
        (double) steps / completed);
    System.out.print(store.report(elapsed));
  }

  /**
   * One thread keeps {@code inflight} instances going: it lists the instances still pending or
   * running (one indexed query) and starts as many new ones as have finished.
   */
  private long pollDriver(int inflight, long end) throws InterruptedException {
    InstanceQuery running =
        new InstanceQuery(
            Set.of(RuntimeStatus.PENDING, RuntimeStatus.RUNNING),
            WORKFLOW,
            null,
            null,
            null,
            inflight * 4,
            null);
    Set<String> mine = new HashSet<>();
    long completed = 0;
    int n = 0;
    while (true) {
      boolean open = System.nanoTime() < end;
      while (open && mine.size() < inflight) {
        mine.add(client.scheduleNew(WORKFLOW, n++));
      }
      Set<String> still = new HashSet<>();
      for (InstanceState s : client.listInstances(running).items()) {
        still.add(s.instanceId());
      }
      int before = mine.size();
      mine.retainAll(still);
      completed += before - mine.size();
      if (!open && mine.isEmpty()) {
        return completed;
      }
      if (before == mine.size()) {
        Thread.sleep(1);
      }
    }
  }

  /**
   * One thread keeps {@code inflight} instances going, learning of completions through {@link
   * io.swirl.engine.EngineClient#whenTerminal} (no thread blocks per instance).
   */
  private long futuresDriver(int inflight, long end) throws InterruptedException {
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(inflight);
    AtomicLong completed = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    int n = 0;
    while (System.nanoTime() < end && failure.get() == null) {
      if (!slots.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        continue;
      }
      int input = n++;
      client
          .scheduleNewAsync(WORKFLOW, input, io.swirl.engine.StartOptions.DEFAULTS)
          .thenCompose(client::whenTerminal)
          .whenComplete(
              (state, error) -> {
                try {
                  if (error != null) {
                    failure.set(error);
                  } else {
                    check(state.orElseThrow(), input);
                    completed.incrementAndGet();
                  }
                } catch (RuntimeException | AssertionError e) {
                  failure.set(e);
                } finally {
                  slots.release();
                }
              });
    }
    if (!slots.tryAcquire(inflight, WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("workflows did not finish within " + WAIT);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a workflow failed", failure.get());
    }
    return completed.get();
  }

  /** {@code inflight} client threads, each starting a workflow and waiting for it, in a loop. */
  private long waiterDriver(int inflight, long end) throws InterruptedException {
    AtomicLong completed = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < inflight; t++) {
      int first = t;
      Thread thread =
          new Thread(
              () -> {
                int n = first;
                while (System.nanoTime() < end) {
                  String id = client.scheduleNew(WORKFLOW, n);
                  InstanceState state = client.waitForCompletion(id, WAIT).orElseThrow();
                  check(state, n);
                  completed.incrementAndGet();
                  n += inflight;
                }
              },
              "bench-client-" + t);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return completed.get();
  }

  private void latency(int runs, boolean report) {
    store.reset();
    long[] nanos = new long[runs];
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      String id = client.scheduleNew(WORKFLOW, i);
      InstanceState state = client.waitForCompletion(id, WAIT).orElseThrow();
      nanos[i] = System.nanoTime() - t0;
      check(state, i);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    String label = report ? "RESULT latency" : "warm-up latency";
    System.out.printf(
        "%s: %d runs: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms%n",
        label,
        runs,
        pct(nanos, 50),
        pct(nanos, 90),
        pct(nanos, 99),
        nanos[runs - 1] / 1e6,
        Arrays.stream(nanos).average().orElse(0) / 1e6);
    if (report) {
      System.out.print(store.report(elapsed));
    }
  }

  private static double pct(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static void check(InstanceState state, int n) {
    if (state.status() != RuntimeStatus.COMPLETED || state.output().asInt() != n) {
      throw new IllegalStateException("workflow " + n + " ended wrong: " + state);
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static int intOption(String[] args, String name, int fallback) {
    return Integer.parseInt(option(args, name, Integer.toString(fallback)));
  }
}
