package io.swirl.dsl.plan;

import java.time.Duration;

/**
 * {@code schedule}: when instances start by themselves. Exactly what the document sets is non-null
 * (a runtime expression as {@code every} or {@code after} is listed in {@link
 * WorkflowPlan#unsupported()} and read as absent).
 *
 * @param every start one per interval
 * @param cron start on this UNIX cron expression
 * @param after start again this long after one completes
 * @param on start when these events arrive
 */
public record Schedule(Duration every, String cron, Duration after, EventStrategy on) {}
