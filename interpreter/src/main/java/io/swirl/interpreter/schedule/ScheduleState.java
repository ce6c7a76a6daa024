package io.swirl.interpreter.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * A schedule instance's input: what it starts and where its loop is. Each round ends with {@code
 * continueAsNew} carrying the next state, so the instance's history stays a few events long.
 * Exactly one of {@code every}, {@code cron} and {@code after} is set.
 *
 * @param target the orchestration to start ({@code namespace/name})
 * @param version the definition version started instances are pinned to
 * @param definitionHash the definition hash started instances are pinned to
 * @param anchor {@code every}: the time slots are counted from, fixed on the first round
 * @param next {@code every}, {@code cron}: the slot to fire next; null before the first round
 * @param last {@code after}: when the latest run started; null before the first
 * @param fired how many runs this schedule has started
 */
record ScheduleState(
    String target,
    String version,
    String definitionHash,
    Duration every,
    String cron,
    Duration after,
    Instant anchor,
    Instant next,
    Instant last,
    long fired) {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  static ScheduleState first(
      String target,
      String version,
      String definitionHash,
      Duration every,
      String cron,
      Duration after) {
    return new ScheduleState(
        target, version, definitionHash, every, cron, after, null, null, null, 0);
  }

  ScheduleState nextSlot(Instant anchorAt, Instant slot, long firedNow) {
    return new ScheduleState(
        target, version, definitionHash, every, cron, after, anchorAt, slot, last, firedNow);
  }

  ScheduleState ran(Instant at) {
    return new ScheduleState(
        target, version, definitionHash, every, cron, after, anchor, next, at, fired + 1);
  }

  /**
   * The id of the run started for {@code at}: {@code <name>-<12 hex of the schedule key>-<UTC
   * time>}, e.g. {@code nightly-3f2a9c01b4de-20260101T000000Z}; milliseconds are added only when
   * {@code at} has them. The same slot always gets the same id, so a retried start is recognised.
   */
  String runId(Instant at) {
    String name = target.substring(target.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_-]", "-");
    if (name.length() > 24) {
      name = name.substring(0, 24);
    }
    int millis = at.getNano() / 1_000_000;
    String time = SECONDS.format(at) + (millis == 0 ? "" : String.format("_%03d", millis)) + "Z";
    return name + "-" + key(target, version, definitionHash).substring(0, 12) + "-" + time;
  }

  /** The hex SHA-256 of {@code target/version/definitionHash}: the schedule's identity. */
  static String key(String target, String version, String definitionHash) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (target + "/" + version + "/" + definitionHash).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
