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
  void an_unreachable_postgresql_store_fails_to_open_naming_the_store() {
    // Port 1 refuses at once; the message names the store without its password.
    assertThatThrownBy(() -> Stores.open(StoreUrl.parse("postgresql://u:secret@127.0.0.1:1/db")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("postgresql://u@127.0.0.1:1/db")
        .hasMessageNotContaining("secret");
  }
}
