package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.workflows.scenarios.Stub.Reply;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario 05: a decision event raced against a timer; escalation when the timer wins. */
class HumanApprovalIT extends ScenarioBase {

  private static final String DECISION = "com.example.expense.decision";

  private String workflow;

  @BeforeEach
  void deploy() {
    stub.on("POST", "/approvals/requests", call -> Reply.status(201, Map.of("id", "AR-1")))
        .on("POST", "/escalations/escalations", call -> Reply.status(201, Map.of("id", "ESC-1")));
    workflow = swirl.deploy("05-human-approval");
  }

  /** Starts an expense and waits until it waits for the decision. */
  private String request(String expenseId, String timeout) {
    String id = submit(expenseId, timeout);
    swirl.awaitStatus(id, "waiting"::equals);
    return id;
  }

  private String submit(String expenseId, String timeout) {
    return swirl.start(
        workflow,
        input(
            "{expenseId: '"
                + expenseId
                + "', amount: 1200, approver: 'grace', timeout: '"
                + timeout
                + "'}",
            "approvals",
            "escalations"));
  }

  private void decide(String expenseId, boolean approved) {
    swirl.publish(
        DECISION,
        json("{expenseId: '" + expenseId + "', approved: " + approved + ", by: 'grace'}"));
  }

  @Test
  void an_approval_event_before_the_timeout_approves_the_expense() {
    String id = request("EXP-1", "PT30S");
    assertThat(stub.calls().get(0).body())
        .isEqualTo(json("{expenseId: 'EXP-1', amount: 1200, approver: 'grace'}"));

    decide("EXP-1", true);

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(json("{expenseId: 'EXP-1', status: 'approved', by: 'grace'}"));
    History history = swirl.history(id);
    assertThat(history.deliveredEventTypes()).containsExactly(DECISION);
    assertThat(history.httpCalls()).containsExactly("POST /approvals/requests");
    assertThat(history.timers()).hasSize(1);
  }

  @Test
  void a_decision_reaches_only_the_instance_it_correlates_with() {
    String first = request("EXP-2", "PT30S");
    String second = request("EXP-3", "PT30S");

    decide("EXP-3", false);

    assertThat(swirl.awaitOutput(second))
        .isEqualTo(json("{expenseId: 'EXP-3', status: 'rejected', by: 'grace'}"));
    // The other expense may see the event (the router delivers by type), but does not take it.
    assertThat(swirl.instance(first).path("status").asText()).isEqualTo("waiting");

    decide("EXP-2", true);
    assertThat(swirl.awaitOutput(first))
        .isEqualTo(json("{expenseId: 'EXP-2', status: 'approved', by: 'grace'}"));
  }

  @Test
  void no_decision_in_time_escalates() {
    String id = submit("EXP-4", "PT1S");

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(json("{expenseId: 'EXP-4', status: 'escalated', escalation: 'ESC-1'}"));
    History history = swirl.history(id);
    assertThat(history.httpCalls())
        .containsExactly("POST /approvals/requests", "POST /escalations/escalations");
    assertThat(history.of("TimerFired")).hasSize(1);
    assertThat(stub.calls().get(1).body().path("reason").asText())
        .isEqualTo("no decision from grace in time");
  }

  @Test
  void an_expense_waiting_for_approval_survives_a_server_restart() throws Exception {
    String id = request("EXP-5", "PT60S");

    restartServer();
    assertThat(swirl.instance(id).path("status").asText()).isEqualTo("waiting");
    decide("EXP-5", true);

    assertThat(swirl.awaitOutput(id).path("status").asText()).isEqualTo("approved");
    assertThat(swirl.history(id).httpCalls()).containsExactly("POST /approvals/requests");
  }
}
