package io.swirl.engine.store;

import io.swirl.engine.history.HistoryEvent;
import java.time.Instant;

/**
 * An instance to create: its row (status PENDING) and its first inbox message.
 *
 * @param startAt when its {@code ExecutionStarted} becomes visible (now, or a scheduled start)
 */
public record NewInstance(
    String instanceId, HistoryEvent.ExecutionStarted started, Instant createdAt, Instant startAt) {}
