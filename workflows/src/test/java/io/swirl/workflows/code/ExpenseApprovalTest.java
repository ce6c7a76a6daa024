package io.swirl.workflows.code;

import static io.swirl.workflows.code.Workflows.awaitCompletion;
import static io.swirl.workflows.code.Workflows.awaitUntil;
import static io.swirl.workflows.code.Workflows.history;
import static io.swirl.workflows.code.Workflows.scheduledActivities;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.workflows.code.ExpenseApproval.ClaimResult;
import io.swirl.workflows.code.ExpenseApproval.Decision;
import io.swirl.workflows.code.ExpenseApproval.ExpenseClaim;
import io.swirl.workflows.code.ExpenseApproval.Finance;
import io.swirl.workflows.code.ExpenseApproval.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpenseApprovalTest {

  /** Long enough that a test raising the decision always beats the timer. */
  private static final Duration PATIENT = Duration.ofMinutes(5);

  @TempDir Path dir;

  private final Finance finance = new Finance("dana");
  private Engine engine;
  private EngineClient client;

  @BeforeEach
  void start() {
    engine = Workflows.engineIn(dir);
    ExpenseApproval.register(engine, finance);
    engine.start();
    client = engine.client();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private ClaimResult result(InstanceState state) {
    return engine.mapper().convertValue(state.output(), ClaimResult.class);
  }

  /** Starts a claim and waits until the manager has been asked, as a person would be. */
  private String submitAndAwaitApprovalRequest(ExpenseClaim claim) {
    String id = client.scheduleNew(ExpenseApproval.WORKFLOW, claim);
    awaitUntil("manager asked", () -> !finance.approvalRequests().isEmpty());
    return id;
  }

  @Test
  void approved_claim_is_reimbursed() {
    ExpenseClaim claim = new ExpenseClaim("ada", 12_000, PATIENT);
    String id = submitAndAwaitApprovalRequest(claim);

    client.raiseEvent(id, ExpenseApproval.DECISION_EVENT, new Decision("grace", true));
    InstanceState state = awaitCompletion(client, id);

    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(result(state)).isEqualTo(new ClaimResult(Outcome.REIMBURSED, "grace"));
    assertThat(finance.reimbursed()).containsExactly(claim);
    assertThat(finance.escalated()).isEmpty();
    assertThat(scheduledActivities(client, id)).containsExactly("askManager", "reimburse");
    assertThat(history(client, id))
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        HistoryEvent.EventRaised.class,
                        raised -> assertThat(raised.name()).isEqualTo("managerDecision")))
        .noneMatch(HistoryEvent.TimerFired.class::isInstance);
  }

  @Test
  void rejected_claim_ends_without_payment() {
    String id = submitAndAwaitApprovalRequest(new ExpenseClaim("ada", 99_000, PATIENT));

    client.raiseEvent(id, ExpenseApproval.DECISION_EVENT, new Decision("grace", false));

    assertThat(result(awaitCompletion(client, id)))
        .isEqualTo(new ClaimResult(Outcome.REJECTED, "grace"));
    assertThat(finance.reimbursed()).isEmpty();
    assertThat(scheduledActivities(client, id)).containsExactly("askManager");
  }

  @Test
  void decision_raised_before_the_workflow_waits_for_it_is_kept_and_used() {
    String id =
        client.scheduleNew(ExpenseApproval.WORKFLOW, new ExpenseClaim("ada", 5_000, PATIENT));
    client.raiseEvent(id, ExpenseApproval.DECISION_EVENT, new Decision("grace", true));

    assertThat(result(awaitCompletion(client, id)))
        .isEqualTo(new ClaimResult(Outcome.REIMBURSED, "grace"));
  }

  @Test
  void claim_nobody_decides_in_time_is_escalated_to_the_director() {
    ExpenseClaim claim = new ExpenseClaim("ada", 12_000, Duration.ofMillis(50));
    String id = client.scheduleNew(ExpenseApproval.WORKFLOW, claim);

    InstanceState state = awaitCompletion(client, id);

    assertThat(result(state)).isEqualTo(new ClaimResult(Outcome.ESCALATED, "dana"));
    assertThat(finance.escalated()).containsExactly(claim);
    assertThat(finance.reimbursed()).isEmpty();
    assertThat(scheduledActivities(client, id)).containsExactly("askManager", "escalateToDirector");
    assertThat(history(client, id)).anyMatch(HistoryEvent.TimerFired.class::isInstance);
  }
}
