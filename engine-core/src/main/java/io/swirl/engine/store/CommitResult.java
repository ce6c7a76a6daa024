package io.swirl.engine.store;

import io.swirl.engine.InstanceState;
import java.util.List;

/**
 * What {@link Store#commitSteps} did.
 *
 * @param rejected instance ids whose steps were skipped because their lease was lost
 * @param lockedActivities the activities the committed steps enqueued, leased to the caller
 * @param ended the instances the committed steps ended (completed, failed or terminated), as the
 *     commit left them, for their waiters
 */
public record CommitResult(
    List<String> rejected, List<ActivityWorkItem> lockedActivities, List<InstanceState> ended) {
  public CommitResult {
    rejected = List.copyOf(rejected);
    lockedActivities = List.copyOf(lockedActivities);
    ended = List.copyOf(ended);
  }
}
