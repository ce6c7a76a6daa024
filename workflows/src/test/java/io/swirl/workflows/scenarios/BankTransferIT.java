package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.workflows.scenarios.Stub.Reply;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario 07: withdraw at one bank, deposit at another, refund the first when that fails. */
class BankTransferIT extends ScenarioBase {

  private String workflow;

  @BeforeEach
  void deploy() {
    stub.on(
            "POST",
            "/sourceBank/accounts/:account/withdrawals",
            call -> Reply.status(201, Map.of("id", "W-1")))
        .on(
            "POST",
            "/sourceBank/accounts/:account/deposits",
            call -> Reply.status(201, Map.of("id", "D-refund")))
        .on(
            "POST",
            "/targetBank/accounts/:account/deposits",
            call ->
                switch (call.param("account")) {
                  case "down" -> Reply.status(503, Map.of("error", "bank unavailable"));
                  case "closed" -> Reply.status(404, Map.of("error", "no such account"));
                  default -> Reply.status(201, Map.of("id", "D-1"));
                });
    workflow = swirl.deploy("07-bank-transfer");
  }

  private String transfer(String to) {
    return swirl.start(
        workflow,
        input(
            "{transferId: 'T-1', from: 'alice', to: '" + to + "', amount: 250}",
            "sourceBank",
            "targetBank"));
  }

  @Test
  void the_amount_moves_from_one_bank_to_the_other() {
    String id = transfer("bob");

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(
            json("{transferId: 'T-1', transferred: true, withdrawal: 'W-1', deposit: 'D-1'}"));
    assertThat(swirl.history(id).httpCalls())
        .containsExactly(
            "POST /sourceBank/accounts/alice/withdrawals",
            "POST /targetBank/accounts/bob/deposits");
    assertThat(stub.calls().get(1).body()).isEqualTo(json("{transferId: 'T-1', amount: 250}"));
  }

  @Test
  void a_deposit_that_keeps_failing_is_retried_twice_then_refunded_to_the_source() {
    String id = transfer("down");

    JsonNode output = swirl.awaitOutput(id);

    assertThat(output)
        .isEqualTo(
            json(
                "{transferId: 'T-1', transferred: false, withdrawal: 'W-1', refund: 'D-refund',"
                    + " reason: 'deposit failed with status 503'}"));
    History history = swirl.history(id);
    assertThat(history.httpCalls())
        .containsExactly(
            "POST /sourceBank/accounts/alice/withdrawals",
            "POST /targetBank/accounts/down/deposits",
            "POST /targetBank/accounts/down/deposits",
            "POST /targetBank/accounts/down/deposits",
            "POST /sourceBank/accounts/alice/deposits");
    assertThat(history.failedTasks()).hasSize(3);
    assertThat(history.timers()).as("a backoff timer before each retry").hasSize(2);
    Stub.Call refund = stub.calls().get(stub.calls().size() - 1);
    assertThat(refund.body().path("amount").asInt()).isEqualTo(250);
    assertThat(refund.body().path("reason").asText()).contains("down", "503");
  }

  @Test
  void a_client_error_is_refunded_at_once_without_retrying() {
    String id = transfer("closed");

    JsonNode output = swirl.awaitOutput(id);

    assertThat(output.path("transferred").asBoolean()).isFalse();
    assertThat(output.path("reason").asText()).isEqualTo("deposit failed with status 404");
    assertThat(swirl.history(id).httpCalls())
        .containsExactly(
            "POST /sourceBank/accounts/alice/withdrawals",
            "POST /targetBank/accounts/closed/deposits",
            "POST /sourceBank/accounts/alice/deposits");
  }
}
