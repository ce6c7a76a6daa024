package io.swirl.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The definition hash is canonical: the format and layout do not change it, the content does. */
class DefinitionHashTest {

  private static final String YAML =
      """
      document:
        dsl: '1.0.3'
        namespace: test
        name: hashed
        version: '0.1.0'
      do:
        - wait:
            wait: {seconds: 1.0}
        - greet:
            set:
              greeting: hello
      """;

  private static final String JSON =
      """
      {"do": [{"wait": {"wait": {"seconds": 1}}}, {"greet": {"set": {"greeting": "hello"}}}],
       "document": {"version": "0.1.0", "name": "hashed", "namespace": "test", "dsl": "1.0.3"}}
      """;

  @Test
  void yaml_and_equivalent_json_hash_the_same() {
    String yaml = Plans.compile("hashed.yaml", YAML).definitionHash();
    String json = Plans.compile("hashed.json", JSON).definitionHash();

    assertThat(yaml).matches("[0-9a-f]{64}").isEqualTo(json);
  }

  @Test
  void changing_one_value_changes_the_hash() {
    String before = Plans.compile("hashed.yaml", YAML).definitionHash();
    String after = Plans.compile("hashed.yaml", YAML.replace("hello", "hallo")).definitionHash();

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void the_plan_keeps_the_source_text() {
    assertThat(Plans.compile("hashed.yaml", YAML).source()).isEqualTo(YAML);
  }
}
