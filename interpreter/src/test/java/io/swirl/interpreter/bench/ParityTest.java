package io.swirl.interpreter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's workflows give the same output on every side it measures. */
class ParityTest {

  @Test
  void swirl_in_memory_on_engine_and_the_reference_implementation_agree() {
    SwirlInMemory direct = new SwirlInMemory();
    try (SwirlOnEngine engine = new SwirlOnEngine("sqlite::memory:");
        Reference reference = new Reference()) {
      for (BenchWorkflows w : BenchWorkflows.values()) {
        assertThat(direct.run(w, w.input())).as("%s in memory", w).isEqualTo(w.expectedOutput());
        assertThat(engine.run(w, w.input())).as("%s on engine", w).isEqualTo(w.expectedOutput());
        assertThat(reference.run(w, w.input())).as("%s reference", w).isEqualTo(w.expectedOutput());
      }
    }
  }
}
