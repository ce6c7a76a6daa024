package io.swirl.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerCommandTest {

  @Test
  void body_sizes_read_bytes_and_k_m_suffixes() {
    assertThat(ServerCommand.parseSize("1048576")).isEqualTo(1_048_576L);
    assertThat(ServerCommand.parseSize("512k")).isEqualTo(512L * 1024);
    assertThat(ServerCommand.parseSize("2MB")).isEqualTo(2L * 1024 * 1024);
    assertThat(ServerCommand.parseSize("1m")).isEqualTo(1024L * 1024);
  }

  @Test
  void a_size_that_is_not_a_size_is_refused_with_the_option_name() {
    assertThatThrownBy(() -> ServerCommand.parseSize("lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--max-body-size");
    assertThatThrownBy(() -> ServerCommand.parseSize("0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void event_retention_reads_unit_suffixes_and_iso_durations() {
    assertThat(ServerCommand.parseDuration("90s", "--x")).isEqualTo(Duration.ofSeconds(90));
    assertThat(ServerCommand.parseDuration("30m", "--x")).isEqualTo(Duration.ofMinutes(30));
    assertThat(ServerCommand.parseDuration("1h", "--x")).isEqualTo(Duration.ofHours(1));
    assertThat(ServerCommand.parseDuration("2d", "--x")).isEqualTo(Duration.ofDays(2));
    assertThat(ServerCommand.parseDuration("PT1H30M", "--x")).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void a_retention_that_is_not_a_positive_duration_is_refused_with_the_option_name() {
    for (String bad : new String[] {"soon", "0s", "-5m", "10", "PT0S", ""}) {
      assertThatThrownBy(() -> ServerCommand.parseDuration(bad, "--event-retention"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--event-retention");
    }
  }

  @Test
  void the_event_sink_is_an_http_url_or_nothing() {
    assertThat(ServerCommand.parseSink(null)).isNull();
    assertThat(ServerCommand.parseSink(" ")).isNull();
    assertThat(ServerCommand.parseSink("http://localhost:9000/events"))
        .isEqualTo(URI.create("http://localhost:9000/events"));
    assertThatThrownBy(() -> ServerCommand.parseSink("ftp://x/y"))
        .hasMessageContaining("--event-sink");
    assertThatThrownBy(() -> ServerCommand.parseSink("not a url"))
        .hasMessageContaining("--event-sink");
  }
}
