package io.swirl.interpreter.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.swirl.dsl.plan.EventFilter;
import io.swirl.dsl.plan.EventStrategy;
import io.swirl.dsl.plan.ListenTask;
import io.swirl.engine.Task;
import io.swirl.engine.replay.CompletableTask;
import io.swirl.interpreter.expr.ExpressionFailure;
import io.swirl.interpreter.expr.Variables;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code listen}: consumes events from the instance's {@link EventPump} until its strategy is
 * satisfied ({@code one}: one match; {@code any}: one match, or with {@code until} every match
 * until the condition holds (evaluated on the array of events read so far) or the until-events
 * arrive, which are not part of the output; {@code all}: one match per filter, in any order). The
 * output is the array of events read ({@code data}, {@code envelope} or {@code raw}), each passed
 * through {@code foreach} when set.
 */
final class ListenExecutor {

  private final Run run;
  private final Sequence sequence;
  private final TaskRunner runner;

  ListenExecutor(Run run, Sequence sequence, TaskRunner runner) {
    this.run = run;
    this.sequence = sequence;
    this.runner = runner;
  }

  Task<Outcome> run(ListenTask task, JsonNode input, Variables v, Cancellation cancel) {
    CompletableTask<List<JsonNode>> consumed = Tasks.pending();
    EventMatcher matcher = new EventMatcher(run, input, v);
    if (correlates(task.to())) {
      run.lifecycle.correlation("started", null);
      consumed.onDone(
          done -> {
            if (!done.isFailed() && !cancel.isCancelled()) {
              run.lifecycle.correlation("completed", matcher.resolved());
            }
          });
    }
    Consumer consumer = new Consumer(task, matcher, v, consumed, cancel);
    run.events.subscribe(consumer);
    return consumed.thenCompose(events -> each(task, events, 0, array(), v, cancel));
  }

  private Task<Outcome> each(
      ListenTask task,
      List<JsonNode> events,
      int start,
      ArrayNode out,
      Variables v,
      Cancellation cancel) {
    ListenTask.Foreach foreach = task.foreach();
    for (int i = start; i < events.size(); i++) {
      JsonNode item = read(task.read(), events.get(i));
      if (foreach == null) {
        out.add(item);
        continue;
      }
      Variables iv = v.with(foreach.item(), item).with(foreach.at(), IntNode.valueOf(i));
      Task<Outcome> body =
          foreach.tasks() == null
              ? Tasks.done(Outcome.done(item, null))
              : sequence.run(foreach.tasks(), item, iv, cancel);
      int next = i + 1;
      Task<Outcome> step =
          body.thenCompose(
              outcome -> {
                if (!(outcome instanceof Outcome.Done done)) {
                  return Tasks.done(outcome);
                }
                try {
                  JsonNode result = runner.transform(foreach.output(), done.output(), iv);
                  if (foreach.export().transform() != null) {
                    run.context(
                        run.eval.render(
                            foreach.export().transform(),
                            result,
                            iv.with("output", result),
                            run.context()));
                  }
                  out.add(result);
                  return each(task, events, next, out, v, cancel);
                } catch (ExpressionFailure e) {
                  return Tasks.done(Outcome.fault(e.problem()));
                }
              });
      return step;
    }
    return Tasks.done(Outcome.done(out, null));
  }

  private static JsonNode read(String mode, JsonNode event) {
    return switch (mode) {
      case "envelope" -> event;
      case "raw" -> event.has("data_base64") ? event.get("data_base64") : data(event);
      default -> data(event);
    };
  }

  private static JsonNode data(JsonNode event) {
    JsonNode data = event.get("data");
    return data == null ? NullNode.getInstance() : data;
  }

  private static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** The listener state machine of one listen task. */
  private final class Consumer implements EventPump.Listener {
    private final ListenTask task;
    private final EventMatcher matcher;
    private final Variables vars;
    private final CompletableTask<List<JsonNode>> done;
    private final Cancellation cancel;
    private final List<JsonNode> events = new ArrayList<>();
    private final boolean[] seen;
    private final EventMatcher untilMatcher;
    private final boolean[] untilSeen;

    Consumer(
        ListenTask task,
        EventMatcher matcher,
        Variables vars,
        CompletableTask<List<JsonNode>> done,
        Cancellation cancel) {
      this.task = task;
      this.matcher = matcher;
      this.vars = vars;
      this.done = done;
      this.cancel = cancel;
      this.seen = new boolean[task.to().filters().size()];
      EventStrategy until = task.to().untilEvents();
      this.untilMatcher = until == null ? null : matcher;
      this.untilSeen = until == null ? new boolean[0] : new boolean[until.filters().size()];
    }

    @Override
    public boolean offer(JsonNode event) {
      if (done.isDone() || cancel.isCancelled()) {
        run.events.unsubscribe(this);
        return false;
      }
      try {
        return consume(event);
      } catch (ExpressionFailure e) {
        run.events.unsubscribe(this);
        done.fail(new io.swirl.engine.TaskFailedException(e.problem().detail(), failure(e)));
        return true;
      }
    }

    private boolean consume(JsonNode event) {
      EventStrategy to = task.to();
      if (untilMatcher != null && untilMatches(to.untilEvents(), event)) {
        return true;
      }
      int hit = match(to.filters(), event);
      if (hit < 0 || to.mode() == EventStrategy.Mode.ALL && seen[hit]) {
        return false;
      }
      if (hit != Integer.MAX_VALUE) {
        seen[hit] = true;
      }
      events.add(event);
      boolean finished =
          switch (to.mode()) {
            case ONE -> true;
            case ALL -> allSeen(seen);
            case ANY ->
                to.until() == null && to.untilEvents() == null
                    || to.until() != null && run.eval.test(to.until(), readAll(), vars);
          };
      if (finished) {
        finish();
      }
      return true;
    }

    private boolean untilMatches(EventStrategy until, JsonNode event) {
      int hit = match(until.filters(), event);
      if (hit < 0) {
        return false;
      }
      if (hit != Integer.MAX_VALUE) {
        untilSeen[hit] = true;
      }
      if (until.mode() != EventStrategy.Mode.ALL || allSeen(untilSeen)) {
        finish();
      }
      return true;
    }

    /** The index of the first filter {@code event} matches; MAX_VALUE for "no filters"; -1. */
    private int match(List<EventFilter> filters, JsonNode event) {
      if (filters.isEmpty()) {
        return Integer.MAX_VALUE;
      }
      for (int i = 0; i < filters.size(); i++) {
        if (matcher.matches(filters.get(i), event)) {
          return i;
        }
      }
      return -1;
    }

    private JsonNode readAll() {
      ArrayNode all = array();
      events.forEach(e -> all.add(read(task.read(), e)));
      return all;
    }

    private void finish() {
      run.events.unsubscribe(this);
      done.complete(List.copyOf(events));
    }
  }

  /** True when a filter (or an until-event filter) correlates events by keys. */
  private static boolean correlates(EventStrategy strategy) {
    if (strategy == null) {
      return false;
    }
    for (EventFilter filter : strategy.filters()) {
      if (!filter.correlate().isEmpty()) {
        return true;
      }
    }
    return correlates(strategy.untilEvents());
  }

  private static boolean allSeen(boolean[] seen) {
    for (boolean s : seen) {
      if (!s) {
        return false;
      }
    }
    return true;
  }

  private static io.swirl.engine.FailureDetails failure(ExpressionFailure e) {
    return new io.swirl.engine.FailureDetails(
        e.problem().type(), e.problem().detail(), e.problem().toJson(), false);
  }
}
