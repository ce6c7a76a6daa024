package io.swirl.engine.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A wake-up flag: {@link #raise()} and {@link #nudge()} wake one waiting loop, or the next one that
 * waits. {@link #raise()} also counts ({@link #raises()}), so that a loop can tell whether anything
 * that needs a look at the store happened since it last looked; a nudge wakes the loop for work it
 * will find in memory.
 */
public final class Signal {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition raised = lock.newCondition();
  private boolean pending;
  private volatile long raises;

  /** Wakes the loop and counts: there may be new work in the store. */
  public void raise() {
    lock.lock();
    try {
      raises++;
      pending = true;
      raised.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the loop without counting: the new work is in memory. */
  public void nudge() {
    lock.lock();
    try {
      pending = true;
      raised.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** How many times {@link #raise()} was called. */
  public long raises() {
    return raises;
  }

  /** Waits until woken or {@code timeout} passes; clears the flag; true when woken. */
  public boolean await(Duration timeout) throws InterruptedException {
    long nanos = Math.max(0, timeout.toNanos());
    lock.lock();
    try {
      while (!pending && nanos > 0) {
        nanos = raised.awaitNanos(nanos);
      }
      boolean woken = pending;
      pending = false;
      return woken;
    } finally {
      lock.unlock();
    }
  }

  /** Clears the flag without waiting. */
  public void clear() {
    lock.lock();
    try {
      pending = false;
    } finally {
      lock.unlock();
    }
  }

  static long millis(Duration d) {
    return TimeUnit.NANOSECONDS.toMillis(d.toNanos());
  }
}
