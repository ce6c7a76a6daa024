package io.swirl.interpreter.schedule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swirl.engine.OrchestrationContext;
import io.swirl.engine.Orchestrator;
import io.swirl.engine.RetryPolicy;
import io.swirl.engine.TaskFailedException;
import io.swirl.engine.TaskOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One schedule: a loop of durable timer, start, {@code continueAsNew}. Time comes only from {@link
 * OrchestrationContext#currentInstant()}, so a replay decides the same slots.
 *
 * <p>Missed slots: the engine fires a due timer once, however late. After a fire the next slot is
 * the first one after <em>now</em>, so a schedule that was down for ten slots starts one run for
 * them (named after the first missed slot), not ten.
 */
final class ScheduleOrchestrator implements Orchestrator {

  /** Start retries: the start is a local store write, so only a store hiccup fails it. */
  private static final TaskOptions START_RETRY =
      TaskOptions.retry(new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)));

  @Override
  public Object run(OrchestrationContext ctx) {
    ScheduleState state = ctx.getInput(ScheduleState.class);
    return state.after() != null ? runAfter(ctx, state) : runSlots(ctx, state);
  }

  /** {@code every} and {@code cron}: fire on each slot, whether or not earlier runs ended. */
  private Object runSlots(OrchestrationContext ctx, ScheduleState state) {
    Instant now = now(ctx);
    Instant anchor = state.anchor() != null ? state.anchor() : now;
    Instant slot = state.next();
    if (slot == null) {
      Optional<Instant> first = following(state, anchor, now);
      if (first.isEmpty()) {
        return ended(state, "the cron expression never matches again");
      }
      slot = first.get();
    }
    ctx.setCustomStatus(
        status(state).put("next", slot.toString()).put("nextInstanceId", state.runId(slot)));
    ctx.createTimer(slot).await();

    StartActivity.Started started;
    try {
      started =
          ctx.callActivity(
                  StartActivity.NAME,
                  new StartActivity.Request(
                      state.target(), state.version(), state.definitionHash(), state.runId(slot)),
                  START_RETRY,
                  StartActivity.Started.class)
              .await();
    } catch (TaskFailedException e) {
      if (StartActivity.TARGET_UNKNOWN.equals(e.failure().type())) {
        return ended(state, e.failure().message());
      }
      started = null; // this slot is lost; the schedule goes on
    }
    long fired = state.fired() + (started != null && started.created() ? 1 : 0);
    Instant end = now(ctx);
    Optional<Instant> next = following(state, anchor, end.isAfter(slot) ? end : slot);
    if (next.isEmpty()) {
      return ended(state, "the cron expression never matches again");
    }
    ctx.continueAsNew(state.nextSlot(anchor, next.get(), fired));
    return null;
  }

  /** {@code after}: run the workflow as a child, wait for it to end, wait {@code after}, again. */
  private Object runAfter(OrchestrationContext ctx, ScheduleState state) {
    Instant at = now(ctx);
    if (state.last() != null && !at.isAfter(state.last())) {
      at = state.last().plusMillis(1); // a run id is never reused, even on a frozen clock
    }
    String runId = state.runId(at);
    ctx.setCustomStatus(status(state).put("running", runId));
    try {
      ctx.callSubOrchestration(
              state.target(),
              state.version(),
              JsonNodeFactory.instance.objectNode(),
              runId,
              TaskOptions.NONE)
          .await();
    } catch (TaskFailedException e) {
      // A faulted or cancelled run does not stop the schedule: the next one starts as usual.
    }
    ScheduleState ran = state.ran(at);
    Instant next = now(ctx).plus(state.after());
    ctx.setCustomStatus(status(ran).put("next", next.toString()));
    ctx.createTimer(next).await();
    ctx.continueAsNew(ran);
    return null;
  }

  private static Optional<Instant> following(ScheduleState state, Instant anchor, Instant after) {
    if (state.cron() != null) {
      return Slots.nextCron(state.cron(), after);
    }
    return Optional.of(Slots.nextEvery(anchor, state.every(), after));
  }

  /** Ids carry milliseconds at most, so the loop works in milliseconds. */
  private static Instant now(OrchestrationContext ctx) {
    return ctx.currentInstant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The custom status clients read: {@code {workflow, version, started, next?, ...}}. */
  private static ObjectNode status(ScheduleState state) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("workflow", state.target());
    status.put("version", state.version());
    status.put("started", state.fired());
    return status;
  }

  private static ObjectNode ended(ScheduleState state, String why) {
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    output.put("workflow", state.target());
    output.put("version", state.version());
    output.put("started", state.fired());
    output.put("ended", why);
    return output;
  }
}
