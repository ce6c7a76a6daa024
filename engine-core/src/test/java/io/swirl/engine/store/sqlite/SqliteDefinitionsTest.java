package io.swirl.engine.store.sqlite;

import io.swirl.engine.store.DefinitionsContractTest;
import io.swirl.engine.store.Store;
import io.swirl.engine.store.StoreUrl;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteDefinitionsTest extends DefinitionsContractTest {

  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(new StoreUrl.Sqlite(dir.resolve("defs.db")));
  }
}
