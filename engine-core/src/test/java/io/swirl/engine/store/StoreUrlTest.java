package io.swirl.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreUrlTest {

  @Test
  void sqlite_url_names_a_file() {
    assertThat(StoreUrl.parse("sqlite:swirl-data/swirl.db"))
        .isEqualTo(new StoreUrl.Sqlite(Path.of("swirl-data/swirl.db")));
  }

  @Test
  void sqlite_memory_url_is_in_memory() {
    assertThat(StoreUrl.parse("sqlite::memory:"))
        .isInstanceOfSatisfying(StoreUrl.Sqlite.class, s -> assertThat(s.inMemory()).isTrue());
  }

  @Test
  void postgres_url_has_user_host_port_and_database() {
    assertThat(StoreUrl.parse("postgresql://postgres@127.0.0.1:5432/test"))
        .isEqualTo(new StoreUrl.Postgres("127.0.0.1", 5432, "test", "postgres", null));
  }

  @Test
  void postgres_port_defaults_to_5432() {
    assertThat(StoreUrl.parse("postgresql://db.local/swirl"))
        .isEqualTo(new StoreUrl.Postgres("db.local", 5432, "swirl", null, null));
  }

  @Test
  void display_never_shows_the_password() {
    StoreUrl url = StoreUrl.parse("postgresql://swirl:s3cret@db:5433/prod");
    assertThat(url.display()).isEqualTo("postgresql://swirl@db:5433/prod");
    assertThat(url.toString()).doesNotContain("s3cret");
  }

  @Test
  void unknown_scheme_is_rejected_with_the_accepted_forms() {
    assertThatThrownBy(() -> StoreUrl.parse("mysql://x/y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither 'sqlite:' nor 'postgresql://'")
        .hasMessageContaining("use sqlite:PATH or postgresql://");
  }

  @Test
  void error_message_hides_the_password() {
    assertThatThrownBy(() -> StoreUrl.parse("postgresql://u:s3cret@db"))
        .hasMessageContaining("database name is missing")
        .hasMessageNotContaining("s3cret");
  }
}
