package io.swirl.engine.internal;

import java.time.Instant;
import java.util.TreeSet;

/**
 * When messages this engine wrote for later become visible — timers its steps set, starts scheduled
 * through its client — so that its loop leases them when they come due without asking the store
 * between leases.
 *
 * <p>A hint, not the record: the store is. Times are kept to the millisecond, at most {@code
 * capacity} of them (the latest are dropped beyond). What is not known here — a dropped time, a
 * timer written before a restart or by a process that stopped since — the loop's poll finds: each
 * poll leases what is visible and adds the store's next visible time here.
 *
 * <p>It replaces a look at the store before every idle wait, which also saw the start messages of
 * instances this engine was about to step itself, and leased them for nothing.
 */
final class DueTimes {

  private final int capacity;
  private final TreeSet<Long> millis = new TreeSet<>();

  DueTimes(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Instant at) {
    long t = at.toEpochMilli();
    if (millis.size() >= capacity) {
      if (t >= millis.last()) {
        return;
      }
      millis.pollLast();
    }
    millis.add(t);
  }

  /** The earliest time known, or null. */
  synchronized Instant next() {
    return millis.isEmpty() ? null : Instant.ofEpochMilli(millis.first());
  }

  /** Forgets the times up to {@code now}; true when there were any: something came due. */
  synchronized boolean takeDue(Instant now) {
    long limit = now.toEpochMilli();
    boolean due = false;
    while (!millis.isEmpty() && millis.first() <= limit) {
      millis.pollFirst();
      due = true;
    }
    return due;
  }

  synchronized int size() {
    return millis.size();
  }
}
