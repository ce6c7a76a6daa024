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
    return new Step(item, at);
  }

  /** A mutable builder for {@link StepCommit}. */
  static final class Step {
    private final OrchestrationWorkItem item;
    private final Instant at;
    private boolean reset;
    private int offset;
    private final List<HistoryEvent> history = new ArrayList<>();
    private final List<Long> consumed = new ArrayList<>();
    private final List<NewActivity> activities = new ArrayList<>();
    private final List<OutboundMessage> messages = new ArrayList<>();
    private final List<NewInstance> children = new ArrayList<>();
    private RuntimeStatus status = RuntimeStatus.RUNNING;
    private JsonNode input;
    private JsonNode output;
    private FailureDetails failure;
    private Instant completedAt;
    private Long token;

    Step(OrchestrationWorkItem item, Instant at) {
      this.item = item;
      this.at = at;
      this.offset = item.instance().historySize();
      item.messages().forEach(m -> consumed.add(m.id()));
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
      activities.add(new NewActivity(taskId, name, json(taskId), item.instanceId() + ":" + taskId));
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
          item.instanceId(),
          token == null ? item.lockToken() : token,
          reset,
          offset,
          history,
          consumed,
          activities,
          messages,
          children,
          update);
    }
  }
}
