package io.swirl.interpreter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The workflows both runtimes are measured on, with their input and the output both must produce.
 * One YAML text each, parsed by each runtime's own reader.
 */
public enum BenchWorkflows {
  /** Five {@code set} tasks in a row, each reading the previous one's output. */
  SET_CHAIN(
      """
      document:
        dsl: '1.0.0'
        namespace: bench
        name: set-chain
        version: '1.0.0'
      do:
        - s1:
            set:
              n: ${ .n + 1 }
              last: s1
        - s2:
            set:
              n: ${ .n + 1 }
              last: s2
        - s3:
            set:
              n: ${ .n + 1 }
              last: s3
        - s4:
            set:
              n: ${ .n + 1 }
              last: s4
        - s5:
            set:
              n: ${ .n + 1 }
              last: s5
      """),

  /** A {@code for} over 100 items with one {@code set} per item. */
  FOR_100(
      """
      document:
        dsl: '1.0.0'
        namespace: bench
        name: for-set
        version: '1.0.0'
      do:
        - loop:
            for:
              each: item
              in: ${ .items }
            do:
              - add:
                  set:
                    total: ${ .total + $item }
      """);

  public final String yaml;

  BenchWorkflows(String yaml) {
    this.yaml = yaml;
  }

  /** The workflow input. */
  public JsonNode input() {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    if (this == SET_CHAIN) {
      input.put("n", 0);
      return input;
    }
    ArrayNode items = input.putArray("items");
    for (int i = 1; i <= 100; i++) {
      items.add(i);
    }
    input.put("total", 0);
    return input;
  }

  /** The output both runtimes must produce for {@link #input()}. */
  public JsonNode expectedOutput() {
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    if (this == SET_CHAIN) {
      output.put("n", 5);
      output.put("last", "s5");
    } else {
      output.put("total", 5050);
    }
    return output;
  }
}
