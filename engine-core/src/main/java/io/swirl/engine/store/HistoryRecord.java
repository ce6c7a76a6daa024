package io.swirl.engine.store;

import io.swirl.engine.history.HistoryEvent;
import java.time.Instant;

/** A stored history event with its position and the time its step committed. */
public record HistoryRecord(int seq, Instant timestamp, HistoryEvent event) {}
