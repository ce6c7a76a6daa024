package io.swirl.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swirl.engine.store.sqlite.SqliteStore;
import org.junit.jupiter.api.Test;

class StoresTest {

  @Test
  void a_sqlite_url_opens_the_sqlite_store() {
    try (Store store = Stores.open(StoreUrl.parse("sqlite::memory:"))) {
      assertThat(store).isInstanceOf(SqliteStore.class);
      assertThat(store.getInstance("x")).isEmpty();
    }
  }

  @Test
  void a_postgresql_url_is_refused_until_that_store_exists() {
    assertThatThrownBy(() -> Stores.open(StoreUrl.parse("postgresql://u@localhost/db")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("the PostgreSQL store is not built yet");
  }
}
