package io.swirl.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import org.junit.jupiter.api.Test;

/** The jq runtime the interpreter builds on evaluates the DSL's expressions. */
class JqRuntimeTest {

  @Test
  void jq_1_6_builtins_evaluate_a_dsl_style_expression() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    JsonNode input = mapper.readTree("{\"pets\":[{\"name\":\"a\"},{\"name\":\"b\"}]}");
    List<JsonNode> out = new ArrayList<>();
    JsonQuery.compile("[.pets[].name] | join(\",\")", Versions.JQ_1_6)
        .apply(scope, input, out::add);
    assertThat(out).extracting(JsonNode::asText).containsExactly("a,b");
  }
}
