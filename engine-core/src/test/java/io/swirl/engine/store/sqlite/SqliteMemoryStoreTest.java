package io.swirl.engine.store.sqlite;

import io.swirl.engine.store.Store;
import io.swirl.engine.store.StoreContractTest;
import io.swirl.engine.store.StoreUrl;

/** The store contract, on an in-memory SQLite database. */
class SqliteMemoryStoreTest extends StoreContractTest {

  @Override
  protected Store openStore() {
    return SqliteStore.open(new StoreUrl.Sqlite(null));
  }
}
