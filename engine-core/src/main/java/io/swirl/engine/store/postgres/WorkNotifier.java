package io.swirl.engine.store.postgres;

import io.vertx.core.Future;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wakes idle workers of every process on the database: {@link #workAdded} sends a {@code NOTIFY
 * swirl_work} after a commit that added work, and a dedicated connection (not from the pool) {@code
 * LISTEN}s and calls the listeners. The listen connection reconnects with backoff and calls the
 * listeners whenever it (re)subscribes, since work may have arrived while it was away. Polling
 * stays the engine's fallback.
 *
 * <p>The NOTIFY is sent after the commit, in its own statement, rather than inside the writing
 * transaction: PostgreSQL serialises notifying transactions on a global lock held until their
 * commit record is flushed, which would defeat group commit. Sends are coalesced — at most one is
 * in flight and one more is owed — so a burst of commits costs one or two notifications. Each
 * carries the sender's id and a process ignores its own (its engine already knows).
 */
final class WorkNotifier implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WorkNotifier.class.getName());

  private final PgClient client;
  private final String senderId = UUID.randomUUID().toString();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** 0: no send in flight; otherwise the number of requests since the in-flight send began. */
  private final AtomicInteger requests = new AtomicInteger();

  private PgSubscriber subscriber;
  private volatile boolean closed;

  WorkNotifier(PgClient client) {
    this.client = client;
  }

  /** Tells other processes that work was committed; never blocks. */
  void workAdded() {
    if (requests.getAndIncrement() == 0) {
      send();
    }
  }

  private void send() {
    int seen = requests.get();
    Future<?> sent = client.send(PgSql.NOTIFY, Tuple.of(senderId));
    sent.onComplete(
        done -> {
          if (done.failed() && !closed) {
            LOG.log(Level.FINE, "NOTIFY failed; other processes will poll", done.cause());
          }
          if (closed || requests.compareAndSet(seen, 0)) {
            return;
          }
          // Commits happened while it was in flight: one more send covers them all.
          requests.set(1);
          send();
        });
  }

  /** Calls {@code listener} when another process notifies; starts listening on first use. */
  synchronized void onNewWork(Runnable listener) {
    listeners.add(listener);
    if (subscriber == null && !closed) {
      subscriber = PgSubscriber.subscriber(client.vertx(), client.connectOptions());
      subscriber.reconnectPolicy(retries -> closed ? -1L : backoff(retries));
      subscriber
          .channel(PgSql.CHANNEL)
          .subscribeHandler(ignored -> fire())
          .handler(
              payload -> {
                if (!senderId.equals(payload)) {
                  fire();
                }
              });
      connect(0);
    }
  }

  private void connect(int attempt) {
    subscriber
        .connect()
        .onFailure(
            e -> {
              if (closed) {
                return;
              }
              LOG.log(
                  Level.WARNING,
                  "cannot LISTEN on store " + client.display() + "; retrying (polling meanwhile)",
                  e);
              client.vertx().setTimer(backoff(attempt), t -> connect(attempt + 1));
            });
  }

  private static long backoff(int retries) {
    return Math.min(5_000L, 100L << Math.min(retries, 6));
  }

  private void fire() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a new-work listener failed", e);
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (subscriber != null) {
      try {
        client.await("closing the LISTEN connection", subscriber.close());
      } catch (RuntimeException ignored) {
        // the Vert.x instance is closed next anyway
      }
    }
  }
}
