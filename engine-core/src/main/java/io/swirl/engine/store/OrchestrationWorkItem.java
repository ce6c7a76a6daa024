package io.swirl.engine.store;

import io.swirl.engine.InstanceState;
import java.util.List;

/**
 * A leased instance with its visible inbox messages, oldest first.
 *
 * @param lockToken presented at commit; a commit with a stale token is rejected
 */
public record OrchestrationWorkItem(
    InstanceState instance, long lockToken, List<InboxMessage> messages) {
  public OrchestrationWorkItem {
    messages = List.copyOf(messages);
  }

  public String instanceId() {
    return instance.instanceId();
  }
}
