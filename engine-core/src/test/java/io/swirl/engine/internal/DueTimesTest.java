package io.swirl.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueTimesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void takes_what_came_due_and_keeps_the_rest_in_order() {
    DueTimes times = new DueTimes(10);
    times.add(T0.plusSeconds(5));
    times.add(T0.plusSeconds(1));
    times.add(T0.plusSeconds(3));

    assertThat(times.next()).isEqualTo(T0.plusSeconds(1));
    assertThat(times.takeDue(T0)).isFalse();
    assertThat(times.takeDue(T0.plusSeconds(3))).isTrue();
    assertThat(times.next()).isEqualTo(T0.plusSeconds(5));
    assertThat(times.takeDue(T0.plusSeconds(4))).isFalse();
  }

  @Test
  void keeps_a_time_once_to_the_millisecond() {
    DueTimes times = new DueTimes(10);
    times.add(T0.plusNanos(100));
    times.add(T0.plusNanos(900_000));

    assertThat(times.size()).isEqualTo(1);
    assertThat(times.takeDue(T0)).isTrue();
    assertThat(times.next()).isNull();
  }

  @Test
  void when_full_keeps_the_earliest() {
    DueTimes times = new DueTimes(2);
    times.add(T0.plusSeconds(2));
    times.add(T0.plusSeconds(3));
    times.add(T0.plusSeconds(4)); // dropped: later than all kept
    times.add(T0.plusSeconds(1)); // kept: drops the latest

    assertThat(times.size()).isEqualTo(2);
    assertThat(times.takeDue(T0.plusSeconds(2))).isTrue();
    assertThat(times.next()).isNull();
  }
}
