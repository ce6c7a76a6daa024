package io.swirl.workflows.code;

import static io.swirl.workflows.code.Workflows.WAIT;
import static io.swirl.workflows.code.Workflows.scheduledActivities;
import static org.assertj.core.api.Assertions.assertThat;

import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.InstanceState;
import io.swirl.engine.RuntimeStatus;
import io.swirl.workflows.code.ReportExport.Progress;
import io.swirl.workflows.code.ReportExport.ReportReady;
import io.swirl.workflows.code.ReportExport.ReportRequest;
import io.swirl.workflows.code.ReportExport.ReportService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client side of a long-running job: start returns an id at once, status reads show it running
 * and in which phase, and a later read has the output. Each step below is what an HTTP client does
 * with {@code POST /instances} (202 + Location) and {@code GET /instances/{id}}.
 */
class ReportExportTest {

  @TempDir Path dir;

  private final ReportService reports = new ReportService();
  private Engine engine;
  private EngineClient client;

  @BeforeEach
  void start() {
    engine = Workflows.engineIn(dir);
    ReportExport.register(engine, reports);
    engine.start();
    client = engine.client();
  }

  @AfterEach
  void stop() {
    reports.finishRendering();
    engine.close();
  }

  @Test
  void client_starts_the_export_sees_it_running_while_it_renders_then_reads_the_result()
      throws InterruptedException {
    String id = client.scheduleNew(ReportExport.WORKFLOW, new ReportRequest("acme", "2025-01"));

    // The start call returned before any work was done; the job is now under way.
    assertThat(reports.awaitRenderingStarted(WAIT)).as("rendering started").isTrue();
    InstanceState running = client.getInstance(id).orElseThrow();
    assertThat(running.status()).isEqualTo(RuntimeStatus.RUNNING);
    assertThat(running.output()).isNull();
    assertThat(engine.mapper().convertValue(running.customStatus(), Progress.class))
        .isEqualTo(new Progress("rendering"));

    reports.finishRendering();
    List<RuntimeStatus> seen = pollUntilTerminal(id);

    InstanceState done = client.getInstance(id).orElseThrow();
    assertThat(seen).last().isEqualTo(RuntimeStatus.COMPLETED);
    assertThat(engine.mapper().convertValue(done.output(), ReportReady.class))
        .isEqualTo(new ReportReady("https://reports.example.com/acme/2025-01", 12));
    assertThat(engine.mapper().convertValue(done.customStatus(), Progress.class))
        .isEqualTo(new Progress("done"));
    assertThat(reports.published()).containsExactly("https://reports.example.com/acme/2025-01");
    assertThat(scheduledActivities(client, id)).containsExactly("renderReport", "publishReport");
  }

  @Test
  void status_of_an_unknown_instance_is_empty() {
    assertThat(client.getInstance("no-such-export")).isEmpty();
  }

  /**
   * Polls the status the way a client does, one read at a time, until it is terminal; between reads
   * it waits for a change (bounded), never for a fixed time.
   */
  private List<RuntimeStatus> pollUntilTerminal(String id) {
    List<RuntimeStatus> seen = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      InstanceState state = client.getInstance(id).orElseThrow();
      seen.add(state.status());
      if (state.isTerminal()) {
        return seen;
      }
      assertThat(System.nanoTime()).as("export finished in time").isLessThan(deadline);
      client.waitForCompletion(id, Duration.ofMillis(50));
    }
  }
}
