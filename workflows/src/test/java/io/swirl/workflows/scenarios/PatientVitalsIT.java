package io.swirl.workflows.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.workflows.scenarios.Stub.Reply;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario 09: each vital-sign alert for a patient dispatches its own function. */
class PatientVitalsIT extends ScenarioBase {

  private String workflow;

  @BeforeEach
  void deploy() {
    stub.on("POST", "/care/medications", call -> Reply.status(201, Map.of("id", "MED-1")))
        .on("POST", "/care/nurse-calls", call -> Reply.status(201, Map.of("id", "NC-1")))
        .on("POST", "/care/pulmonologist-calls", call -> Reply.status(201, Map.of("id", "PC-1")));
    workflow = swirl.deploy("09-patient-vitals");
  }

  private String monitor(String patientId) {
    String id = swirl.start(workflow, input("{patientId: '" + patientId + "'}", "care"));
    swirl.awaitStatus(id, "waiting"::equals);
    return id;
  }

  /** Sends an alert and waits until its function was called and the patient is watched again. */
  private void alert(String id, String type, String data, String calledPath) {
    int before = stub.requests(calledPath).size();
    swirl.publish(type, json(data));
    await(calledPath + " was called", () -> stub.requests(calledPath).size() == before + 1);
    swirl.awaitStatus(id, "waiting"::equals);
  }

  @Test
  void each_alert_dispatches_its_function_until_the_patient_is_discharged() {
    String id = monitor("P-1");

    alert(
        id,
        "org.monitor.highBodyTemp",
        "{patientId: 'P-1', temperature: 39.4}",
        "/care/medications");
    alert(
        id,
        "org.monitor.highBloodPressure",
        "{patientId: 'P-1', systolic: 182, diastolic: 121}",
        "/care/nurse-calls");
    alert(
        id,
        "org.monitor.highRespirationRate",
        "{patientId: 'P-1', breathsPerMinute: 31}",
        "/care/pulmonologist-calls");
    swirl.publish("org.monitor.discharged", json("{patientId: 'P-1'}"));

    assertThat(swirl.awaitOutput(id))
        .isEqualTo(json("{patientId: 'P-1', actions: ['tylenol', 'nurse', 'pulmonologist']}"));
    assertThat(stub.calls().get(0).body())
        .isEqualTo(
            json(
                "{patientId: 'P-1', medication: 'tylenol',"
                    + " reading: {patientId: 'P-1', temperature: 39.4}}"));
    History history = swirl.history(id);
    assertThat(history.deliveredEventTypes())
        .containsExactly(
            "org.monitor.highBodyTemp",
            "org.monitor.highBloodPressure",
            "org.monitor.highRespirationRate",
            "org.monitor.discharged");
    assertThat(history.httpCalls())
        .containsExactly(
            "POST /care/medications", "POST /care/nurse-calls", "POST /care/pulmonologist-calls");
  }

  @Test
  void alerts_reach_only_the_patient_they_are_about() {
    String first = monitor("P-2");
    String second = monitor("P-3");

    alert(
        second,
        "org.monitor.highBodyTemp",
        "{patientId: 'P-3', temperature: 40}",
        "/care/medications");
    swirl.publish("org.monitor.discharged", json("{patientId: 'P-3'}"));

    assertThat(swirl.awaitOutput(second))
        .isEqualTo(json("{patientId: 'P-3', actions: ['tylenol']}"));
    // P-2 may see P-3's events (the router delivers by type), but does not act on them.
    assertThat(swirl.instance(first).path("status").asText()).isEqualTo("waiting");
    assertThat(stub.calls()).hasSize(1);

    swirl.publish("org.monitor.discharged", json("{patientId: 'P-2'}"));
    assertThat(swirl.awaitOutput(first)).isEqualTo(json("{patientId: 'P-2', actions: []}"));
  }
}
