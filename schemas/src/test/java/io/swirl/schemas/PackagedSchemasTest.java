package io.swirl.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PackagedSchemasTest {

  @Test
  void workflow_schema_is_on_the_class_path_and_pinned_to_dsl_1_0_3() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/io/swirl/schemas/workflow.yaml")) {
      assertThat(in).as("packaged workflow schema").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text.lines().findFirst())
          .contains("$id: https://serverlessworkflow.io/schemas/1.0.3/workflow.yaml");
    }
  }
}
