package io.swirl.interpreter.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a schedule fires next: a pure function of the schedule and a point in time, so the
 * orchestrator that calls it stays deterministic.
 */
final class Slots {

  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private Slots() {}

  /**
   * The first {@code anchor + k * every} ({@code k >= 1}) strictly after {@code after}. Slots
   * between the last fire and {@code after} are skipped, not made up.
   */
  static Instant nextEvery(Instant anchor, Duration every, Instant after) {
    if (every.isZero() || every.isNegative()) {
      throw new IllegalArgumentException("every must be longer than zero, was " + every);
    }
    long k = after.isBefore(anchor) ? 1 : Duration.between(anchor, after).dividedBy(every) + 1;
    return anchor.plus(every.multipliedBy(k));
  }

  /**
   * The first time the UNIX cron expression (five fields, UTC) matches strictly after {@code
   * after}; empty when it never matches again.
   */
  static Optional<Instant> nextCron(String cron, Instant after) {
    ExecutionTime times = ExecutionTime.forCron(CRON.parse(cron));
    // Cron matches at second 0 of a minute, so dropping the fraction cannot skip a match.
    ZonedDateTime from =
        ZonedDateTime.ofInstant(after.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    return times.nextExecution(from).map(ZonedDateTime::toInstant);
  }

  /** Checks that {@code cron} is a UNIX cron expression. */
  static void checkCron(String cron) {
    CRON.parse(cron).validate();
  }
}
