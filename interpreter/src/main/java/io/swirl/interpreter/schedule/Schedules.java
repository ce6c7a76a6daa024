package io.swirl.interpreter.schedule;

import io.swirl.dsl.plan.Schedule;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.Engine;
import io.swirl.engine.EngineClient;
import io.swirl.engine.IllegalInstanceStateException;
import io.swirl.engine.InstanceAlreadyExistsException;
import io.swirl.engine.InstanceNotFoundException;
import io.swirl.engine.InstanceState;
import io.swirl.engine.StartOptions;
import io.swirl.interpreter.SlwfRuntime;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs a definition's {@code schedule} ({@code every}, {@code cron} or {@code after}) on the
 * engine: each scheduled definition version gets one instance of the code orchestration {@value
 * #ORCHESTRATION}, with an id derived from the definition, that loops on durable timers and starts
 * the runs. Because the loop is itself an engine instance, a schedule survives restarts, is run by
 * one process at a time, and starts each slot's run once (the run's id is derived from the slot).
 *
 * <ul>
 *   <li>{@code every}: a run at {@code t0 + k * every}, {@code t0} being when the schedule started
 *       (so the first run comes one interval after registration), whether or not earlier runs have
 *       ended. At least one second.
 *   <li>{@code cron}: a run at each match of the five-field UNIX expression, in UTC.
 *   <li>{@code after}: a run at once, then each time one has ended (completed, faulted or
 *       cancelled) and {@code after} has passed. Runs are children of the schedule instance.
 *   <li>Several set: {@code cron} wins over {@code every}, {@code every} over {@code after}. {@code
 *       on} is not handled here.
 * </ul>
 *
 * <p>Slots missed while no engine ran are not made up: the overdue timer fires once, starting one
 * run, and the schedule carries on from the first slot after that moment.
 *
 * <p>Runs are ordinary instances of the workflow (input {@code {}}), pinned to the definition's
 * version and hash, with ids {@code <name>-<12 hex>-<UTC slot time>}.
 */
public final class Schedules {

  /** The engine name of the schedule orchestration. */
  public static final String ORCHESTRATION = "swirl.schedule";

  /** The shortest {@code every} accepted. */
  public static final Duration MIN_EVERY = Duration.ofSeconds(1);

  private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

  private Schedules() {}

  /**
   * Registers the schedule orchestration and its start activity; call before {@link
   * Engine#start()}.
   */
  public static void install(Engine engine) {
    engine.registerOrchestrator(ORCHESTRATION, new ScheduleOrchestrator());
    engine.registerActivity(StartActivity.NAME, new StartActivity(engine::client));
  }

  /** Whether the plan starts instances by time ({@code every}, {@code cron} or {@code after}). */
  public static boolean isTimed(WorkflowPlan plan) {
    Schedule s = plan.schedule();
    return s != null && (s.every() != null || s.cron() != null || s.after() != null);
  }

  /**
   * Checks what the validator leaves to the runtime.
   *
   * @throws IllegalArgumentException naming the field when {@code every} is shorter than {@link
   *     #MIN_EVERY}
   */
  public static void check(WorkflowPlan plan) {
    Schedule s = plan.schedule();
    if (s != null && s.cron() == null && s.every() != null && s.every().compareTo(MIN_EVERY) < 0) {
      throw new IllegalArgumentException(
          "schedule.every is "
              + s.every()
              + "; use an interval of at least one second (PT1S) [/schedule/every]");
    }
    if (s != null && s.cron() != null) {
      Slots.checkCron(s.cron());
    }
  }

  /**
   * The id of the schedule instance of a definition: {@code schedule-} and 40 hex digits of the
   * SHA-256 of its orchestration name, version and hash (so a version deleted and registered again
   * with other content gets a new schedule).
   */
  public static String scheduleId(
      String namespace, String name, String version, String definitionHash) {
    return "schedule-"
        + ScheduleState.key(SlwfRuntime.orchestrationName(namespace, name), version, definitionHash)
            .substring(0, 40);
  }

  /**
   * Makes sure the plan's schedule instance runs; idempotent, and safe to call from several
   * processes at once. A schedule instance that has ended (cancelled, say) is purged and started
   * afresh. The plan must be runnable on this engine.
   *
   * @return the schedule instance's id, or empty when the plan has no timed schedule
   * @throws IllegalArgumentException when {@link #check} refuses the plan
   */
  public static Optional<String> ensure(EngineClient client, WorkflowPlan plan) {
    if (!isTimed(plan)) {
      return Optional.empty();
    }
    check(plan);
    String id = scheduleId(plan.namespace(), plan.name(), plan.version(), plan.definitionHash());
    Optional<InstanceState> existing = client.getInstance(id);
    if (existing.isPresent()) {
      if (!existing.get().isTerminal()) {
        return Optional.of(id);
      }
      purgeQuietly(client, id);
    }
    try {
      client.scheduleNew(ORCHESTRATION, firstState(plan), StartOptions.withId(id));
    } catch (InstanceAlreadyExistsException e) {
      // another process (or call) started it first
    }
    return Optional.of(id);
  }

  /**
   * Stops a definition's schedule: terminates its instance, waits up to ten seconds for that to be
   * committed, and purges it. Runs it already started are left alone. A schedule instance still not
   * ended by then is purged by the next {@link #ensure}.
   *
   * @return whether there was a schedule instance
   */
  public static boolean cancel(
      EngineClient client, String namespace, String name, String version, String definitionHash) {
    String id = scheduleId(namespace, name, version, definitionHash);
    Optional<InstanceState> state = client.getInstance(id);
    if (state.isEmpty()) {
      return false;
    }
    if (!state.get().isTerminal()) {
      try {
        client.terminate(id, null, "the schedule was cancelled");
      } catch (IllegalInstanceStateException | InstanceNotFoundException e) {
        // it ended, or was purged, meanwhile
      }
      state = client.waitForCompletion(id, CANCEL_WAIT);
    }
    if (state.isPresent() && state.get().isTerminal()) {
      purgeQuietly(client, id);
    }
    return true;
  }

  private static ScheduleState firstState(WorkflowPlan plan) {
    Schedule s = plan.schedule();
    String target = SlwfRuntime.orchestrationName(plan.namespace(), plan.name());
    if (s.cron() != null) {
      return ScheduleState.first(
          target, plan.version(), plan.definitionHash(), null, s.cron(), null);
    }
    if (s.every() != null) {
      return ScheduleState.first(
          target, plan.version(), plan.definitionHash(), s.every(), null, null);
    }
    return ScheduleState.first(
        target, plan.version(), plan.definitionHash(), null, null, s.after());
  }

  private static void purgeQuietly(EngineClient client, String id) {
    try {
      client.purge(id);
    } catch (InstanceNotFoundException | IllegalInstanceStateException e) {
      // purged by another process, or restarted by one: either way ensure's start decides
    }
  }
}
