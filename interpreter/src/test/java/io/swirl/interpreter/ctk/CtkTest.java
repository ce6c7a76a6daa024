package io.swirl.interpreter.ctk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.interpreter.Problem;
import io.swirl.interpreter.SecretsProvider;
import io.swirl.interpreter.SlwfRuntime;
import io.swirl.interpreter.support.Harness;
import io.swirl.interpreter.support.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec's conformance test kit: every scenario of {@code shared/spec/ctk/*.feature}, with
 * petstore.swagger.io and httpbin.org answered by a local stub server.
 */
class CtkTest {

  private static final Path CTK = Path.of("..", "..", "shared", "spec", "ctk");
  private static final Pattern PROPERTIES = Pattern.compile("'([^']+)'");

  private static StubServer stub;
  private static Harness harness;

  @BeforeAll
  static void start() throws Exception {
    stub = new StubServer();
    harness = new Harness("sqlite::memory:", stub.hosts(), Set.of(), SecretsProvider.NONE);
  }

  @AfterAll
  static void stop() {
    harness.close();
    stub.close();
  }

  @TestFactory
  Stream<DynamicNode> ctk_scenarios_pass() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(CTK)) {
      files = list.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    List<DynamicNode> features = new ArrayList<>();
    for (Path file : files) {
      Feature feature = Feature.read(file);
      features.add(
          DynamicContainer.dynamicContainer(
              file.getFileName() + ": " + feature.name(),
              feature.scenarios().stream()
                  .map(s -> DynamicTest.dynamicTest(s.name(), () -> run(s)))));
    }
    return features.stream();
  }

  private static void run(Feature.Scenario scenario) {
    String definition = null;
    String input = null;
    InstanceState state = null;
    for (Feature.Step step : scenario.steps()) {
      String text = step.text();
      if (text.startsWith("a workflow with definition")) {
        definition = step.docString();
      } else if (text.startsWith("given the workflow input is")) {
        input = step.docString();
      } else if (text.equals("the workflow is executed")) {
        state = harness.run(definition, input);
      } else {
        check(state, step);
      }
    }
  }

  private static void check(InstanceState state, Feature.Step step) {
    String text = step.text();
    String why = text + " (state: " + state + ")";
    if (text.startsWith("the workflow should complete")) {
      assertThat(state.status()).as(why).isEqualTo(RuntimeStatus.COMPLETED);
      if (step.docString() != null) {
        assertThat(state.output()).as(why).isEqualTo(Harness.json(step.docString()));
      }
    } else if (text.startsWith("the workflow should fault")) {
      assertThat(state.status()).as(why).isEqualTo(RuntimeStatus.FAILED);
      if (step.docString() != null) {
        Problem problem = SlwfRuntime.problem(state);
        JsonNode actual = problem.toJson();
        Harness.json(step.docString())
            .fields()
            .forEachRemaining(
                f -> assertThat(actual.get(f.getKey())).as(why).isEqualTo(f.getValue()));
      }
    } else if (text.startsWith("the workflow should cancel")) {
      assertThat(state.status()).as(why).isEqualTo(RuntimeStatus.TERMINATED);
    } else if (text.startsWith("the workflow output should have properties")) {
      Matcher m = PROPERTIES.matcher(text);
      while (m.find()) {
        assertThat(at(state.output(), m.group(1)).isMissingNode())
            .as("%s has %s", state.output(), m.group(1))
            .isFalse();
      }
    } else if (text.matches("the workflow output should have a '.*' property with value:?")) {
      Matcher m = PROPERTIES.matcher(text);
      m.find();
      assertThat(at(state.output(), m.group(1))).as(why).isEqualTo(Harness.json(step.docString()));
    } else if (text.matches(
        "the workflow output should have a '.*' property containing \\d+ items")) {
      Matcher m = PROPERTIES.matcher(text);
      m.find();
      int count = Integer.parseInt(text.replaceAll(".*containing (\\d+) items", "$1"));
      assertThat(at(state.output(), m.group(1)).size()).as(why).isEqualTo(count);
    } else {
      TaskOrder.check(harness, state.instanceId(), text);
    }
  }

  private static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      current = current.path(part);
    }
    return current;
  }
}
