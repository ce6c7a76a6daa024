package io.swirl.interpreter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Swirl against the CNCF reference implementation on the same YAML and input, one instance at a
 * time on one thread, in workflows per second:
 *
 * <ul>
 *   <li>{@code swirlInMemory}: the interpreter on engine-core's replay state machine, no store;
 *   <li>{@code swirlEngineMemoryStore}: a full engine on {@code sqlite::memory:} (start, dispatch,
 *       commit of history, terminal notification);
 *   <li>{@code reference}: {@code serverlessworkflow-impl-jackson}, lifecycle events off.
 * </ul>
 *
 * Every run's output is checked against the expected one, so a wrong answer cannot be fast. The
 * warm-up is long because on a loaded 2-core machine the JIT gets little CPU: with 5 x 2 s, Swirl's
 * in-memory forks were often still far from steady state when measurement began. Run with {@code
 * interpreter/bench.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InterpreterBenchmark {

  @Param({"SET_CHAIN", "FOR_100"})
  public BenchWorkflows workflow;

  private JsonNode input;
  private JsonNode expected;

  @Setup(Level.Trial)
  public void setUp() {
    input = workflow.input();
    expected = workflow.expectedOutput();
  }

  /**
   * Each runtime is its own state, so a trial only builds (and runs threads of) the one it uses.
   */
  @State(Scope.Benchmark)
  public static class InMemory {
    final SwirlInMemory swirl = new SwirlInMemory();
  }

  @State(Scope.Benchmark)
  public static class OnEngine {
    SwirlOnEngine swirl;

    @Setup(Level.Trial)
    public void setUp() {
      swirl = new SwirlOnEngine("sqlite::memory:");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      swirl.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Cncf {
    Reference reference;

    @Setup(Level.Trial)
    public void setUp() {
      reference = new Reference();
      System.out.println("reference implementation listeners: " + reference.listeners());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      reference.close();
    }
  }

  @Benchmark
  public JsonNode swirlInMemory(InMemory state) {
    return check(state.swirl.run(workflow, input));
  }

  @Benchmark
  public JsonNode swirlEngineMemoryStore(OnEngine state) {
    return check(state.swirl.run(workflow, input));
  }

  @Benchmark
  public JsonNode reference(Cncf state) {
    return check(state.reference.run(workflow, input));
  }

  private JsonNode check(JsonNode output) {
    if (!expected.equals(output)) {
      throw new IllegalStateException(workflow + ": expected " + expected + ", got " + output);
    }
    return output;
  }
}
