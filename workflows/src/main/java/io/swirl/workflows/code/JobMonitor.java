package io.swirl.workflows.code;

import io.swirl.engine.Engine;
import io.swirl.engine.OrchestrationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The monitor pattern: check a job's status, and if it has not finished, sleep on a durable timer
 * and check again, each wait twice the last (up to a cap), until the job finishes or the deadline
 * would pass, when the on-call engineer is alerted. Every round ends with {@code continueAsNew}, so
 * the history stays a few events long however long the job runs; the round's state (deadline,
 * interval, counters) travels in the new input.
 */
public final class JobMonitor {

  public static final String WORKFLOW = "jobMonitor";

  private JobMonitor() {}

  /**
   * One round's input.
   *
   * @param deadline fixed on the first round from {@code timeout} and the workflow's clock; null
   *     before that
   * @param checks the status checks made in earlier rounds
   * @param waited the time spent waiting in earlier rounds
   */
  public record Watch(
      String jobId,
      Duration interval,
      Duration maxInterval,
      Duration timeout,
      Instant deadline,
      int checks,
      Duration waited) {

    /** The first round: watch {@code jobId} for at most {@code timeout}. */
    public static Watch of(
        String jobId, Duration firstInterval, Duration maxInterval, Duration timeout) {
      return new Watch(jobId, firstInterval, maxInterval, timeout, null, 0, Duration.ZERO);
    }

    Watch next(Instant deadline, int checks) {
      Duration longer = interval.multipliedBy(2);
      return new Watch(
          jobId,
          longer.compareTo(maxInterval) > 0 ? maxInterval : longer,
          maxInterval,
          timeout,
          deadline,
          checks,
          waited.plus(interval));
    }
  }

  public record JobStatus(String jobId, String state, boolean finished) {}

  public record Alert(String jobId, String message) {}

  public enum Outcome {
    FINISHED,
    GAVE_UP
  }

  /**
   * How the watch ended.
   *
   * @param waited the total time spent on timers between checks
   */
  public record MonitorResult(
      String jobId, Outcome outcome, String lastState, int checks, Duration waited) {}

  /** Registers the workflow and its activities, which ask {@code jobs}. */
  public static void register(Engine engine, Jobs jobs) {
    engine.registerActivity("checkJobStatus", ctx -> jobs.check(ctx.getInput(String.class)));
    engine.registerActivity("alertOnCall", ctx -> jobs.alert(ctx.getInput(Alert.class)));
    engine.registerOrchestrator(WORKFLOW, JobMonitor::run);
  }

  static MonitorResult run(OrchestrationContext ctx) {
    Watch watch = ctx.getInput(Watch.class);
    Instant deadline =
        watch.deadline() != null ? watch.deadline() : ctx.currentInstant().plus(watch.timeout());

    JobStatus status = ctx.callActivity("checkJobStatus", watch.jobId(), JobStatus.class).await();
    int checks = watch.checks() + 1;
    if (status.finished()) {
      return new MonitorResult(
          watch.jobId(), Outcome.FINISHED, status.state(), checks, watch.waited());
    }

    if (!ctx.currentInstant().plus(watch.interval()).isBefore(deadline)) {
      String message = "job still " + status.state() + " after " + checks + " checks";
      ctx.callActivity("alertOnCall", new Alert(watch.jobId(), message), Void.class).await();
      return new MonitorResult(
          watch.jobId(), Outcome.GAVE_UP, status.state(), checks, watch.waited());
    }

    ctx.createTimer(watch.interval()).await();
    ctx.continueAsNew(watch.next(deadline, checks));
    return null;
  }

  /** In-memory jobs: each finishes after a set number of status checks (or never). */
  public static final class Jobs {

    private final Map<String, Integer> checksToFinish = new ConcurrentHashMap<>();
    private final Map<String, Integer> checks = new ConcurrentHashMap<>();
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();

    /** The job reports finished on its {@code n}th status check. */
    public Jobs finishesOnCheck(String jobId, int n) {
      checksToFinish.put(jobId, n);
      return this;
    }

    JobStatus check(String jobId) {
      int made = checks.merge(jobId, 1, Integer::sum);
      boolean finished = made >= checksToFinish.getOrDefault(jobId, Integer.MAX_VALUE);
      return new JobStatus(jobId, finished ? "succeeded" : "running", finished);
    }

    String alert(Alert alert) {
      alerts.add(alert);
      return "paged";
    }

    /** Status checks made for {@code jobId}. */
    public int checks(String jobId) {
      return checks.getOrDefault(jobId, 0);
    }

    public List<Alert> alerts() {
      return List.copyOf(alerts);
    }
  }
}
