package io.swirl.interpreter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Swirl in memory against the reference implementation in alternating slices within one JVM, so
 * that load from other processes on a shared machine falls on both alike: after a warm-up, each
 * round runs one slice of each side; a round's ratio is Swirl's rate over the reference's. Rates
 * are given per wall second and per process CPU second (all threads, GC and JIT included), the
 * latter being insensitive to how much CPU other processes take.
 *
 * <p>Usage: {@code PairedComparison [--warmup-s 20] [--rounds 15] [--slice-ms 1000]}.
 */
public final class PairedComparison {

  public static void main(String[] args) {
    int warmupSeconds = intArg(args, "--warmup-s", 20);
    int rounds = intArg(args, "--rounds", 15);
    int sliceMs = intArg(args, "--slice-ms", 1000);
    SwirlInMemory swirl = new SwirlInMemory();
    try (Reference reference = new Reference()) {
      System.out.println("reference listeners: " + reference.listeners());
      for (BenchWorkflows w : BenchWorkflows.values()) {
        JsonNode input = w.input();
        JsonNode expected = w.expectedOutput();
        Function<JsonNode, JsonNode> swirlSide = in -> swirl.run(w, in);
        Function<JsonNode, JsonNode> referenceSide = in -> reference.run(w, in);
        long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
          slice(swirlSide, input, expected, 200);
          slice(referenceSide, input, expected, 200);
        }
        List<double[]> pairs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          double[] s = slice(swirlSide, input, expected, sliceMs);
          double[] c = slice(referenceSide, input, expected, sliceMs);
          pairs.add(new double[] {s[0], c[0], s[1], c[1]});
        }
        report(w, pairs);
      }
    }
  }

  /** Runs {@code side} for about {@code ms}; returns {ops per wall second, ops per CPU second}. */
  private static double[] slice(
      Function<JsonNode, JsonNode> side, JsonNode input, JsonNode expected, int ms) {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    long end = t0 + ms * 1_000_000L;
    long ops = 0;
    long now;
    do {
      JsonNode output = side.apply(input);
      if (!expected.equals(output)) {
        throw new IllegalStateException("expected " + expected + ", got " + output);
      }
      ops++;
      now = System.nanoTime();
    } while (now < end);
    long cpu = os.getProcessCpuTime() - cpu0;
    return new double[] {ops * 1e9 / (now - t0), ops * 1e9 / Math.max(1, cpu)};
  }

  private static void report(BenchWorkflows w, List<double[]> pairs) {
    double[] swirlWall = column(pairs, 0);
    double[] refWall = column(pairs, 1);
    double[] swirlCpu = column(pairs, 2);
    double[] refCpu = column(pairs, 3);
    double[] wallRatio = new double[pairs.size()];
    double[] cpuRatio = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      wallRatio[i] = swirlWall[i] / refWall[i];
      cpuRatio[i] = swirlCpu[i] / refCpu[i];
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT %s: wall ops/s swirl %s, reference %s; ratio median %.2f (min %.2f, max %.2f)%n",
        w,
        summary(swirlWall),
        summary(refWall),
        median(wallRatio),
        min(wallRatio),
        max(wallRatio));
    System.out.printf(
        Locale.ROOT,
        "RESULT %s: ops per CPU-s swirl %s, reference %s; ratio median %.2f (min %.2f, max %.2f)%n",
        w,
        summary(swirlCpu),
        summary(refCpu),
        median(cpuRatio),
        min(cpuRatio),
        max(cpuRatio));
  }

  private static String summary(double[] values) {
    return String.format(
        Locale.ROOT, "median %.0f [%.0f..%.0f]", median(values), min(values), max(values));
  }

  private static double[] column(List<double[]> rows, int i) {
    return rows.stream().mapToDouble(r -> r[i]).toArray();
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  private static int intArg(String[] args, String name, int fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : fallback;
  }
}
