package io.swirl.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresOptionsTest {

  @Test
  void unset_settings_keep_the_defaults() {
    assertThat(PostgresOptions.from(Map.of())).isEqualTo(PostgresOptions.defaults());
    assertThat(PostgresOptions.defaults().poolSize()).isEqualTo(8);
  }

  @Test
  void settings_override_pool_size_and_timeouts() {
    PostgresOptions options =
        PostgresOptions.from(
            Map.of(
                PostgresOptions.POOL_SIZE, "16",
                PostgresOptions.CONNECT_TIMEOUT_MS, "2500",
                PostgresOptions.IDLE_TIMEOUT_MS, "0",
                PostgresOptions.QUERY_TIMEOUT_MS, " 60000 "));

    assertThat(options.poolSize()).isEqualTo(16);
    assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(options.idleTimeout()).isZero();
    assertThat(options.queryTimeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void a_malformed_or_impossible_setting_is_refused_naming_it() {
    assertThatThrownBy(() -> PostgresOptions.from(Map.of(PostgresOptions.POOL_SIZE, "eight")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SWIRL_PG_POOL_SIZE")
        .hasMessageContaining("'eight'");
    assertThatThrownBy(() -> PostgresOptions.from(Map.of(PostgresOptions.POOL_SIZE, "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pool size must be at least 1");
  }
}
