package io.swirl.interpreter;

import static io.swirl.interpreter.DataFlowTest.doc;
import static io.swirl.interpreter.support.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.interpreter.support.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** for and fork. */
class LoopsAndForksTest {

  private final Harness h = new Harness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void for_binds_each_and_at_per_iteration_and_chains_outputs() {
    var s =
        h.run(
            doc(
                """
                do:
                  - loop:
                      for:
                        each: n
                        in: .numbers
                        at: i
                      do:
                        - add:
                            set:
                              numbers: ${ .numbers }
                              sum: ${ (.sum // 0) + $n }
                              seen: ${ (.seen // []) + [$i] }
                """),
            "numbers: [3, 4, 5]");
    assertThat(s.output()).isEqualTo(json("{ numbers: [3, 4, 5], sum: 12, seen: [0, 1, 2] }"));
  }

  @Test
  void for_while_is_checked_before_every_iteration() {
    var s =
        h.run(
            doc(
                """
                do:
                  - loop:
                      for:
                        in: .items
                      while: (.count // 0) < 2
                      do:
                        - add:
                            set:
                              items: ${ .items }
                              count: ${ (.count // 0) + 1 }
                              last: ${ $item }
                """),
            "items: [a, b, c, d]");
    assertThat(s.output()).isEqualTo(json("{ items: [a, b, c, d], count: 2, last: b }"));
  }

  @Test
  void for_over_an_empty_collection_outputs_its_input() {
    var s =
        h.run(
            doc(
                """
                do:
                  - loop:
                      for:
                        in: .items
                      do:
                        - add:
                            set: { touched: true }
                """),
            "items: []");
    assertThat(s.output()).isEqualTo(json("items: []"));
  }

  @Test
  void fork_without_compete_outputs_every_branch_in_declaration_order() {
    var s =
        h.run(
            doc(
                """
                do:
                  - both:
                      fork:
                        branches:
                          - slow:
                              wait: { milliseconds: 300 }
                              output:
                                as: '"slow"'
                          - fast:
                              set: { v: fast }
                              output:
                                as: .v
                """),
            null);
    assertThat(s.output()).isEqualTo(json("[slow, fast]"));
  }

  @Test
  void fork_compete_outputs_the_first_branch_to_finish() {
    var s =
        h.run(
            doc(
                """
                do:
                  - race:
                      fork:
                        compete: true
                        branches:
                          - slow:
                              wait: { seconds: 30 }
                          - fast:
                              wait: { milliseconds: 50 }
                              output:
                                as: '{ winner: "fast" }'
                """),
            null);
    assertThat(s.output()).isEqualTo(json("winner: fast"));
  }

  @Test
  void a_faulted_branch_faults_the_fork() {
    var s =
        h.run(
            doc(
                """
                do:
                  - both:
                      fork:
                        branches:
                          - ok:
                              set: { v: 1 }
                          - bad:
                              raise:
                                error: { type: https://example.com/e, status: 418 }
                """),
            null);
    assertThat(SlwfRuntime.problem(s).instance()).isEqualTo("/do/0/both/fork/branches/1/bad");
  }
}
