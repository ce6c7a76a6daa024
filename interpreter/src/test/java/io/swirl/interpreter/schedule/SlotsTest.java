package io.swirl.interpreter.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlotsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void every_fires_one_interval_after_the_anchor() {
    assertThat(Slots.nextEvery(T0, Duration.ofMinutes(1), T0))
        .isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
  }

  @Test
  void every_slots_are_counted_from_the_anchor_not_from_the_last_fire() {
    Instant anchor = Instant.parse("2026-01-01T00:00:00.250Z");
    assertThat(
            Slots.nextEvery(
                anchor, Duration.ofSeconds(1), Instant.parse("2026-01-01T00:00:01.900Z")))
        .isEqualTo(Instant.parse("2026-01-01T00:00:02.250Z"));
  }

  @Test
  void every_skips_the_slots_missed_while_down_and_resumes_after_now() {
    Instant after = Instant.parse("2026-01-01T00:10:30Z");
    assertThat(Slots.nextEvery(T0, Duration.ofMinutes(1), after))
        .isEqualTo(Instant.parse("2026-01-01T00:11:00Z"));
  }

  @Test
  void every_slot_is_strictly_after_the_given_time_even_on_a_slot() {
    Instant slot = Instant.parse("2026-01-01T00:02:00Z");
    assertThat(Slots.nextEvery(T0, Duration.ofMinutes(1), slot))
        .isEqualTo(Instant.parse("2026-01-01T00:03:00Z"));
  }

  @Test
  void every_of_zero_is_refused() {
    assertThatThrownBy(() -> Slots.nextEvery(T0, Duration.ZERO, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cron_every_minute_fires_at_the_next_whole_minute() {
    assertThat(Slots.nextCron("* * * * *", Instant.parse("2026-01-01T00:00:30.5Z")))
        .contains(Instant.parse("2026-01-01T00:01:00Z"));
  }

  @Test
  void cron_on_a_matching_minute_gives_the_following_match() {
    assertThat(Slots.nextCron("* * * * *", Instant.parse("2026-01-01T00:01:00Z")))
        .contains(Instant.parse("2026-01-01T00:02:00Z"));
  }

  @Test
  void cron_daily_at_midnight_is_read_in_utc() {
    assertThat(Slots.nextCron("0 0 * * *", Instant.parse("2026-03-14T23:59:59Z")))
        .contains(Instant.parse("2026-03-15T00:00:00Z"));
  }

  @Test
  void cron_with_steps_and_weekdays() {
    // 2026-01-02 is a Friday; the next Monday is 2026-01-05
    assertThat(Slots.nextCron("*/15 9 * * 1", Instant.parse("2026-01-02T10:00:00Z")))
        .contains(Instant.parse("2026-01-05T09:00:00Z"));
  }

  @Test
  void cron_after_missed_matches_resumes_after_now() {
    assertThat(Slots.nextCron("*/5 * * * *", Instant.parse("2026-01-01T03:17:12Z")))
        .contains(Instant.parse("2026-01-01T03:20:00Z"));
  }
}
