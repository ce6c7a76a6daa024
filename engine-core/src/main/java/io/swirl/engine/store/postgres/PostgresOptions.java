package io.swirl.engine.store.postgres;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * How a {@link PostgresStore} uses its database.
 *
 * @param poolSize connections in the pool (the LISTEN connection is extra)
 * @param connectTimeout how long opening a connection may take
 * @param idleTimeout how long an unused pooled connection is kept; zero keeps it forever
 * @param queryTimeout how long one store call may wait for the database before it fails
 */
public record PostgresOptions(
    int poolSize, Duration connectTimeout, Duration idleTimeout, Duration queryTimeout) {

  /** The environment variable (and system property) names {@link #fromEnvironment} reads. */
  public static final String POOL_SIZE = "SWIRL_PG_POOL_SIZE";

  public static final String CONNECT_TIMEOUT_MS = "SWIRL_PG_CONNECT_TIMEOUT_MS";
  public static final String IDLE_TIMEOUT_MS = "SWIRL_PG_IDLE_TIMEOUT_MS";
  public static final String QUERY_TIMEOUT_MS = "SWIRL_PG_QUERY_TIMEOUT_MS";

  public PostgresOptions {
    if (poolSize < 1) {
      throw new IllegalArgumentException(
          "PostgreSQL pool size must be at least 1, not " + poolSize);
    }
    requirePositive(connectTimeout, "connect timeout");
    if (idleTimeout == null || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("PostgreSQL idle timeout must be zero or positive");
    }
    requirePositive(queryTimeout, "query timeout");
  }

  /** Pool of 8, 10 s to connect, idle connections closed after 5 min, 30 s per call. */
  public static PostgresOptions defaults() {
    return new PostgresOptions(
        8, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(30));
  }

  /**
   * The defaults overridden by {@code SWIRL_PG_POOL_SIZE}, {@code SWIRL_PG_CONNECT_TIMEOUT_MS},
   * {@code SWIRL_PG_IDLE_TIMEOUT_MS} and {@code SWIRL_PG_QUERY_TIMEOUT_MS}, each read first as a
   * system property, then from the environment.
   *
   * @throws IllegalArgumentException naming the setting whose value is not a number
   */
  public static PostgresOptions fromEnvironment() {
    return from(name -> System.getProperty(name, System.getenv(name)));
  }

  static PostgresOptions from(Map<String, String> settings) {
    return from(settings::get);
  }

  private static PostgresOptions from(Function<String, String> lookup) {
    PostgresOptions d = defaults();
    return new PostgresOptions(
        (int) number(lookup, POOL_SIZE, d.poolSize()),
        Duration.ofMillis(number(lookup, CONNECT_TIMEOUT_MS, d.connectTimeout().toMillis())),
        Duration.ofMillis(number(lookup, IDLE_TIMEOUT_MS, d.idleTimeout().toMillis())),
        Duration.ofMillis(number(lookup, QUERY_TIMEOUT_MS, d.queryTimeout().toMillis())));
  }

  private static long number(Function<String, String> lookup, String name, long fallback) {
    String value = lookup.apply(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
    }
  }

  private static void requirePositive(Duration value, String what) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("PostgreSQL " + what + " must be positive");
    }
  }
}
