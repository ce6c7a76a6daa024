package io.swirl.workflows.code;

import static io.swirl.workflows.code.Workflows.awaitCompletion;
import static io.swirl.workflows.code.Workflows.history;
import static io.swirl.workflows.code.Workflows.scheduledActivities;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.workflows.code.JobMonitor.Jobs;
import io.swirl.workflows.code.JobMonitor.MonitorResult;
import io.swirl.workflows.code.JobMonitor.Outcome;
import io.swirl.workflows.code.JobMonitor.Watch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobMonitorTest {

  @TempDir Path dir;

  private final Jobs jobs = new Jobs();
  private Engine engine;
  private EngineClient client;

  @BeforeEach
  void start() {
    engine = Workflows.engineIn(dir);
    JobMonitor.register(engine, jobs);
    engine.start();
    client = engine.client();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private MonitorResult result(InstanceState state) {
    return engine.mapper().convertValue(state.output(), MonitorResult.class);
  }

  @Test
  void checks_on_a_doubling_interval_until_the_job_finishes() {
    jobs.finishesOnCheck("build-7", 5);
    Watch watch =
        Watch.of("build-7", Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(10));

    String id = client.scheduleNew(JobMonitor.WORKFLOW, watch);
    InstanceState state = awaitCompletion(client, id);

    assertThat(state.status()).isEqualTo(RuntimeStatus.COMPLETED);
    // waits of 5, 10, 20 and (capped) 20 ms between the five checks
    assertThat(result(state))
        .isEqualTo(
            new MonitorResult("build-7", Outcome.FINISHED, "succeeded", 5, Duration.ofMillis(55)));
    assertThat(jobs.checks("build-7")).isEqualTo(5);
    assertThat(jobs.alerts()).isEmpty();
  }

  @Test
  void each_round_continues_as_new_so_history_holds_only_the_last_round() {
    jobs.finishesOnCheck("build-8", 4);
    String id =
        client.scheduleNew(
            JobMonitor.WORKFLOW,
            Watch.of(
                "build-8", Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(10)));
    awaitCompletion(client, id);

    assertThat(scheduledActivities(client, id)).containsExactly("checkJobStatus");
    List<HistoryEvent> history = history(client, id);
    assertThat(history).first().isInstanceOf(HistoryEvent.ContinuedAsNew.class);
    HistoryEvent.ExecutionStarted started =
        history.stream()
            .filter(HistoryEvent.ExecutionStarted.class::isInstance)
            .map(HistoryEvent.ExecutionStarted.class::cast)
            .findFirst()
            .orElseThrow();
    Watch lastRound = engine.mapper().convertValue(started.input(), Watch.class);
    assertThat(lastRound.checks()).isEqualTo(3);
    assertThat(lastRound.deadline()).isNotNull();
    assertThat(history).noneMatch(HistoryEvent.TimerCreated.class::isInstance);
  }

  @Test
  void gives_up_and_alerts_on_call_when_the_next_check_would_pass_the_deadline() {
    // the job never finishes
    Watch watch =
        Watch.of("stuck", Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(2));

    String id = client.scheduleNew(JobMonitor.WORKFLOW, watch);
    InstanceState state = awaitCompletion(client, id);

    MonitorResult result = result(state);
    assertThat(result.outcome()).isEqualTo(Outcome.GAVE_UP);
    assertThat(result.lastState()).isEqualTo("running");
    // How many rounds fit before the deadline depends on how fast steps run (a cold JVM's first
    // step can take a few hundred ms), but never a wait that would end past it.
    assertThat(result.checks()).isGreaterThanOrEqualTo(2).isEqualTo(jobs.checks("stuck"));
    assertThat(result.waited()).isLessThan(Duration.ofSeconds(2));
    assertThat(jobs.alerts())
        .singleElement()
        .satisfies(a -> assertThat(a.message()).startsWith("job still running after"));
    assertThat(scheduledActivities(client, id)).containsExactly("checkJobStatus", "alertOnCall");
  }
}
