package io.swirl.interpreter.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.thisptr.jackson.jq.Scope;

/**
 * The {@code $variables} of one evaluation: an immutable chain, so a loop or a catch adds its own
 * names without touching its parent's. Values may be lazy ({@code $secrets} is only resolved when
 * an expression reads it).
 */
public final class Variables {

  public static final Variables EMPTY = new Variables(null, Map.of());

  private final Variables parent;
  private final Map<String, Supplier<JsonNode>> own;

  private Variables(Variables parent, Map<String, Supplier<JsonNode>> own) {
    this.parent = parent;
    this.own = own;
  }

  /** These variables plus {@code name} (shadowing an outer one). */
  public Variables with(String name, JsonNode value) {
    JsonNode v = value == null ? NullNode.getInstance() : value;
    return new Variables(this, Map.of(name, () -> v));
  }

  /** These variables plus a lazily computed {@code name}. */
  public Variables withLazy(String name, Supplier<JsonNode> value) {
    return new Variables(this, Map.of(name, value));
  }

  /** These variables plus all of {@code values}. */
  public Variables with(Map<String, JsonNode> values) {
    Map<String, Supplier<JsonNode>> map = new HashMap<>();
    values.forEach(
        (k, v) -> {
          JsonNode value = v == null ? NullNode.getInstance() : v;
          map.put(k, () -> value);
        });
    return new Variables(this, map);
  }

  /** The value of {@code name}, or null when unbound. */
  public JsonNode get(String name) {
    for (Variables v = this; v != null; v = v.parent) {
      Supplier<JsonNode> value = v.own.get(name);
      if (value != null) {
        return value.get();
      }
    }
    return null;
  }

  /** Binds each of {@code names} into {@code scope}; unbound names are bound to null. */
  void bind(Set<String> names, Scope scope) {
    for (String name : names) {
      Supplier<JsonNode> value = lookup(name);
      if (value == null) {
        scope.setValue(name, NullNode.getInstance());
      } else {
        scope.setValue(name, value);
      }
    }
  }

  private Supplier<JsonNode> lookup(String name) {
    for (Variables v = this; v != null; v = v.parent) {
      Supplier<JsonNode> value = v.own.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
