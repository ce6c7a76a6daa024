package io.swirl.engine.store.sqlite;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies committed WAL pages back into a file database from its own connection and thread ({@code
 * PRAGMA wal_checkpoint(PASSIVE)}, which blocks neither the writer nor readers). The writer keeps
 * SQLite's automatic checkpoint, which then finds almost nothing left to copy and stays cheap, and
 * can still rewind the WAL so that it does not grow.
 */
final class Checkpointer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Checkpointer.class.getName());
  private static final long INTERVAL_MILLIS = 50;
  static final int MAX_FRAMES = 32_768;

  private final SqliteConnection connection;
  private final SqliteConnection writer;
  private final Thread thread;
  private volatile boolean running = true;

  private Checkpointer(SqliteConnection connection, SqliteConnection writer, String display) {
    this.connection = connection;
    this.writer = writer;
    this.thread = new Thread(this::run, "swirl-sqlite-checkpoint " + display);
    this.thread.setDaemon(true);
  }

  static Checkpointer start(SqliteConnection connection, SqliteConnection writer, String display) {
    Checkpointer checkpointer = new Checkpointer(connection, writer, display);
    checkpointer.thread.start();
    return checkpointer;
  }

  private void run() {
    while (running) {
      try {
        Thread.sleep(INTERVAL_MILLIS);
        if (connection.checkpoint("PASSIVE") > MAX_FRAMES) {
          writer.requestCatchUp();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          LOG.log(Level.WARNING, "background WAL checkpoint failed; will retry", e);
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
