package io.swirl.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swirl.engine.FailureDetails;
import io.swirl.engine.RuntimeStatus;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.StepCommit.InstanceUpdate;
import io.swirl.engine.store.StepCommit.NewActivity;
import io.swirl.engine.store.StepCommit.OutboundMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builders for the store contract test's instances and steps. */
final class StoreFixtures {

  private StoreFixtures() {}

  static JsonNode json(int value) {
    return JsonNodeFactory.instance.objectNode().put("x", value);
  }

  static HistoryEvent.ExecutionStarted started(String name) {
    return new HistoryEvent.ExecutionStarted(name, "1", "sha256:abc", json(1), null, null);
  }

  static NewInstance instance(String id, String name, Instant createdAt) {
    return new NewInstance(id, started(name), createdAt, createdAt);
  }

  static NewInstance child(String id, String parentId, Instant at) {
    HistoryEvent.ExecutionStarted started =
        new HistoryEvent.ExecutionStarted("child", "1", null, json(7), parentId, 3);
    return new NewInstance(id, started, at, at);
  }

  static HistoryEvent.EventRaised event(String name) {
    return new HistoryEvent.EventRaised(name, json(2));
  }

  /** A step for a leased instance; by default it consumes every message it was given. */
  static Step step(OrchestrationWorkItem item, Instant at) {
    Step step = new Step(item.instanceId(), item.lockToken(), item.instance().historySize(), at);
    item.messages().forEach(m -> step.consumed.add(m.id()));
    return step;
  }

  /**
   * A step for an instance nobody leased since the committer's last step, which left it the token
   * {@code token} and {@code historySize} events.
   */
  static Step unleasedStep(String instanceId, long token, int historySize, Instant at) {
    return new Step(instanceId, token, historySize, at);
  }

  /** A mutable builder for {@link StepCommit}. */
  static final class Step {
    private final String instanceId;
    private final long expectedToken;
    private final Instant at;
    private boolean reset;
    private int offset;
    private final List<HistoryEvent> history = new ArrayList<>();
    private final List<Long> consumed = new ArrayList<>();
    private final List<ActivityResult> results = new ArrayList<>();
    private final List<NewActivity> activities = new ArrayList<>();
    private final List<OutboundMessage> messages = new ArrayList<>();
    private final List<NewInstance> children = new ArrayList<>();
    private RuntimeStatus status = RuntimeStatus.RUNNING;
    private JsonNode input;
    private JsonNode output;
    private FailureDetails failure;
    private Instant completedAt;
    private Long token;

    Step(String instanceId, long token, int historySize, Instant at) {
      this.instanceId = instanceId;
      this.expectedToken = token;
      this.at = at;
      this.offset = historySize;
    }

    /** Consumes an inbox message. */
    Step consume(long messageId) {
      consumed.add(messageId);
      return this;
    }

    /** Consumes an activity's result, which is also appended to the history. */
    Step result(ActivityResult result) {
      results.add(result);
      history.add(result.result());
      return this;
    }

    Step history(HistoryEvent... events) {
      history.addAll(List.of(events));
      return this;
    }

    Step resetHistory(JsonNode newInput) {
      reset = true;
      offset = 0;
      input = newInput;
      return this;
    }

    Step activity(int taskId, String name) {
      activities.add(new NewActivity(taskId, name, json(taskId), instanceId + ":" + taskId));
      return this;
    }

    Step message(String instanceId, HistoryEvent event, Instant visibleAt) {
      messages.add(new OutboundMessage(instanceId, event, visibleAt));
      return this;
    }

    Step child(NewInstance child) {
      children.add(child);
      return this;
    }

    Step completed(JsonNode result) {
      status = RuntimeStatus.COMPLETED;
      output = result;
      completedAt = at;
      return this;
    }

    Step failed(FailureDetails details) {
      status = RuntimeStatus.FAILED;
      failure = details;
      completedAt = at;
      return this;
    }

    Step token(long lockToken) {
      token = lockToken;
      return this;
    }

    StepCommit build() {
      InstanceUpdate update =
          new InstanceUpdate(
              status, input, output, failure, json(99), at, completedAt, offset + history.size());
      return new StepCommit(
          instanceId,
          token == null ? expectedToken : token,
          reset,
          offset,
          history,
          consumed,
          results,
          activities,
          messages,
          children,
          update);
    }
  }
}
