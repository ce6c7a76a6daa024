package io.swirl.engine.store;

import io.swirl.engine.history.HistoryEvent;

/** A message waiting in an instance's inbox; {@code id} orders arrival. */
public record InboxMessage(long id, HistoryEvent event) {}
