package io.swirl.engine.store.postgres;

import io.swirl.engine.store.StoreUrl;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, uniquely named PostgreSQL database ({@code swirl_test_<random>}) for one test class,
 * created through the server's {@code postgres} maintenance database and dropped on close, so runs
 * never see each other's rows.
 *
 * <p>The server is {@code SWIRL_TEST_PG_URL} (default {@value #DEFAULT_URL}). When it cannot be
 * reached the test is aborted with the reason — unless {@code CI=true}, where that is a failure.
 */
public final class PgTestDatabase implements AutoCloseable {

  public static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";

  private static final PostgresOptions QUICK =
      new PostgresOptions(2, Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(60));

  private final PgClient maintenance;
  private final StoreUrl.Postgres url;
  private PgClient probe;

  private PgTestDatabase(PgClient maintenance, StoreUrl.Postgres url) {
    this.maintenance = maintenance;
    this.url = url;
  }

  /** Creates the database, or aborts (fails on CI) when the server is unreachable. */
  public static PgTestDatabase create() {
    String configured = System.getenv("SWIRL_TEST_PG_URL");
    String serverUrl = configured == null || configured.isBlank() ? DEFAULT_URL : configured;
    StoreUrl.Postgres server = (StoreUrl.Postgres) StoreUrl.parse(serverUrl);
    StoreUrl.Postgres admin =
        new StoreUrl.Postgres(
            server.host(), server.port(), "postgres", server.user(), server.password());
    PgClient maintenance = PgClient.open(admin, QUICK);
    try {
      maintenance.query("probe", "SELECT 1", Tuple.tuple());
    } catch (RuntimeException e) {
      maintenance.close();
      String why =
          "PostgreSQL not reachable at "
              + server.display()
              + " (set SWIRL_TEST_PG_URL): "
              + rootMessage(e);
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why, e);
      }
      Assumptions.abort(why);
    }
    String name = "swirl_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    maintenance.execute("create database " + name, "CREATE DATABASE " + name);
    StoreUrl.Postgres url =
        new StoreUrl.Postgres(
            server.host(),
            server.port(),
            name.toLowerCase(Locale.ROOT),
            server.user(),
            server.password());
    return new PgTestDatabase(maintenance, url);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** The fresh database. */
  public StoreUrl.Postgres url() {
    return url;
  }

  /** The fresh database as a store URL string (with the password, for child processes). */
  public String urlText() {
    return "postgresql://"
        + (url.user() == null
            ? ""
            : url.user() + (url.password() == null ? "" : ":" + url.password()) + "@")
        + url.host()
        + ":"
        + url.port()
        + "/"
        + url.database();
  }

  /** Runs a statement on the fresh database. */
  public void execute(String sql) {
    probe().execute("test statement", sql);
  }

  /** The single number {@code sql} selects. */
  public long count(String sql) {
    Row row = probe().execute("test count", sql).iterator().next();
    return ((Number) row.getValue(0)).longValue();
  }

  private synchronized PgClient probe() {
    if (probe == null) {
      probe = PgClient.open(url, QUICK);
    }
    return probe;
  }

  @Override
  public void close() {
    try {
      if (probe != null) {
        probe.close();
      }
      maintenance.execute(
          "drop database " + url.database(),
          "DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
    } finally {
      maintenance.close();
    }
  }
}
