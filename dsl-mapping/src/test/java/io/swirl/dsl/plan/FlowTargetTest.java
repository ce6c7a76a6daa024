package io.swirl.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code then} and switch-case targets resolve to positions in the same list. */
class FlowTargetTest {

  @Test
  void switch_cases_resolve_to_the_index_of_the_named_task() {
    WorkflowPlan plan = Plans.example("switch-then-string.yaml");
    SwitchTask choose = (SwitchTask) plan.root().get(0);

    assertThat(choose.cases())
        .extracting(SwitchTask.Case::then)
        .containsExactly(
            new FlowTarget.Goto(1, "processElectronicOrder"),
            new FlowTarget.Goto(2, "processPhysicalOrder"),
            new FlowTarget.Goto(3, "handleUnknownOrderType"));
    assertThat(choose.cases().get(0).when().program()).isEqualTo(".orderType == \"electronic\"");
    assertThat(choose.cases().get(2).when()).isNull();
    assertThat(plan.root().get(1).common().then()).isEqualTo(FlowTarget.EXIT);
    assertThat(plan.root().get(3).common().then()).isEqualTo(FlowTarget.CONTINUE);
  }

  @Test
  void then_resolves_backwards_and_to_directives() {
    WorkflowPlan plan =
        Plans.compile(
            "loop.yaml",
            """
            document: {dsl: '1.0.3', namespace: test, name: loop, version: '0.1.0'}
            do:
              - first:
                  set: {n: 1}
              - second:
                  set: {n: 2}
                  then: first
              - third:
                  do:
                    - inner:
                        set: {n: 3}
                        then: end
            """);

    assertThat(plan.root().get(0).common().then()).isEqualTo(FlowTarget.CONTINUE);
    assertThat(plan.root().get(1).common().then()).isEqualTo(new FlowTarget.Goto(0, "first"));
    DoTask third = (DoTask) plan.root().get(2);
    assertThat(third.tasks().pointer()).isEqualTo("/do/2/third/do");
    assertThat(third.tasks().get(0).pointer()).isEqualTo("/do/2/third/do/0/inner");
    assertThat(third.tasks().get(0).common().then()).isEqualTo(FlowTarget.END);
  }
}
