package io.swirl.workflows.code;

import static io.swirl.workflows.code.Workflows.awaitCompletion;
import static io.swirl.workflows.code.Workflows.awaitUntil;
import static io.swirl.workflows.code.Workflows.scheduledActivities;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.StartOptions;
import io.swirl.workflows.code.OrderProcessing.Approval;
import io.swirl.workflows.code.OrderProcessing.OrderPayload;
import io.swirl.workflows.code.OrderProcessing.OrderResult;
import io.swirl.workflows.code.OrderProcessing.PaymentRequest;
import io.swirl.workflows.code.OrderProcessing.Shop;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dapr workflow quickstart's order processing, on Swirl. */
class OrderProcessingTest {

  @TempDir Path dir;

  private final Shop shop = new Shop().stock("cars", 15_000, 100);
  private Engine engine;
  private EngineClient client;

  private void startEngine(Duration approvalTimeout) {
    engine = Workflows.engineIn(dir);
    OrderProcessing.register(engine, shop, approvalTimeout);
    engine.start();
    client = engine.client();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private OrderResult result(InstanceState state) {
    return engine.mapper().convertValue(state.output(), OrderResult.class);
  }

  private String order(String id, OrderPayload order) {
    return client.scheduleNew(OrderProcessing.WORKFLOW, order, StartOptions.withId(id));
  }

  @Test
  void small_order_is_paid_and_taken_from_inventory_without_approval() {
    startEngine(Duration.ofMinutes(5));

    String id = order("order-1", new OrderPayload("cars", 15_000, 1));
    InstanceState state = awaitCompletion(client, id);

    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(result(state)).isEqualTo(new OrderResult(true));
    assertThat(shop.quantity("cars")).isEqualTo(99);
    assertThat(shop.payments()).containsExactly(new PaymentRequest(id, "cars", 15_000, 1));
    assertThat(shop.approvalRequests()).isEmpty();
    assertThat(scheduledActivities(client, id))
        .containsExactly(
            "notify", "verifyInventory", "processPayment", "updateInventory", "notify");
    assertThat(shop.notifications())
        .containsExactly(
            "Received order order-1 for 1 cars at $15000", "Order order-1 has completed");
  }

  @Test
  void large_order_waits_for_manager_approval_then_completes() {
    startEngine(Duration.ofMinutes(5));

    String id = order("order-2", new OrderPayload("cars", 150_000, 10));
    awaitUntil("approval requested", () -> !shop.approvalRequests().isEmpty());
    InstanceState waiting = client.getInstance(id).orElseThrow();
    assertThat(waiting.status()).isEqualTo(RuntimeStatus.RUNNING);
    assertThat(shop.payments()).isEmpty();

    client.raiseEvent(id, OrderProcessing.APPROVAL_EVENT, new Approval(true));
    InstanceState state = awaitCompletion(client, id);

    assertThat(result(state)).isEqualTo(new OrderResult(true));
    assertThat(shop.quantity("cars")).isEqualTo(90);
    assertThat(shop.payments()).containsExactly(new PaymentRequest(id, "cars", 150_000, 10));
    assertThat(scheduledActivities(client, id))
        .containsExactly(
            "notify",
            "verifyInventory",
            "requestApproval",
            "notify",
            "processPayment",
            "updateInventory",
            "notify");
    assertThat(shop.notifications()).contains("Payment for order order-2 has been approved");
  }

  @Test
  void large_order_rejected_by_the_manager_is_not_paid() {
    startEngine(Duration.ofMinutes(5));

    String id = order("order-3", new OrderPayload("cars", 150_000, 10));
    awaitUntil("approval requested", () -> !shop.approvalRequests().isEmpty());
    client.raiseEvent(id, OrderProcessing.APPROVAL_EVENT, new Approval(false));

    assertThat(result(awaitCompletion(client, id))).isEqualTo(new OrderResult(false));
    assertThat(shop.payments()).isEmpty();
    assertThat(shop.quantity("cars")).isEqualTo(100);
    assertThat(shop.notifications()).contains("Payment for order order-3 has been rejected");
  }

  @Test
  void large_order_is_cancelled_when_no_manager_answers_in_time() {
    startEngine(Duration.ofMillis(50));

    String id = order("order-4", new OrderPayload("cars", 150_000, 10));

    assertThat(result(awaitCompletion(client, id))).isEqualTo(new OrderResult(false));
    assertThat(shop.payments()).isEmpty();
    assertThat(scheduledActivities(client, id))
        .containsExactly("notify", "verifyInventory", "requestApproval", "notify");
    assertThat(shop.notifications())
        .last()
        .isEqualTo("Payment for order order-4 has been cancelled due to timeout");
  }

  @Test
  void insufficient_inventory_ends_the_order_early_unprocessed() {
    startEngine(Duration.ofMinutes(5));

    String id = order("order-5", new OrderPayload("cars", 1_500_000, 101));
    InstanceState state = awaitCompletion(client, id);

    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(state.output().toString()).isEqualTo("{\"processed\":false}");
    assertThat(scheduledActivities(client, id))
        .containsExactly("notify", "verifyInventory", "notify");
    assertThat(shop.notifications()).last().isEqualTo("Insufficient inventory for cars");
    assertThat(shop.approvalRequests()).isEmpty();
    assertThat(shop.payments()).isEmpty();
    assertThat(shop.quantity("cars")).isEqualTo(100);
  }
}
