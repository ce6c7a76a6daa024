package io.swirl.interpreter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.dsl.CompileResult;
import io.swirl.dsl.WorkflowCompiler;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.Engine;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import io.swirl.interpreter.SlwfRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Linearity of a {@code for} whose every iteration calls an activity, on a SQLite file store: one
 * instance of a {@code for} over N items, each item an {@code emit} (the {@code swirl.emit}
 * activity, published to an in-process sink that only records the time), timed from start to
 * terminal on a fresh store per run. Every iteration is one engine step that records the activity's
 * completion and schedules the next, so a per-step cost that grows with history shows as time(2000)
 * / time(500) above 4.
 *
 * <p>Usage: {@code ForActivityScaling [--small 500] [--large 2000] [--reps 5] [--dir DIR]
 * [--range]}; {@code --range} makes the items with jq from an input of {@code {n: N}}, so the
 * instance's input does not grow with N.
 */
public final class ForActivityScaling {

  static final String YAML =
      """
      document:
        dsl: '1.0.0'
        namespace: bench
        name: for-activity
        version: '1.0.0'
      do:
        - loop:
            for:
              each: item
              in: ITEMS
            do:
              - notify:
                  emit:
                    event:
                      with:
                        source: https://bench.swirl.io
                        type: io.swirl.bench.item
                        data: '${ { item: $item } }'
      """;

  public static void main(String[] args) throws IOException {
    boolean range = Arrays.asList(args).contains("--range");
    int small = intArg(args, "--small", 500);
    int large = intArg(args, "--large", 2000);
    int reps = intArg(args, "--reps", 5);
    Path dir = Files.createTempDirectory(Path.of(stringArg(args, "--dir", "/tmp")), "swirl-for-");
    // --range: the items are made by jq from a small input ({n: N}) instead of being the input
    String yaml = YAML.replace("ITEMS", range ? "${ [range(.n)] }" : "${ .items }");
    System.out.println(range ? "items: [range(.n)], input {n: N}" : "items: .items, input N items");
    CompileResult compiled = new WorkflowCompiler().compile("for-activity.yaml", yaml);
    if (!compiled.isValid()) {
      throw new IllegalStateException(compiled.validation().toString());
    }
    WorkflowPlan plan = compiled.plan();

    System.out.printf("warm-up: N=%d %s%n", small, run(plan, dir, "warmup-s", small, range));
    System.out.printf("warm-up: N=%d %s%n", large, run(plan, dir, "warmup-l", large, range));
    List<Run> smalls = new ArrayList<>();
    List<Run> larges = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      Run s = run(plan, dir, "s" + i, small, range);
      Run l = run(plan, dir, "l" + i, large, range);
      smalls.add(s);
      larges.add(l);
      System.out.printf("rep %d: N=%d %s | N=%d %s%n", i + 1, small, s, large, l);
    }
    double ms = median(smalls);
    double ml = median(larges);
    System.out.printf(
        Locale.ROOT,
        "RESULT median time(%d) = %.1f ms, time(%d) = %.1f ms, ratio = %.2f (linear: %.1f)%n",
        small,
        ms,
        large,
        ml,
        ml / ms,
        (double) large / small);
  }

  /** One instance of the loop over {@code n} items on a fresh file store. */
  static Run run(WorkflowPlan plan, Path dir, String name, int n, boolean range) {
    long[] at = new long[n];
    int[] seen = {0};
    Path db = dir.resolve(name + ".db");
    try (Engine engine = Engine.builder(Stores.open(StoreUrl.parse("sqlite:" + db))).build()) {
      SlwfRuntime slwf =
          SlwfRuntime.builder()
              .events(
                  event -> {
                    synchronized (at) {
                      at[seen[0]++] = System.nanoTime();
                    }
                  })
              .build()
              .install(engine);
      slwf.register(plan);
      engine.start();
      ObjectNode input = JsonNodeFactory.instance.objectNode();
      if (range) {
        input.put("n", n);
      } else {
        var items = input.putArray("items");
        for (int i = 0; i < n; i++) {
          items.add(i);
        }
      }
      long t0 = System.nanoTime();
      String id = slwf.start(engine.client(), plan, input, null);
      InstanceState state = engine.client().whenTerminal(id).join().orElseThrow();
      long t1 = System.nanoTime();
      JsonNode data = state.output() == null ? null : state.output().path("data");
      if (state.status() != RuntimeStatus.COMPLETED || seen[0] != n) {
        throw new IllegalStateException("run " + name + " ended " + state + " after " + seen[0]);
      }
      if (data == null || data.path("item").asInt(-1) != n - 1) {
        throw new IllegalStateException("unexpected output " + state.output());
      }
      int tenth = n / 10;
      double[] tenths = new double[tenth == 0 ? 0 : 10];
      for (int k = 0; k < tenths.length; k++) {
        long from = k == 0 ? t0 : at[k * tenth - 1];
        tenths[k] = (at[(k + 1) * tenth - 1] - from) / 1e6 / tenth;
      }
      return new Run((t1 - t0) / 1e6, tenths, state.historySize());
    }
  }

  /**
   * Wall time, ms per item in each tenth of the items (the first includes the start), history
   * events at the end.
   */
  record Run(double ms, double[] tenths, int history) {
    @Override
    public String toString() {
      StringBuilder perTenth = new StringBuilder();
      for (double t : tenths) {
        perTenth.append(String.format(Locale.ROOT, " %.2f", t));
      }
      return String.format(
          Locale.ROOT, "%.1f ms (ms/item by tenth:%s; %d history events)", ms, perTenth, history);
    }
  }

  static double median(List<Run> runs) {
    double[] ms = runs.stream().mapToDouble(Run::ms).sorted().toArray();
    int mid = ms.length / 2;
    return ms.length % 2 == 1 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2;
  }

  private static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
  }

  private static String stringArg(String[] args, String name, String fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  }
}
