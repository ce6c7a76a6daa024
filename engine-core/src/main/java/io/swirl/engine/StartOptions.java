package io.swirl.engine;

import java.time.Instant;

/**
 * How to start an instance; every member may be null.
 *
 * @param instanceId letters, digits, {@code -} and {@code _}, at most 64 characters; generated when
 *     null
 * @param version the orchestration version to run
 * @param definitionHash the content hash of the definition, pinned in history
 * @param startAt a time before which the instance does not start
 */
public record StartOptions(
    String instanceId, String version, String definitionHash, Instant startAt) {

  public static final StartOptions DEFAULTS = new StartOptions(null, null, null, null);

  public static StartOptions withId(String instanceId) {
    return new StartOptions(instanceId, null, null, null);
  }
}
