package io.swirl.engine.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * How an engine runs.
 *
 * @param workerId names this engine's leases; unique per process
 * @param orchestrationBatch instances stepped per transaction at most
 * @param activityThreads activities run at once at most
 * @param cacheSize instances whose orchestrator state stays in memory
 * @param maxPollInterval the longest idle wait before looking at the store again
 */
public record EngineSettings(
    String workerId,
    Clock clock,
    int orchestrationBatch,
    Duration orchestrationLease,
    int activityThreads,
    int activityBatch,
    Duration activityLease,
    int cacheSize,
    Duration maxPollInterval) {}
