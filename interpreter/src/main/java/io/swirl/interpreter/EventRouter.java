package io.swirl.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swirl.dsl.plan.EventFilter;
import io.swirl.dsl.plan.EventStrategy;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.engine.EngineClient;
import io.swirl.engine.StartOptions;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.PublishedEvent;
import io.swirl.interpreter.expr.Evaluator;
import io.swirl.interpreter.expr.ExpressionFailure;
import io.swirl.interpreter.expr.Redactor;
import io.swirl.interpreter.expr.Variables;
import io.swirl.interpreter.tasks.EventAttributes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Decides where an accepted CloudEvent goes and publishes it through the engine, in one
 * transaction:
 *
 * <ul>
 *   <li>to every live instance of each definition with a {@code listen} filter whose attributes the
 *       event has — the instance's own {@code listen} then applies the rest (correlation keys,
 *       whether it is listening now, retention);
 *   <li>it starts an instance of the latest version of each definition whose {@code schedule.on}
 *       ({@code one} or {@code any}) it matches, with the array of the one event as input and an id
 *       derived from the definition and the event's key, so it starts once.
 * </ul>
 *
 * Attribute expressions run outside any instance, with no variables but the event.
 */
public final class EventRouter {

  private static final Logger LOG = Logger.getLogger(EventRouter.class.getName());

  private final Evaluator eval = new Evaluator(Instant::now, new Redactor());

  /**
   * Publishes {@code event} (a structured CloudEvent with {@code id}, {@code source} and {@code
   * type}) for {@code plans}, every registered definition in registration order.
   */
  public PublishedEvent.Result publish(
      EngineClient client, Collection<WorkflowPlan> plans, JsonNode event) {
    Set<String> deliverTo = new LinkedHashSet<>();
    Map<String, WorkflowPlan> latest = new LinkedHashMap<>();
    for (WorkflowPlan plan : plans) {
      String name = SlwfRuntime.orchestrationName(plan.namespace(), plan.name());
      latest.put(name, plan);
      if (listensTo(plan, event)) {
        deliverTo.add(name);
      }
    }
    List<NewInstance> starts = new ArrayList<>();
    for (Map.Entry<String, WorkflowPlan> entry : latest.entrySet()) {
      WorkflowPlan plan = entry.getValue();
      if (startsOn(plan, event)) {
        starts.add(
            client.prepareStart(
                entry.getKey(),
                JsonNodeFactory.instance.arrayNode().add(event),
                new StartOptions(
                    startId(plan, event), plan.version(), plan.definitionHash(), null)));
      }
    }
    return client.publishEvent(
        new PublishedEvent(
            event.path("source").asText(),
            event.path("id").asText(),
            event.path("type").asText(),
            event,
            SlwfRuntime.EVENT_CHANNEL,
            List.copyOf(deliverTo),
            starts));
  }

  private boolean listensTo(WorkflowPlan plan, JsonNode event) {
    for (EventFilter filter : plan.subscriptions()) {
      if (!filter.pointer().startsWith("/schedule/")) {
        try {
          if (EventAttributes.match(filter.with(), event, eval, Variables.EMPTY)) {
            return true;
          }
        } catch (ExpressionFailure e) {
          return true; // the instance's listen evaluates it again and reports the failure
        }
      }
    }
    return false;
  }

  private boolean startsOn(WorkflowPlan plan, JsonNode event) {
    if (plan.schedule() == null || plan.schedule().on() == null) {
      return false;
    }
    EventStrategy on = plan.schedule().on();
    if (on.mode() == EventStrategy.Mode.ALL) {
      return false; // refused when registered: the plan is not runnable
    }
    if (on.filters().isEmpty()) {
      return true;
    }
    for (EventFilter filter : on.filters()) {
      try {
        if (EventAttributes.match(filter.with(), event, eval, Variables.EMPTY)) {
          return true;
        }
      } catch (ExpressionFailure e) {
        LOG.warning(
            () ->
                plan.namespace()
                    + "/"
                    + plan.name()
                    + " "
                    + plan.version()
                    + ": schedule.on filter "
                    + filter.pointer()
                    + " failed on event "
                    + event.path("id").asText()
                    + ": "
                    + e.getMessage());
      }
    }
    return false;
  }

  /** {@code on-} and 40 hex digits of the SHA-256 of the definition and the event's key. */
  static String startId(WorkflowPlan plan, JsonNode event) {
    String key =
        String.join(
            "\u0000",
            plan.namespace(),
            plan.name(),
            plan.version(),
            event.path("source").asText(),
            event.path("id").asText());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "on-" + HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
