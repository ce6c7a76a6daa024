package io.swirl.workflows.code;

import io.swirl.engine.Engine;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.NonRetriableException;
import io.swirl.engine.OrchestrationContext;
import io.swirl.engine.TaskFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dapr's workflow quickstart, order processing: notify that the order came in, verify the
 * inventory, ask a manager to approve orders above 50,000 (an external event, with a timeout),
 * process the payment, update the inventory, notify that it is done. Insufficient inventory ends
 * the order early, unprocessed.
 */
public final class OrderProcessing {

  public static final String WORKFLOW = "OrderProcessingWorkflow";

  /** The external event a manager's decision arrives as. */
  public static final String APPROVAL_EVENT = "manager_approval";

  /** Orders costing more than this need a manager's approval. */
  public static final long APPROVAL_THRESHOLD = 50_000;

  private OrderProcessing() {}

  public record OrderPayload(String itemName, long totalCost, int quantity) {}

  public record InventoryRequest(String requestId, String itemName, int quantity) {}

  public record InventoryItem(String itemName, long perItemCost, int quantity) {}

  public record InventoryResult(boolean success, InventoryItem inventoryItem) {}

  public record PaymentRequest(
      String requestId, String itemBeingPurchased, long amount, int quantity) {}

  public record Approval(boolean approval) {}

  public record OrderResult(boolean processed) {}

  /**
   * Registers the workflow and its activities, which act on {@code shop}.
   *
   * @param approvalTimeout how long a large order waits for a manager before it is cancelled
   */
  public static void register(Engine engine, Shop shop, Duration approvalTimeout) {
    engine.registerActivity("notify", ctx -> shop.notify(ctx.getInput(String.class)));
    engine.registerActivity(
        "verifyInventory", ctx -> shop.verify(ctx.getInput(InventoryRequest.class)));
    engine.registerActivity(
        "requestApproval", ctx -> shop.requestApproval(ctx.getInput(OrderPayload.class)));
    engine.registerActivity("processPayment", ctx -> shop.pay(ctx.getInput(PaymentRequest.class)));
    engine.registerActivity(
        "updateInventory", ctx -> shop.take(ctx.getInput(PaymentRequest.class)));
    engine.registerOrchestrator(WORKFLOW, ctx -> run(ctx, approvalTimeout));
  }

  static OrderResult run(OrchestrationContext ctx, Duration approvalTimeout) {
    String orderId = ctx.instanceId();
    OrderPayload order = ctx.getInput(OrderPayload.class);
    notify(
        ctx,
        "Received order %s for %d %s at $%d"
            .formatted(orderId, order.quantity(), order.itemName(), order.totalCost()));

    InventoryRequest wanted = new InventoryRequest(orderId, order.itemName(), order.quantity());
    InventoryResult inventory =
        ctx.callActivity("verifyInventory", wanted, InventoryResult.class).await();
    if (!inventory.success()) {
      notify(ctx, "Insufficient inventory for " + order.itemName());
      return new OrderResult(false);
    }

    if (order.totalCost() > APPROVAL_THRESHOLD) {
      ctx.callActivity("requestApproval", order, Void.class).await();
      Approval approval;
      try {
        approval =
            ctx.convert(
                ctx.waitForExternalEvent(APPROVAL_EVENT, approvalTimeout).await(), Approval.class);
      } catch (TaskFailedException e) {
        if (!FailureDetails.TIMEOUT.equals(e.failure().type())) {
          throw e;
        }
        notify(ctx, "Payment for order " + orderId + " has been cancelled due to timeout");
        return new OrderResult(false);
      }
      if (approval == null || !approval.approval()) {
        notify(ctx, "Payment for order " + orderId + " has been rejected");
        return new OrderResult(false);
      }
      notify(ctx, "Payment for order " + orderId + " has been approved");
    }

    PaymentRequest payment =
        new PaymentRequest(orderId, order.itemName(), order.totalCost(), order.quantity());
    ctx.callActivity("processPayment", payment, Void.class).await();
    try {
      ctx.callActivity("updateInventory", payment, Void.class).await();
    } catch (TaskFailedException e) {
      notify(ctx, "Order " + orderId + " failed: " + e.failure().message());
      return new OrderResult(false);
    }

    notify(ctx, "Order " + orderId + " has completed");
    return new OrderResult(true);
  }

  private static void notify(OrchestrationContext ctx, String message) {
    ctx.callActivity("notify", message, Void.class).await();
  }

  /** An in-memory shop: stock by item, payments taken, notifications sent. Thread-safe. */
  public static final class Shop {

    private final Map<String, InventoryItem> stock = new HashMap<>();
    private final List<PaymentRequest> payments = new ArrayList<>();
    private final List<OrderPayload> approvalRequests = new ArrayList<>();
    private final List<String> notifications = new ArrayList<>();

    public synchronized Shop stock(String itemName, long perItemCost, int quantity) {
      stock.put(itemName, new InventoryItem(itemName, perItemCost, quantity));
      return this;
    }

    synchronized String notify(String message) {
      notifications.add(message);
      return message;
    }

    synchronized InventoryResult verify(InventoryRequest request) {
      InventoryItem item = stock.get(request.itemName());
      if (item == null || item.quantity() < request.quantity()) {
        return new InventoryResult(false, null);
      }
      return new InventoryResult(true, item);
    }

    synchronized String requestApproval(OrderPayload order) {
      approvalRequests.add(order);
      return "requested";
    }

    synchronized String pay(PaymentRequest payment) {
      payments.add(payment);
      return "paid";
    }

    synchronized InventoryItem take(PaymentRequest payment) {
      InventoryItem item = stock.get(payment.itemBeingPurchased());
      int left = item == null ? -1 : item.quantity() - payment.quantity();
      if (left < 0) {
        throw new NonRetriableException(
            "inventory.insufficient",
            "not enough " + payment.itemBeingPurchased() + " left in stock",
            null);
      }
      InventoryItem updated = new InventoryItem(item.itemName(), item.perItemCost(), left);
      stock.put(item.itemName(), updated);
      return updated;
    }

    /** How many of {@code itemName} are in stock. */
    public synchronized int quantity(String itemName) {
      InventoryItem item = stock.get(itemName);
      return item == null ? 0 : item.quantity();
    }

    public synchronized List<PaymentRequest> payments() {
      return List.copyOf(payments);
    }

    public synchronized List<OrderPayload> approvalRequests() {
      return List.copyOf(approvalRequests);
    }

    public synchronized List<String> notifications() {
      return List.copyOf(notifications);
    }
  }
}
