package io.swirl.workflows.code;

import static io.swirl.workflows.code.Workflows.awaitCompletion;
import static io.swirl.workflows.code.Workflows.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.workflows.code.ExpenseApproval.ClaimResult;
import io.swirl.workflows.code.ExpenseApproval.Decision;
import io.swirl.workflows.code.ExpenseApproval.ExpenseClaim;
import io.swirl.workflows.code.ExpenseApproval.Finance;
import io.swirl.workflows.code.JobMonitor.Jobs;
import io.swirl.workflows.code.JobMonitor.MonitorResult;
import io.swirl.workflows.code.JobMonitor.Watch;
import io.swirl.workflows.code.OrderProcessing.Approval;
import io.swirl.workflows.code.OrderProcessing.OrderPayload;
import io.swirl.workflows.code.OrderProcessing.OrderResult;
import io.swirl.workflows.code.OrderProcessing.Shop;
import io.swirl.workflows.code.TripBooking.TravelAgency;
import io.swirl.workflows.code.TripBooking.TripRequest;
import io.swirl.workflows.code.TripBooking.TripResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patterns with no orchestrator state kept in memory: every step rebuilds the workflow by
 * replaying its history from the store, so these pass only if the code is deterministic (same
 * commands on every replay) and the engine's replay matches what it recorded.
 */
class ReplayEveryStepTest {

  @TempDir Path dir;

  private final TravelAgency agency = new TravelAgency(40_000, 10_000).cardLimit(50_000);
  private final Finance finance = new Finance("dana");
  private final Jobs jobs = new Jobs().finishesOnCheck("build-9", 3);
  private final Shop shop = new Shop().stock("cars", 15_000, 100);
  private Engine engine;
  private EngineClient client;

  @BeforeEach
  void start() {
    engine = Workflows.builderIn(dir).cacheSize(0).build();
    TripBooking.register(engine, agency);
    ExpenseApproval.register(engine, finance);
    JobMonitor.register(engine, jobs);
    OrderProcessing.register(engine, shop, Duration.ofMinutes(5));
    engine.start();
    client = engine.client();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private <T> T output(String id, Class<T> type) {
    InstanceState state = awaitCompletion(client, id);
    assertThat(state.status()).as("%s: %s", id, state.failure()).isEqualTo(RuntimeStatus.COMPLETED);
    return engine.mapper().convertValue(state.output(), type);
  }

  @Test
  void compensation_after_a_failed_step_replays_to_the_same_result() {
    String id = client.scheduleNew(TripBooking.WORKFLOW, new TripRequest("ada", "LIS", 3));

    assertThat(output(id, TripResult.class).confirmed()).isFalse();
    assertThat(agency.cancellations()).containsExactly("HT-ada-LIS", "FL-ada-LIS");
    assertThat(engine.stats().replayedEvents()).isPositive();
  }

  @Test
  void event_raced_against_a_timer_replays_to_the_same_winner() {
    String id =
        client.scheduleNew(
            ExpenseApproval.WORKFLOW, new ExpenseClaim("ada", 1_000, Duration.ofMinutes(5)));
    awaitUntil("manager asked", () -> !finance.approvalRequests().isEmpty());
    client.raiseEvent(id, ExpenseApproval.DECISION_EVENT, new Decision("grace", true));

    assertThat(output(id, ClaimResult.class))
        .isEqualTo(new ClaimResult(ExpenseApproval.Outcome.REIMBURSED, "grace"));
    assertThat(engine.stats().replayedEvents()).isPositive();
  }

  @Test
  void monitor_rounds_replay_after_each_continue_as_new() {
    String id =
        client.scheduleNew(
            JobMonitor.WORKFLOW,
            Watch.of(
                "build-9", Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(10)));

    assertThat(output(id, MonitorResult.class).outcome()).isEqualTo(JobMonitor.Outcome.FINISHED);
    assertThat(jobs.checks("build-9")).isEqualTo(3);
  }

  @Test
  void large_order_waiting_on_approval_with_a_timeout_replays_to_completion() {
    String id = client.scheduleNew(OrderProcessing.WORKFLOW, new OrderPayload("cars", 60_000, 4));
    awaitUntil("approval requested", () -> !shop.approvalRequests().isEmpty());
    client.raiseEvent(id, OrderProcessing.APPROVAL_EVENT, new Approval(true));

    assertThat(output(id, OrderResult.class)).isEqualTo(new OrderResult(true));
    assertThat(shop.quantity("cars")).isEqualTo(96);
    assertThat(engine.stats().replayedEvents()).isPositive();
  }
}
