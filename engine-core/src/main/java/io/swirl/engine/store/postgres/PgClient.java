package io.swirl.engine.store.postgres;

import io.swirl.engine.store.StoreUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The blocking face of the asynchronous Vert.x client: a pool on a private {@link Vertx} whose
 * futures the store's callers (engine threads, never an event loop) wait for. Rows are returned as
 * they come and mapped on the calling thread, so JSON decoding never runs on an event loop.
 */
final class PgClient implements AutoCloseable {

  /** Connections of the engine's work path (see {@link #work()}). */
  static final int WORK_POOL_SIZE = 2;

  private final Vertx vertx;
  private final Pool pool;
  private final PgConnectOptions connectOptions;
  private final Duration timeout;
  private final String display;
  private final PgClient work;

  private PgClient(
      Vertx vertx,
      Pool pool,
      PgConnectOptions connectOptions,
      Duration timeout,
      String display,
      Pool workPool) {
    this.vertx = vertx;
    this.pool = pool;
    this.connectOptions = connectOptions;
    this.timeout = timeout;
    this.display = display;
    this.work =
        workPool == null
            ? this
            : new PgClient(vertx, workPool, connectOptions, timeout, display, null);
  }

  static PgClient open(StoreUrl.Postgres url, PostgresOptions options) {
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(url.host())
            .setPort(url.port())
            .setDatabase(url.database())
            .setUser(url.user() == null ? System.getProperty("user.name") : url.user())
            .setPassword(url.password() == null ? "" : url.password())
            .setCachePreparedStatements(true)
            .setPreparedStatementCacheMaxSize(512)
            .setPipeliningLimit(256);
    connect.addProperty("application_name", "swirl");
    PoolOptions poolOptions =
        new PoolOptions()
            .setMaxSize(options.poolSize())
            .setIdleTimeout((int) options.idleTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
            // No pool-wait timeout: a timed-out wait races with its own success inside the
            // Vert.x 5.0 pool ("Promise already completed"); await's timeout bounds every call.
            .setConnectionTimeout(0)
            .setMaxWaitQueueSize(-1);
    NetClientOptions net =
        new NetClientOptions()
            .setConnectTimeout((int) options.connectTimeout().toMillis())
            .setTcpNoDelay(true);
    // Two event loops are plenty: the work is the database's; callers block on futures.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
    Pool pool =
        PgBuilder.pool().with(poolOptions).with(net).connectingTo(connect).using(vertx).build();
    // The work path's statements are fixed and written so that no plan can go far wrong (see
    // PgSql); planning them afresh for each batch's arrays cost more than running them.
    PgConnectOptions workConnect =
        new PgConnectOptions(connect).addProperty("plan_cache_mode", "force_generic_plan");
    Pool workPool =
        PgBuilder.pool()
            .with(new PoolOptions(poolOptions).setMaxSize(WORK_POOL_SIZE))
            .with(net)
            .connectingTo(workConnect)
            .using(vertx)
            .build();
    return new PgClient(vertx, pool, connect, options.queryTimeout(), url.display(), workPool);
  }

  /**
   * The same database through a small pool of its own, for the engine's work path (leasing, step
   * commits, activity results): a crowd of client reads queueing for the main pool must not delay
   * the commits that make progress.
   */
  PgClient work() {
    return work;
  }

  Vertx vertx() {
    return vertx;
  }

  PgConnectOptions connectOptions() {
    return connectOptions;
  }

  String display() {
    return display;
  }

  /** Runs one statement in its own transaction (autocommit) and waits for its rows. */
  RowSet<Row> query(String what, String sql, Tuple args) {
    return await(what, pool.preparedQuery(sql).execute(args));
  }

  /** Runs statements given as text (simple protocol, no parameters) and waits for them. */
  RowSet<Row> execute(String what, String sql) {
    return await(what, pool.query(sql).execute());
  }

  /** Sends one statement in its own transaction without waiting for it. */
  Future<RowSet<Row>> send(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args);
  }

  /**
   * A connection with an open transaction; close it (after {@link Session#commit}) to return it.
   */
  Session begin(String what) {
    SqlConnection connection = await(what, pool.getConnection());
    Session session = new Session(this, connection, what);
    session.send("BEGIN");
    return session;
  }

  /**
   * A transaction whose COMMIT does not wait for its WAL flush ({@code synchronous_commit = off}).
   * Only for writes that may be lost in a database crash without harm — leases and activity
   * results, which acknowledge nothing: a lost result means the activity runs again (activities are
   * at least once). The WAL is one sequence, so any later durable commit (a step that consumed the
   * result) flushes this one first: nothing built on it can survive it.
   */
  Session beginRelaxed(String what) {
    Session session = begin(what);
    session.send("SET LOCAL synchronous_commit TO off");
    return session;
  }

  /** Waits for {@code future}, turning its failure into an exception that names {@code what}. */
  <T> T await(String what, Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " on store " + display + " was interrupted", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          what + " on store " + display + " got no answer within " + timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(
          what + " on store " + display + " failed: " + cause.getMessage(), cause);
    }
  }

  /** Waits for all {@code futures}, failing with the first failure (after all have finished). */
  void awaitAll(String what, List<? extends Future<?>> futures) {
    await(what, Future.join(futures));
  }

  @Override
  public void close() {
    if (work != this) {
      work.closePool();
    }
    closePool();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // nothing left to release
    }
  }

  private void closePool() {
    try {
      pool.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // closing anyway
    }
  }

  /**
   * An explicit transaction on one connection. Statements are pipelined: {@link #send} does not
   * wait, so a batch of writes and its COMMIT reach the server in one round trip. PostgreSQL runs
   * them in order; after a failed statement the rest fail and COMMIT rolls back, so {@link #commit}
   * checks every pending statement.
   */
  static final class Session implements AutoCloseable {
    private final PgClient client;
    private final SqlConnection connection;
    private final String what;
    private boolean finished;

    private Session(PgClient client, SqlConnection connection, String what) {
      this.client = client;
      this.connection = connection;
      this.what = what;
    }

    Future<RowSet<Row>> send(String simpleSql) {
      return connection.query(simpleSql).execute();
    }

    Future<RowSet<Row>> send(String sql, Tuple args) {
      return connection.preparedQuery(sql).execute(args);
    }

    RowSet<Row> run(String sql, Tuple args) {
      return client.await(what, send(sql, args));
    }

    /** Commits after {@code pending}; throws (the transaction rolled back) if any failed. */
    void commit(List<Future<RowSet<Row>>> pending) {
      Future<RowSet<Row>> commit = send("COMMIT");
      finished = true;
      client.awaitAll(what, pending);
      client.await(what, commit);
    }

    @Override
    public void close() {
      try {
        if (!finished) {
          finished = true;
          // Wait for it: a connection must go back to the pool outside any transaction.
          client.await(what + " (rolling back)", send("ROLLBACK"));
        }
      } catch (RuntimeException ignored) {
        // The connection is broken; the pool drops it and the server rolls back.
      } finally {
        connection.close();
      }
    }
  }
}
