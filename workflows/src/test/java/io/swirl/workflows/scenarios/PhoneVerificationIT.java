package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.workflows.scenarios.Stub.Reply;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario 08: up to three tries, each a response event, raced against an expiry timer. */
class PhoneVerificationIT extends ScenarioBase {

  private static final String RESPONSE = "com.example.phone.response";
  private static final String CODE = "123456";

  private String workflow;

  @BeforeEach
  void deploy() {
    stub.on(
            "POST",
            "/verification/challenges",
            call ->
                Reply.status(
                    201,
                    Map.of("challengeId", "CH-" + call.body().path("phone").asText().substring(1))))
        .on(
            "POST",
            "/verification/challenges/:id/checks",
            call -> Reply.ok(Map.of("valid", call.body().path("code").asText().equals(CODE))));
    workflow = swirl.deploy("08-phone-verification");
  }

  /** Starts a verification and waits until it waits for the first response. */
  private String verify(String phone, String expiry) {
    String id = submit(phone, expiry);
    swirl.awaitStatus(id, "waiting"::equals);
    return id;
  }

  private String submit(String phone, String expiry) {
    return swirl.start(
        workflow, input("{phone: '" + phone + "', expiry: '" + expiry + "'}", "verification"));
  }

  private int checks() {
    return stub.requests("/verification/challenges/").size();
  }

  /** Answers with {@code code} and waits until the service checked it and the next try waits. */
  private void answer(String id, String challengeId, String code) {
    int before = checks();
    swirl.publish(RESPONSE, json("{challengeId: '" + challengeId + "', code: '" + code + "'}"));
    await("the code was checked", () -> checks() == before + 1);
    swirl.awaitStatus(id, s -> !s.equals("running"));
  }

  @Test
  void the_right_code_on_the_second_try_verifies_the_phone() {
    String id = verify("+15550001", "PT30S");

    answer(id, "CH-15550001", "000000");
    answer(id, "CH-15550001", CODE);

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(
            json("{phone: '+15550001', challengeId: 'CH-15550001', verified: true, tries: 2}"));
    History history = swirl.history(id);
    assertThat(history.deliveredEventTypes()).containsExactly(RESPONSE, RESPONSE);
    assertThat(history.httpCalls())
        .containsExactly(
            "POST /verification/challenges",
            "POST /verification/challenges/CH-15550001/checks",
            "POST /verification/challenges/CH-15550001/checks");
  }

  @Test
  void a_response_sent_before_the_next_try_listens_is_kept_for_it() {
    String id = verify("+15550005", "PT30S");

    // Back to back: the second answer arrives while the first is still being checked, before
    // the second try's listen starts; the instance keeps it for that listen (event retention).
    swirl.publish(RESPONSE, json("{challengeId: 'CH-15550005', code: '000000'}"));
    swirl.publish(RESPONSE, json("{challengeId: 'CH-15550005', code: '" + CODE + "'}"));

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(
            json("{phone: '+15550005', challengeId: 'CH-15550005', verified: true, tries: 2}"));
    assertThat(checks()).isEqualTo(2);
  }

  @Test
  void three_wrong_codes_fail_the_verification() {
    String id = verify("+15550002", "PT30S");

    answer(id, "CH-15550002", "111111");
    answer(id, "CH-15550002", "222222");
    answer(id, "CH-15550002", "333333");

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(
            json(
                "{phone: '+15550002', challengeId: 'CH-15550002', verified: false, tries: 3,"
                    + " reason: 'too many wrong codes'}"));
    assertThat(checks()).isEqualTo(3);
  }

  @Test
  void the_challenge_expires_when_no_right_code_comes_in_time() {
    String id = submit("+15550003", "PT1S");

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(
            json(
                "{phone: '+15550003', challengeId: 'CH-15550003', verified: false,"
                    + " reason: 'expired'}"));
    History history = swirl.history(id);
    assertThat(history.of("TimerFired")).hasSize(1);
    assertThat(history.httpCalls()).containsExactly("POST /verification/challenges");
  }

  @Test
  void a_verification_waiting_for_its_second_try_survives_a_server_restart() throws Exception {
    String id = verify("+15550004", "PT60S");
    answer(id, "CH-15550004", "000000");

    restartServer();
    assertThat(swirl.instance(id).path("status").asText()).isEqualTo("waiting");
    answer(id, "CH-15550004", CODE);

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(
            json("{phone: '+15550004', challengeId: 'CH-15550004', verified: true, tries: 2}"));
  }
}
