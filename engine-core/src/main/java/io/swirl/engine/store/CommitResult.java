package io.swirl.engine.store;

import java.util.List;

/**
 * What {@link Store#commitSteps} did.
 *
 * @param rejected instance ids whose steps were skipped because their lease was lost
 * @param lockedActivities the activities the committed steps enqueued, leased to the caller
 */
public record CommitResult(List<String> rejected, List<ActivityWorkItem> lockedActivities) {
  public CommitResult {
    rejected = List.copyOf(rejected);
    lockedActivities = List.copyOf(lockedActivities);
  }
}
