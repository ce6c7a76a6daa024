package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.workflows.scenarios.Stub.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario 02: a batch of N items (N from the service) processed on parallel lanes, summed. */
class FanOutFanInIT extends ScenarioBase {

  private String workflow;

  @BeforeEach
  void deploy() {
    stub.on(
            "GET",
            "/batches/batches/:id",
            call -> {
              // The batch id says how many items it has: "b-7" has 7, item i has i+1 words.
              int n = Integer.parseInt(call.param("id").substring(2));
              List<Map<String, Object>> items = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                items.add(Map.of("id", "item-" + (char) ('a' + i), "text", "w ".repeat(i + 1)));
              }
              return Reply.ok(Map.of("items", items));
            })
        .onSlow(
            "POST",
            "/workers/process",
            150,
            call ->
                Reply.ok(
                    Map.of(
                        "id",
                        call.body().path("id").asText(),
                        "words",
                        call.body().path("text").asText().trim().split(" ").length)));
    workflow = swirl.deploy("02-fan-out-fan-in");
  }

  @Test
  void ten_items_are_processed_in_parallel_and_added_up() {
    String id = swirl.start(workflow, input("{batchId: 'b-10'}", "batches", "workers"));

    JsonNode output = swirl.awaitOutput(id);

    assertThat(output.path("batch").asText()).isEqualTo("b-10");
    assertThat(output.path("items").asInt()).isEqualTo(10);
    assertThat(output.path("total").asInt()).isEqualTo(55);
    assertThat(output.path("results").findValuesAsText("id"))
        .containsExactly(
            "item-a", "item-b", "item-c", "item-d", "item-e", "item-f", "item-g", "item-h",
            "item-i", "item-j");
    assertThat(stub.maxInFlight()).as("work items processed at the same time").isGreaterThan(1);
    List<String> calls = swirl.history(id).httpCalls();
    assertThat(calls).first().isEqualTo("GET /batches/batches/b-10");
    assertThat(calls.subList(1, calls.size())).hasSize(10).containsOnly("POST /workers/process");
  }

  @Test
  void the_batch_size_is_whatever_the_service_says() {
    String three = swirl.start(workflow, input("{batchId: 'b-3'}", "batches", "workers"));
    String none = swirl.start(workflow, input("{batchId: 'b-0'}", "batches", "workers"));

    assertThat(swirl.awaitOutput(three))
        .isEqualTo(
            json(
                "{batch: 'b-3', items: 3, total: 6, results: [{id: 'item-a', words: 1},"
                    + " {id: 'item-b', words: 2}, {id: 'item-c', words: 3}]}"));
    assertThat(swirl.awaitOutput(none))
        .isEqualTo(json("{batch: 'b-0', items: 0, total: 0, results: []}"));
    assertThat(swirl.history(none).httpCalls()).containsExactly("GET /batches/batches/b-0");
  }
}
