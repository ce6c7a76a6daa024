package io.swirl.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runtime expressions are compiled once, in the plan, and evaluate against data. */
class ExpressionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DEFINITION =
      """
      document: {dsl: '1.0.3', namespace: test, name: exprs, version: '0.1.0'}
      do:
        - double:
            if: .n > 0
            set:
              twice: ${ .n * 2 }
              label: fixed
              list: [1, '${ .n }']
            output:
              as: .twice
        - again:
            if: .n > 0
            for:
              each: item
              in: .items
            do:
              - useItem:
                  set:
                    value: ${ $item + $index }
      """;

  @Test
  void a_compiled_expression_evaluates_against_an_input() throws Exception {
    WorkflowPlan plan = Plans.compile("exprs.yaml", DEFINITION);
    TaskNode task = plan.root().get(0);
    Expression condition = task.common().condition();

    assertThat(condition.pointer()).isEqualTo("/do/0/double/if");
    assertThat(condition.evaluateOne(JSON.readTree("{\"n\": 3}"), Map.of()).asBoolean()).isTrue();
    assertThat(condition.evaluateOne(JSON.readTree("{\"n\": 0}"), Map.of()).asBoolean()).isFalse();
    assertThat(task.common().output().transform()).isInstanceOf(ValueTemplate.Computed.class);
  }

  @Test
  void identical_programs_share_one_compiled_query() {
    WorkflowPlan plan = Plans.compile("exprs.yaml", DEFINITION);
    Expression first = plan.root().get(0).common().condition();
    Expression second = plan.root().get(1).common().condition();

    assertThat(first.pointer()).isNotEqualTo(second.pointer());
    assertThat(first.query()).isSameAs(second.query());
  }

  @Test
  void a_template_keeps_literals_and_renders_its_expressions() throws Exception {
    SetTask set = (SetTask) Plans.compile("exprs.yaml", DEFINITION).root().get(0);
    ValueTemplate.Members members = (ValueTemplate.Members) set.set();

    assertThat(members.members().get("label")).isInstanceOf(ValueTemplate.Literal.class);
    assertThat(members.members().get("twice")).isInstanceOf(ValueTemplate.Computed.class);
    JsonNode out = set.set().render(JSON.readTree("{\"n\": 4}"), Map.of());
    // jq may yield a long where JSON parsing gives an int, so compare the text.
    assertThat(out.toString()).isEqualTo("{\"twice\":8,\"label\":\"fixed\",\"list\":[1,4]}");
  }

  @Test
  void loop_variables_are_in_scope_and_bound_at_evaluation() throws Exception {
    ForTask loop = (ForTask) Plans.compile("exprs.yaml", DEFINITION).root().get(1);
    SetTask body = (SetTask) loop.tasks().get(0);
    Expression value =
        ((ValueTemplate.Computed) ((ValueTemplate.Members) body.set()).members().get("value"))
            .expression();

    assertThat(loop.each()).isEqualTo("item");
    assertThat(loop.at()).isEqualTo("index");
    assertThat(value.variables()).contains("item", "index", "context", "workflow");
    JsonNode result =
        value.evaluateOne(
            JSON.nullNode(), Map.of("item", JSON.valueToTree(10), "index", JSON.valueToTree(2)));
    assertThat(result.asInt()).isEqualTo(12);
  }
}
