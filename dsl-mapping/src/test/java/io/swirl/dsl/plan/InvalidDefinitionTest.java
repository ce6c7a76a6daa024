package io.swirl.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.dsl.CompileResult;
import org.junit.jupiter.api.Test;

/** An invalid definition compiles to its diagnostics and no plan. */
class InvalidDefinitionTest {

  @Test
  void an_unknown_then_target_gives_diagnostics_and_no_plan() {
    CompileResult result =
        Plans.COMPILER.compile(
            "broken.yaml",
            """
            document: {dsl: '1.0.3', namespace: test, name: broken, version: '0.1.0'}
            do:
              - first:
                  set: {a: 1}
                  then: nowhere
            """);

    assertThat(result.isValid()).isFalse();
    assertThat(result.plan()).isNull();
    assertThat(result.planIfValid()).isEmpty();
    assertThat(result.validation().errors())
        .anySatisfy(d -> assertThat(d.pointer()).startsWith("/do/0/first/then"));
  }

  @Test
  void unparseable_text_gives_a_syntax_diagnostic_and_no_plan() {
    CompileResult result = Plans.COMPILER.compile("bad.json", "{\"document\": ");

    assertThat(result.plan()).isNull();
    assertThat(result.validation().errors()).extracting(d -> d.code()).contains("syntax");
  }
}
