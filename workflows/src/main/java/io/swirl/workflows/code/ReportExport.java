package io.swirl.workflows.code;

import io.swirl.engine.Engine;
import io.swirl.engine.OrchestrationContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The async HTTP API pattern: a client starts a long job, gets its instance id back at once (HTTP
 * 202 + {@code Location}), and polls the instance's status until it is done. The workflow itself is
 * plain chaining; what matters is what the client sees while it runs: {@code RUNNING} with a custom
 * status naming the phase, then {@code COMPLETED} with the output.
 */
public final class ReportExport {

  public static final String WORKFLOW = "reportExport";

  private ReportExport() {}

  public record ReportRequest(String account, String month) {}

  public record RenderedReport(String account, String month, int pages) {}

  public record ReportReady(String url, int pages) {}

  /** The custom status a polling client sees while the export runs. */
  public record Progress(String phase) {}

  /** Registers the workflow and its activities, which run on {@code service}. */
  public static void register(Engine engine, ReportService service) {
    engine.registerActivity(
        "renderReport", ctx -> service.render(ctx.getInput(ReportRequest.class)));
    engine.registerActivity(
        "publishReport", ctx -> service.publish(ctx.getInput(RenderedReport.class)));
    engine.registerOrchestrator(WORKFLOW, ReportExport::run);
  }

  static ReportReady run(OrchestrationContext ctx) {
    ReportRequest request = ctx.getInput(ReportRequest.class);
    ctx.setCustomStatus(new Progress("rendering"));
    RenderedReport report = ctx.callActivity("renderReport", request, RenderedReport.class).await();
    ctx.setCustomStatus(new Progress("publishing"));
    String url = ctx.callActivity("publishReport", report, String.class).await();
    ctx.setCustomStatus(new Progress("done"));
    return new ReportReady(url, report.pages());
  }

  /**
   * Renders and publishes reports in memory. Rendering is the slow part: it runs until {@link
   * #finishRendering()} is called, which stands in for the minutes a real render takes and lets a
   * test look at the instance while it is certainly still running.
   */
  public static final class ReportService {

    private static final Duration LONGEST_RENDER = Duration.ofSeconds(30);

    private final CountDownLatch renderingStarted = new CountDownLatch(1);
    private final CountDownLatch renderingMayFinish = new CountDownLatch(1);
    private final List<String> published = new CopyOnWriteArrayList<>();

    RenderedReport render(ReportRequest request) throws InterruptedException, TimeoutException {
      renderingStarted.countDown();
      if (!renderingMayFinish.await(LONGEST_RENDER.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TimeoutException("rendering took longer than " + LONGEST_RENDER);
      }
      return new RenderedReport(request.account(), request.month(), 12);
    }

    String publish(RenderedReport report) {
      String url = "https://reports.example.com/" + report.account() + "/" + report.month();
      published.add(url);
      return url;
    }

    /** Waits until a render has begun; false if none began within {@code timeout}. */
    public boolean awaitRenderingStarted(Duration timeout) throws InterruptedException {
      return renderingStarted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets every render, running or to come, finish. */
    public void finishRendering() {
      renderingMayFinish.countDown();
    }

    public List<String> published() {
      return List.copyOf(published);
    }
  }
}
