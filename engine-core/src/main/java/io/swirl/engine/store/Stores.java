package io.swirl.engine.store;

import io.swirl.engine.store.sqlite.SqliteStore;

/** Opens the store a {@link StoreUrl} names. */
public final class Stores {

  private Stores() {}

  /**
   * Opens the store {@code url} names; the caller closes it.
   *
   * @throws UnsupportedOperationException for PostgreSQL, whose store is not built yet
   * @throws IllegalStateException when the store is in use by another process or unreadable
   */
  public static Store open(StoreUrl url) {
    if (url instanceof StoreUrl.Sqlite sqlite) {
      return SqliteStore.open(sqlite);
    }
    throw new UnsupportedOperationException("the PostgreSQL store is not built yet");
  }
}
