package io.swirl.engine.store;

import io.swirl.engine.history.HistoryEvent;

/** The outcome of an activity: a {@code TaskCompleted} or {@code TaskFailed} for its instance. */
public record ActivityResult(long activityId, String instanceId, HistoryEvent.Completion result) {}
