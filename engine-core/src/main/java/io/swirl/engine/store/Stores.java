package io.swirl.engine.store;

import io.swirl.engine.store.postgres.PostgresOptions;
import io.swirl.engine.store.postgres.PostgresStore;
import io.swirl.engine.store.sqlite.SqliteStore;

/** Opens the store a {@link StoreUrl} names. */
public final class Stores {

  private Stores() {}

  /**
   * Opens the store {@code url} names; the caller closes it.
   *
   * <p>A PostgreSQL store takes its pool size and timeouts from {@link
   * PostgresOptions#fromEnvironment()} ({@code SWIRL_PG_POOL_SIZE} and friends).
   *
   * @throws IllegalStateException when the store is in use by another process, unreachable or
   *     unreadable
   * @throws IllegalArgumentException when a PostgreSQL setting is malformed
   */
  public static Store open(StoreUrl url) {
    if (url instanceof StoreUrl.Postgres postgres) {
      return open(postgres, PostgresOptions.fromEnvironment());
    }
    return SqliteStore.open((StoreUrl.Sqlite) url);
  }

  /** Opens a PostgreSQL store with explicit pool size and timeouts; the caller closes it. */
  public static Store open(StoreUrl.Postgres url, PostgresOptions options) {
    return PostgresStore.open(url, options);
  }
}
