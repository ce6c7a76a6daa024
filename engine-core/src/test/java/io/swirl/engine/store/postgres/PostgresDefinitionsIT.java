package io.swirl.engine.store.postgres;

import io.swirl.engine.store.DefinitionsContractTest;
import io.swirl.engine.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The definitions contract on PostgreSQL. */
class PostgresDefinitionsIT extends DefinitionsContractTest {

  private static PgTestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PgTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected Store openStore() {
    PostgresStore store = PostgresStore.open(database.url(), PostgresOptions.defaults());
    database.execute("DELETE FROM definitions; DELETE FROM inbox; DELETE FROM instances");
    return store;
  }
}
