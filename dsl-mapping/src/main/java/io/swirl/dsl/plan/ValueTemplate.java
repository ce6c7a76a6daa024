package io.swirl.dsl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * A JSON value whose runtime expressions are compiled: the tree keeps its shape, and each leaf is
 * either a literal or an {@link Expression}. A literal leaf's {@link JsonNode} is shared by the
 * plan: callers must not mutate it ({@link #render} returns fresh trees).
 */
public sealed interface ValueTemplate {

  /** A literal leaf (string, number, boolean, null) or a subtree that holds no expression. */
  record Literal(JsonNode value) implements ValueTemplate {}

  /** A leaf that is a runtime expression; it renders to the expression's first result. */
  record Computed(Expression expression) implements ValueTemplate {}

  /** An object with at least one expression inside; members in document order. */
  record Members(Map<String, ValueTemplate> members) implements ValueTemplate {
    public Members {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }
  }

  /** An array with at least one expression inside. */
  record Items(List<ValueTemplate> items) implements ValueTemplate {
    public Items {
      items = List.copyOf(items);
    }
  }

  /** True when nothing in the tree is computed. */
  default boolean isLiteral() {
    return this instanceof Literal;
  }

  /** The value for {@code input}: every expression evaluated, every literal deep-copied. */
  default JsonNode render(JsonNode input, Map<String, JsonNode> variables)
      throws JsonQueryException {
    if (this instanceof Literal literal) {
      return literal.value().deepCopy();
    }
    if (this instanceof Computed computed) {
      JsonNode value = computed.expression().evaluateOne(input, variables);
      return value == null ? NullNode.getInstance() : value;
    }
    if (this instanceof Members object) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, ValueTemplate> member : object.members().entrySet()) {
        out.set(member.getKey(), member.getValue().render(input, variables));
      }
      return out;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (ValueTemplate item : ((Items) this).items()) {
      out.add(item.render(input, variables));
    }
    return out;
  }
}
