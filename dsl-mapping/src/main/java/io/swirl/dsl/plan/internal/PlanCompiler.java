package io.swirl.dsl.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swirl.dsl.Diagnostic;
import io.swirl.dsl.plan.AuthenticationPlan;
import io.swirl.dsl.plan.Schedule;
import io.swirl.dsl.plan.TaskList;
import io.swirl.dsl.plan.WorkflowPlan;
import io.swirl.dsl.validation.Walk;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one validated document into a {@link WorkflowPlan}. Single use, not thread-safe; the
 * plan it returns is immutable. The document must be valid: shapes the validator refuses are not
 * checked again here.
 */
public final class PlanCompiler {

  /** The validator's code for a valid feature Swirl does not run yet. */
  private static final String UNSUPPORTED = "unsupported-feature";

  private final JsonNode root;
  private final Expressions expressions;
  private final Policies policies;
  private final Tasks tasks;
  private final FlowTasks flowTasks;
  private final Invocations invocations;
  private final Events events;

  private PlanCompiler(JsonNode root) {
    this.root = root;
    this.expressions = new Expressions(Walk.of(root));
    this.policies = new Policies(root.path("use"), expressions);
    this.tasks = new Tasks(this);
    this.flowTasks = new FlowTasks(this);
    this.invocations = new Invocations(this);
    this.events = new Events(this);
  }

  /**
   * The plan for {@code document}, a valid workflow tree (it is deep-copied, not kept).
   *
   * @param source the text it was read from
   * @param warnings the validator's warnings; the {@code unsupported-feature} ones become {@link
   *     WorkflowPlan#unsupported()}
   */
  public static WorkflowPlan compile(JsonNode document, String source, List<Diagnostic> warnings) {
    return new PlanCompiler(document.deepCopy()).plan(source, warnings);
  }

  private WorkflowPlan plan(String source, List<Diagnostic> warnings) {
    JsonNode doc = root.path("document");
    TaskList main = tasks.list("/do", root.get("do"));
    Schedule schedule = schedule(root.path("schedule"));
    Map<String, String> unsupported = new LinkedHashMap<>(policies.unsupported());
    for (Diagnostic d : warnings) {
      if (d.code().equals(UNSUPPORTED)) {
        unsupported.put(d.pointer(), d.message());
      }
    }
    return new WorkflowPlan(
        doc.path("namespace").asText(),
        doc.path("name").asText(),
        doc.path("version").asText(),
        doc.path("dsl").asText(),
        CanonicalJson.sha256(root),
        source,
        tasks.input("/input", root.path("input")),
        tasks.filter("/output", root.path("output")),
        policies.timeout("/timeout", root.path("timeout")),
        main,
        policies.errors(),
        policies.retries(),
        authentications(root.path("use").path("authentications")),
        secrets(root.path("use").path("secrets")),
        schedule,
        events.subscriptions(),
        unsupported);
  }

  private Schedule schedule(JsonNode schedule) {
    if (schedule.isMissingNode()) {
      return null;
    }
    JsonNode cron = schedule.get("cron");
    return new Schedule(
        policies.duration("/schedule/every", schedule.path("every")),
        cron == null ? null : cron.asText().strip(),
        policies.duration("/schedule/after", schedule.path("after")),
        schedule.has("on") ? events.strategy("/schedule/on", schedule.get("on")) : null);
  }

  private static Map<String, AuthenticationPlan> authentications(JsonNode all) {
    Map<String, AuthenticationPlan> out = new LinkedHashMap<>();
    all.fields()
        .forEachRemaining(
            f -> {
              var scheme = f.getValue().fields();
              var first = scheme.hasNext() ? scheme.next() : null;
              out.put(
                  f.getKey(),
                  new AuthenticationPlan(
                      f.getKey(),
                      first == null ? null : first.getKey(),
                      first == null ? null : first.getValue().deepCopy()));
            });
    return out;
  }

  private static Set<String> secrets(JsonNode secrets) {
    Set<String> out = new LinkedHashSet<>();
    secrets.forEach(s -> out.add(s.asText()));
    return out;
  }

  JsonNode use() {
    return root.path("use");
  }

  Expressions expressions() {
    return expressions;
  }

  Policies policies() {
    return policies;
  }

  Tasks tasks() {
    return tasks;
  }

  FlowTasks flowTasks() {
    return flowTasks;
  }

  Invocations invocations() {
    return invocations;
  }

  Events events() {
    return events;
  }
}
