package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.workflows.scenarios.Stub.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario 06: the Dapr quickstart's order processing, approval above 50,000 by event. */
class OrderProcessingIT extends ScenarioBase {

  private static final String APPROVAL = "com.example.order.approval";

  private final Map<String, Integer> stock = new ConcurrentHashMap<>();
  private String workflow;

  @BeforeEach
  void deploy() {
    stock.put("paperclip", 100);
    stock.put("car", 5);
    stock.put("vase", 1);
    stub.on("POST", "/notifications/notifications", call -> Reply.status(201, Map.of()))
        .on(
            "GET",
            "/inventory/items/:item",
            call ->
                Reply.ok(
                    Map.of(
                        "itemName",
                        call.param("item"),
                        "quantity",
                        stock.getOrDefault(call.param("item"), 0))))
        .on(
            "POST",
            "/inventory/items/:item/take",
            call -> {
              if (call.param("item").equals("vase")) {
                return Reply.status(409, Map.of("error", "sold out meanwhile"));
              }
              int left =
                  stock.merge(
                      call.param("item"), -call.body().path("quantity").asInt(), Integer::sum);
              return Reply.ok(Map.of("itemName", call.param("item"), "quantity", left));
            })
        .on("POST", "/approvals/approvals", call -> Reply.status(202, Map.of()))
        .on("POST", "/payments/payments", call -> Reply.status(201, Map.of("id", "PAY-1")));
    workflow = swirl.deploy("06-order-processing");
  }

  private String order(String orderId, String item, int quantity, int totalCost) {
    return swirl.start(
        workflow,
        input(
            "{orderId: '%s', itemName: '%s', quantity: %d, totalCost: %d, approvalTimeout: '%s'}"
                .formatted(
                    orderId,
                    item,
                    quantity,
                    totalCost,
                    orderId.endsWith("late") ? "PT1S" : "PT30S"),
            "notifications",
            "inventory",
            "approvals",
            "payments"));
  }

  private List<String> notifications() {
    return stub.calls().stream()
        .filter(c -> c.path().equals("/notifications/notifications"))
        .map(c -> c.body().path("message").asText())
        .toList();
  }

  @Test
  void a_small_order_is_paid_and_taken_from_stock_without_approval() {
    String id = order("o-1", "paperclip", 10, 100);

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(json("{processed: true, payment: 'PAY-1', inStock: 90}"));
    assertThat(notifications())
        .containsExactly("Received order o-1 for 10 paperclip at $100", "Order o-1 has completed");
    assertThat(swirl.history(id).httpCalls())
        .containsExactly(
            "POST /notifications/notifications",
            "GET /inventory/items/paperclip",
            "POST /payments/payments",
            "POST /inventory/items/paperclip/take",
            "POST /notifications/notifications");
    assertThat(stock).containsEntry("paperclip", 90);
  }

  @Test
  void insufficient_inventory_ends_the_order_early() {
    String id = order("o-2", "car", 6, 30000);

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(json("{processed: false, reason: 'insufficient inventory'}"));
    assertThat(notifications()).last().isEqualTo("Insufficient inventory for car");
    assertThat(stub.requests("/payments")).isEmpty();
    assertThat(stock).containsEntry("car", 5);
  }

  @Test
  void an_order_above_50000_waits_for_the_managers_approval_event() {
    String id = order("o-3", "car", 2, 60000);
    swirl.awaitStatus(id, "waiting"::equals);
    assertThat(stub.requests("/payments")).isEmpty();
    assertThat(stub.requests("/approvals")).containsExactly("POST /approvals/approvals");

    swirl.publish(APPROVAL, json("{orderId: 'o-3', approved: true}"));

    JsonNode output = swirl.awaitOutput(id);
    assertThat(output).isEqualTo(json("{processed: true, payment: 'PAY-1', inStock: 3}"));
    assertThat(notifications())
        .containsExactly(
            "Received order o-3 for 2 car at $60000",
            "Payment for order o-3 has been approved",
            "Order o-3 has completed");
    assertThat(swirl.history(id).deliveredEventTypes()).containsExactly(APPROVAL);
  }

  @Test
  void a_rejected_order_is_not_paid() {
    String id = order("o-4", "car", 2, 60000);
    swirl.awaitStatus(id, "waiting"::equals);

    swirl.publish(APPROVAL, json("{orderId: 'o-4', approved: false}"));

    assertThat(swirl.awaitOutput(id)).isEqualTo(json("{processed: false, reason: 'rejected'}"));
    assertThat(notifications())
        .last()
        .isEqualTo("Payment for order o-4 has been cancelled (rejected)");
    assertThat(stub.requests("/payments")).isEmpty();
  }

  @Test
  void no_approval_in_time_cancels_the_order() {
    String id = order("o-5-late", "car", 2, 60000);

    assertThat(swirl.awaitOutput(id)).isEqualTo(json("{processed: false, reason: 'timed out'}"));
    assertThat(notifications())
        .last()
        .isEqualTo("Payment for order o-5-late has been cancelled (timed out)");
    assertThat(swirl.history(id).of("TimerFired")).hasSize(1);
    assertThat(stub.requests("/payments")).isEmpty();
  }

  @Test
  void a_failed_inventory_update_ends_the_order_unprocessed() {
    String id = order("o-6", "vase", 1, 40);

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(json("{processed: false, reason: 'inventory update failed'}"));
    assertThat(notifications()).last().asString().startsWith("Order o-6 failed: ");
    assertThat(swirl.history(id).httpCalls())
        .contains("POST /payments/payments", "POST /inventory/items/vase/take");
  }
}
