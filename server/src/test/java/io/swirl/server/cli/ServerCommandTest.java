package io.swirl.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
